import { DomainError, requireNumber } from '../errors.ts';
import { roundTo } from './round.ts';
import { getRoute } from './routes.ts';
import type { RouteId } from './routes.ts';

/**
 * Dose limits work like a smart-pump drug library: inside [min, max] is routine; between max and
 * hardMax the order stands but carries a warning the prescriber must acknowledge. Everything else is a
 * hard stop (refused, no override): above hardMax (`dose_above_maximum`), above a mg cap per session or
 * per hour (`dose_above_cap`), faster than the rate ceiling (`rate_above_maximum`) or shorter than the
 * minimum duration (`duration_below_minimum`).
 */
export interface DoseLimits {
  minMgPerKg: number;
  maxMgPerKg: number;
  hardMaxMgPerKg: number;
  /** Absolute cap on one session's dose, mg. */
  maxTotalMg?: number;
  /** Pump routes: ceiling on the infusion rate per kg. Every IV protocol carries one. */
  maxMgPerKgPerHour?: number;
  // Bedside safety (issue 10): duration floor and hourly cap for pump routes.
  /** Pump routes: the shortest infusion allowed, minutes. Every IV protocol carries one. */
  minDurationMin?: number;
  /** Pump routes: absolute cap on the infusion rate, mg/h (e.g. 25 mg/h in Schwartzman 2009); null: none. */
  maxMgPerHour?: number | null;
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
      'dose_above_cap',
      `${doseMg} mg is above the protocol cap of ${limits.maxTotalMg} mg per session`,
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
  const pump = durationMin === null ? null : pumpFigures(mgPerKg, doseMg, totalVolumeMl, durationMin, limits);

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

/** Above `limit`, ignoring binary noise (0.1 + 0.2 style) in the figure. */
const above = (value: number, limit: number): boolean => roundTo(value, 6) > limit;

function pumpFigures(
  mgPerKg: number,
  doseMg: number,
  totalVolumeMl: number,
  durationMin: number,
  limits: DoseLimits,
): { rateMlPerHour: number; mgPerMin: number; mgPerKgPerHour: number } {
  const hours = durationMin / 60;
  const { minDurationMin, maxMgPerKgPerHour, maxMgPerHour } = limits;
  if (minDurationMin == null || maxMgPerKgPerHour == null) {
    // A pump route without both limits would let any rate through: refuse rather than guess.
    throw new DomainError(
      'invalid_input',
      'An infusion protocol must state its minimum duration and maximum rate (mg/kg/h)',
    );
  }
  if (durationMin < minDurationMin) {
    throw new DomainError(
      'duration_below_minimum',
      `${durationMin} min is shorter than the protocol minimum of ${minDurationMin} min`,
      { durationMin, minDurationMin },
    );
  }
  // The prescribed rate (mg/kg over the duration), not the rounded dose: rounding 41.65 mg up to 41.7 mg
  // must not push the standard 0.75 mg/kg/h over its own ceiling.
  const mgPerKgPerHour = (mgPerKg * 60) / durationMin;
  if (above(mgPerKgPerHour, maxMgPerKgPerHour)) {
    throw new DomainError(
      'rate_above_maximum',
      `${roundTo(mgPerKgPerHour, 2)} mg/kg/h is above the protocol maximum of ${maxMgPerKgPerHour} mg/kg/h`,
      { mgPerKgPerHour: roundTo(mgPerKgPerHour, 4), maxMgPerKgPerHour },
    );
  }
  const mgPerHour = (doseMg * 60) / durationMin;
  if (maxMgPerHour != null && above(mgPerHour, maxMgPerHour)) {
    throw new DomainError(
      'dose_above_cap',
      `${roundTo(mgPerHour, 1)} mg/h is above the protocol cap of ${maxMgPerHour} mg/h`,
      { mgPerHour: roundTo(mgPerHour, 2), maxMgPerHour },
    );
  }
  return {
    rateMlPerHour: roundTo(totalVolumeMl / hours, 1),
    mgPerMin: roundTo(doseMg / durationMin, 2),
    mgPerKgPerHour: roundTo(mgPerKgPerHour, 2),
  };
}

export type CeilingReason = 'hard_maximum' | 'session_cap' | 'rate' | 'hourly_cap';

/**
 * The highest mg/kg the limits allow for this weight and duration (0.001 mg/kg, rounded down), and which
 * limit binds: what the order form tells the prescriber before they are refused.
 */
export function doseCeiling(
  limits: DoseLimits,
  weightKg: number,
  durationMin: number | null,
): { mgPerKg: number; by: CeilingReason } {
  const candidates: [number, CeilingReason][] = [[limits.hardMaxMgPerKg, 'hard_maximum']];
  if (limits.maxTotalMg != null) {
    candidates.push([limits.maxTotalMg / weightKg, 'session_cap']);
  }
  if (durationMin != null && durationMin > 0) {
    if (limits.maxMgPerKgPerHour != null) {
      candidates.push([(limits.maxMgPerKgPerHour * durationMin) / 60, 'rate']);
    }
    if (limits.maxMgPerHour != null) {
      candidates.push([(limits.maxMgPerHour * durationMin) / 60 / weightKg, 'hourly_cap']);
    }
  }
  const [mgPerKg, by] = candidates.reduce((low, c) => (roundTo(c[0], 9) < roundTo(low[0], 9) ? c : low));
  return { mgPerKg: Math.floor(roundTo(mgPerKg, 9) * 1000) / 1000, by };
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
  if (limits.minDurationMin != null) {
    requireNumber(limits.minDurationMin, 'limits.minDurationMin', { positive: true });
  }
  if (limits.maxMgPerHour != null) {
    requireNumber(limits.maxMgPerHour, 'limits.maxMgPerHour', { positive: true });
  }
  return limits;
}
