/**
 * One error type for every domain rule. Rules throw it; the server maps `code` to an HTTP status and
 * shows `message`. Outcomes that are normal answers (an incomplete questionnaire, a patient not yet
 * ready for discharge) are returned as values, never thrown.
 */
export type DomainErrorCode =
  | 'invalid_input'
  | 'unknown_instrument'
  | 'unknown_item'
  | 'invalid_answer'
  | 'unknown_answer_code'
  | 'unknown_route'
  | 'unknown_protocol'
  | 'dose_above_maximum'
  | 'dose_below_minimum'
  | 'rate_above_maximum'
  | 'duration_below_minimum'
  | 'dose_above_cap'
  | 'weight_out_of_date'
  | 'height_required'
  | 'sex_required'
  | 'dilution_required'
  | 'dose_above_order'
  | 'volume_above_site_limit'
  | 'volume_dose_mismatch'
  | 'invalid_infusion_events'
  | 'vital_out_of_range'
  | 'invalid_score_item'
  | 'invalid_date'
  | 'illegal_transition'
  | 'prechecks_incomplete'
  | 'discharge_not_ready';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Machine-readable facts behind the message (limits, offending values) for the UI. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Reject 0 and below (min is then only the upper side of the check). */
  positive?: boolean;
  integer?: boolean;
}

/**
 * Guard for numeric inputs that arrive from forms, JSON and devices: the type system cannot stop NaN,
 * Infinity or a string smuggled through `unknown`.
 */
export function requireNumber(
  value: unknown,
  name: string,
  rule: NumberRule = {},
  code: DomainErrorCode = 'invalid_input',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError(code, `${name} must be a finite number`, { field: name, value });
  }
  if (rule.integer && !Number.isInteger(value)) {
    throw new DomainError(code, `${name} must be a whole number`, { field: name, value });
  }
  if (rule.positive && value <= 0) {
    throw new DomainError(code, `${name} must be greater than 0`, { field: name, value });
  }
  if (rule.min !== undefined && value < rule.min) {
    throw new DomainError(code, `${name} must be at least ${rule.min}`, {
      field: name,
      value,
      min: rule.min,
    });
  }
  if (rule.max !== undefined && value > rule.max) {
    throw new DomainError(code, `${name} must be at most ${rule.max}`, { field: name, value, max: rule.max });
  }
  return value;
}
