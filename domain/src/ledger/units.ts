import { DomainError } from '../errors.ts';

/**
 * Ledger quantities are whole micrograms so that sums never drift; people read and type mg and mL.
 * These are the only conversions, so every screen and report rounds the same way.
 */

const UG_PER_MG = 1000;

function requireFinite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('invalid_input', `${name} must be a finite number`, { field: name, value });
  }
  return value;
}

function requireNonNegative(value: unknown, name: string): number {
  const n = requireFinite(value, name);
  if (n < 0) {
    throw new DomainError('invalid_input', `${name} must not be negative`, { field: name, value });
  }
  return n;
}

function requirePositive(value: unknown, name: string): number {
  const n = requireFinite(value, name);
  if (n <= 0) {
    throw new DomainError('invalid_input', `${name} must be greater than 0`, { field: name, value });
  }
  return n;
}

/** Whole µg that a double can hold exactly; anything else is a bug upstream. */
function requireUg(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('invalid_input', `${name} must be a whole number of micrograms`, {
      field: name,
      value,
    });
  }
  return value;
}

function safeUg(ug: number, name: string, value: unknown): number {
  if (!Number.isSafeInteger(ug)) {
    throw new DomainError('invalid_input', `${name} is too large`, { field: name, value });
  }
  return ug;
}

/**
 * mg → µg, exactly. A mg amount finer than a microgram (0.0005 mg) is refused rather than rounded:
 * a typed amount on a controlled-substance record must not change silently. Binary artefacts of
 * arithmetic (0.1 + 0.2) are far below a µg and are absorbed.
 */
export function mgToUg(mg: number): number {
  const value = requireNonNegative(mg, 'mg');
  const scaled = value * UG_PER_MG;
  const ug = safeUg(Math.round(scaled), 'mg', mg);
  if (Math.abs(scaled - ug) > 1e-6 + Math.abs(scaled) * Number.EPSILON * 4) {
    throw new DomainError('invalid_input', 'mg must be a whole number of micrograms (at most 3 decimals)', {
      field: 'mg',
      value: mg,
    });
  }
  return ug;
}

/** µg → mg (may be negative: an adjustment is signed). */
export function ugToMg(ug: number): number {
  return requireUg(ug, 'µg') / UG_PER_MG;
}

/** mL of a solution of `mgPerMl` → µg, rounded to the nearest µg (half up): a syringe reads in mL. */
export function mlToUg(ml: number, mgPerMl: number): number {
  const volume = requireNonNegative(ml, 'mL');
  const strength = requirePositive(mgPerMl, 'mg/mL');
  const exact = volume * strength * UG_PER_MG;
  // 0.35 mL × 50 mg/mL × 1000 is 17500.000000000004 in binary; a relative nudge keeps true halves
  // (0.0005 mL of 1 mg/mL) rounding up despite the same kind of artefact below the half.
  return safeUg(Math.round(exact * (1 + Number.EPSILON * 4)), 'mL', ml);
}

/** µg → mL of a solution of `mgPerMl`, unrounded: callers round for display (inventory uses 0.01 mL). */
export function ugToMl(ug: number, mgPerMl: number): number {
  const amount = requireUg(ug, 'µg');
  const strength = requirePositive(mgPerMl, 'mg/mL');
  return amount / UG_PER_MG / strength;
}

/**
 * "17.5 mg", "500 mg", "0.001 mg", "-2.25 mg": exact decimal digits from the integer, trailing zeros
 * trimmed, never binary artefacts.
 */
export function formatMg(ug: number): string {
  const amount = requireUg(ug, 'µg');
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / UG_PER_MG);
  const fraction = String(abs % UG_PER_MG)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''} mg`;
}
