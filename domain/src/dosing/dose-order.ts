import { DomainError, requireNumber } from '../errors.ts';
import { roundTo } from './round.ts';
import { getRoute } from './routes.ts';
import type { RouteId } from './routes.ts';

/**
 * Dose limits work like a smart-pump drug library: inside [min, max] is routine; between max and
 * hardMax the order stands but carries a warning the prescriber must acknowledge; above hardMax, or
 * above maxTotalMg / maxMgPerKgPerHour, the order is refused (hard stop, no override).
 */
export interface DoseLimits {
  minMgPerKg: number;
  maxMgPerKg: number;
  hardMaxMgPerKg: number;
  maxTotalMg?: number;
  /** Only for long pump infusions (chronic pain): ceiling on the infusion rate per kg. */
  maxMgPerKgPerHour?: number;
}

export interface DoseOrderInput {
  weightKg: number;
  mgPerKg: number;
  route: RouteId;
  /** Required for pump routes (IV); ignored otherwise. */
  durationMin?: number | null;
  vialConcentrationMgPerMl: number;
  /** Volume the drawn drug is added to (e.g. a 100 mL 0.9 % saline bag); 0 for IM or IN. */
  diluentVolumeMl: number;
  limits: DoseLimits;
}

export interface DoseWarning {
  code: 'dose_above_protocol_range';
  message: string;
}

export interface DoseOrder {
  route: RouteId;
  weightKg: number;
  mgPerKg: number;
  /** Rounded to 0.1 mg: the dose charted and drawn. */
  doseMg: number;
  /** Drug volume to draw from the vial, 0.01 mL. */
  drawVolumeMl: number;
  /** Draw volume plus diluent: what the pump delivers, 0.01 mL. */
  totalVolumeMl: number;
  durationMin: number | null;
  /** Pump rate in mL/h, 0.1 mL/h; null for routes without a pump. */
  rateMlPerHour: number | null;
  /** mg per minute, 0.01; null without a pump. */
  mgPerMin: number | null;
  /** mg/kg/h, 0.01; null without a pump. */
  mgPerKgPerHour: number | null;
  warnings: readonly DoseWarning[];
}

/**
 * IV ketamine at 100 mg/mL must be diluted before use (label; https://www.droracle.ai/articles/788538/
 * [V, low-authority source]; Ketalar label [U]). Clinic-editable.
 */
export const mustDiluteForIvAtMgPerMl = 100;

