import { DomainError, requireNumber } from '../errors.ts';

/**
 * Median of a list of numbers; with an even count, the mean of the two middle values. Null for an
 * empty list: "no data" must not read as a median of 0. Zero is always +0: the sort keeps -0 and 0 in
 * input order, so without this the median of [0, -0, 1] would depend on the order (and -0 prints "-0").
 */
export function median(values: readonly number[]): number | null {
  if (!Array.isArray(values)) {
    throw new DomainError('invalid_input', 'values must be an array of numbers');
  }
  const sorted = values.map((v, i) => requireNumber(v, `values[${i}]`)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return null;
  }
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  if (sorted.length % 2 === 1) {
    return upper + 0;
  }
  const lower = sorted[mid - 1] as number;
  const sum = lower + upper;
  // Two values near ±Number.MAX_VALUE overflow when added; halving first avoids that.
  return (Number.isFinite(sum) ? sum / 2 : lower / 2 + upper / 2) + 0;
}
