import { DomainError, requireNumber } from '../errors.ts';

/** Two-sided 95 % standard normal quantile, Φ⁻¹(0.975), to double precision. */
export const Z_95 = 1.959963984540054;

/** [lower, upper], both within [0, 1]. */
export type ProportionInterval = readonly [lower: number, upper: number];

/**
 * Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209–212; "method 3" in
 * Newcombe 1998, Stat Med 17:857–872, which recommends it over the Wald interval because it keeps
 * its coverage at small n and at 0 or n successes and never leaves [0, 1]).
 *
 * Returns null when `trials` is 0: there is no proportion to estimate, and a [0, 1] "interval"
 * would look like a computed result on a report.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z_95,
): ProportionInterval | null {
  const n = requireNumber(trials, 'trials', { integer: true, min: 0 });
  const x = requireNumber(successes, 'successes', { integer: true, min: 0 });
  requireNumber(z, 'z', { positive: true });
  if (x > n) {
    throw new DomainError('invalid_input', `successes (${x}) cannot exceed trials (${n})`, {
      successes: x,
      trials: n,
    });
  }
  if (n === 0) {
    return null;
  }
  const z2 = z * z;
  const p = x / n;
  // Newcombe's form: centre (x + z²/2)/(n + z²), half-width z√n/(n + z²) · √(p̂q̂ + z²/4n).
  const centre = (x + z2 / 2) / (n + z2);
  const halfWidth = ((z * Math.sqrt(n)) / (n + z2)) * Math.sqrt(p * (1 - p) + z2 / (4 * n));
  // At 0 and n successes the limits are exactly 0 and 1 in exact arithmetic; pin them so rounding
  // cannot print "−0.0000" or exclude the observed proportion.
  const lower = x === 0 ? 0 : Math.min(p, Math.max(0, centre - halfWidth));
  const upper = x === n ? 1 : Math.max(p, Math.min(1, centre + halfWidth));
  return [lower, upper];
}