/** Turns a weight-based prescription into what the nurse draws and programs. Pure; throws DomainError. */
export function computeDoseOrder(input: DoseOrderInput): DoseOrder {
  const route = getRoute(input.route);
  const weightKg = requireNumber(input.weightKg, 'weightKg', { positive: true });
  const mgPerKg = requireNumber(input.mgPerKg, 'mgPerKg', { positive: true });
  const concentration = requireNumber(input.vialConcentrationMgPerMl, 'vialConcentrationMgPerMl', {
    positive: true,
  });
  const diluentVolumeMl = requireNumber(input.diluentVolumeMl, 'diluentVolumeMl', { min: 0 });
  const limits = checkLimits(input.limits);
  const durationMin = route.usesPump
    ? requireNumber(input.durationMin, 'durationMin', { positive: true })
    : null;

  if (mgPerKg < limits.minMgPerKg) {
    throw new DomainError(
      'dose_below_minimum',
      `${mgPerKg} mg/kg is below the protocol minimum of ${limits.minMgPerKg} mg/kg`,
      { mgPerKg, minMgPerKg: limits.minMgPerKg },
    );
  }
  if (mgPerKg > limits.hardMaxMgPerKg) {
    throw new DomainError(
      'dose_above_maximum',
      `${mgPerKg} mg/kg is above the protocol maximum of ${limits.hardMaxMgPerKg} mg/kg`,
      { mgPerKg, hardMaxMgPerKg: limits.hardMaxMgPerKg },
    );
  }

  const doseMg = roundTo(weightKg * mgPerKg, 1);
  if (limits.maxTotalMg != null && doseMg > limits.maxTotalMg) {
    throw new DomainError(
      'dose_above_maximum',
      `${doseMg} mg is above the protocol maximum of ${limits.maxTotalMg} mg per session`,
      { doseMg, maxTotalMg: limits.maxTotalMg },
    );
  }
  if (route.id === 'iv' && concentration >= mustDiluteForIvAtMgPerMl && diluentVolumeMl === 0) {
    throw new DomainError(
      'dilution_required',
      `${concentration} mg/mL ketamine must be diluted before IV use`,
      { vialConcentrationMgPerMl: concentration },
    );
  }

  const drawVolumeMl = roundTo(doseMg / concentration, 2);
  const totalVolumeMl = roundTo(drawVolumeMl + diluentVolumeMl, 2);
  const pump =
    durationMin === null ? null : pumpFigures(doseMg, totalVolumeMl, weightKg, durationMin, limits);

  const warnings: DoseWarning[] = [];
  if (mgPerKg > limits.maxMgPerKg) {
    warnings.push({
      code: 'dose_above_protocol_range',
      message: `${mgPerKg} mg/kg is above the usual protocol range (up to ${limits.maxMgPerKg} mg/kg); prescriber must confirm`,
    });
  }

  return {
    route: route.id,
    weightKg,
    mgPerKg,
    doseMg,
    drawVolumeMl,
    totalVolumeMl,
    durationMin,
    rateMlPerHour: pump?.rateMlPerHour ?? null,
    mgPerMin: pump?.mgPerMin ?? null,
    mgPerKgPerHour: pump?.mgPerKgPerHour ?? null,
    warnings,
  };
}

function pumpFigures(
  doseMg: number,
  totalVolumeMl: number,
  weightKg: number,
  durationMin: number,
  limits: DoseLimits,
): { rateMlPerHour: number; mgPerMin: number; mgPerKgPerHour: number } {
  const hours = durationMin / 60;
  const mgPerKgPerHour = doseMg / weightKg / hours;
  if (limits.maxMgPerKgPerHour != null && mgPerKgPerHour > limits.maxMgPerKgPerHour) {
    throw new DomainError(
      'infusion_rate_above_maximum',
      `${roundTo(mgPerKgPerHour, 2)} mg/kg/h is above the protocol maximum of ${limits.maxMgPerKgPerHour} mg/kg/h`,
      { mgPerKgPerHour, maxMgPerKgPerHour: limits.maxMgPerKgPerHour },
    );
  }
  return {
    rateMlPerHour: roundTo(totalVolumeMl / hours, 1),
    mgPerMin: roundTo(doseMg / durationMin, 2),
    mgPerKgPerHour: roundTo(mgPerKgPerHour, 2),
  };
}

function checkLimits(limits: DoseLimits): DoseLimits {
  if (typeof limits !== 'object' || limits === null) {
    throw new DomainError('invalid_input', 'Dose limits are required');
  }
  const min = requireNumber(limits.minMgPerKg, 'limits.minMgPerKg', { positive: true });
  const max = requireNumber(limits.maxMgPerKg, 'limits.maxMgPerKg', { positive: true });
  const hardMax = requireNumber(limits.hardMaxMgPerKg, 'limits.hardMaxMgPerKg', { positive: true });
  if (!(min <= max && max <= hardMax)) {
    throw new DomainError('invalid_input', 'Dose limits must satisfy min ≤ max ≤ hard maximum', {
      minMgPerKg: min,
      maxMgPerKg: max,
      hardMaxMgPerKg: hardMax,
    });
  }
  if (limits.maxTotalMg != null) {
    requireNumber(limits.maxTotalMg, 'limits.maxTotalMg', { positive: true });
  }
  if (limits.maxMgPerKgPerHour != null) {
    requireNumber(limits.maxMgPerKgPerHour, 'limits.maxMgPerKgPerHour', { positive: true });
  }
  return limits;
}
