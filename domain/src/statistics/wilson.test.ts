import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { wilsonInterval, Z_95 } from './wilson.ts';

describe('wilsonInterval', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Stat Med 1998;17:857–872, Table I, method 3 (score interval without continuity
  // correction), printed to 4 decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe 1998 Table I', (x, n, lower, upper) => {
    const interval = wilsonInterval(x, n);
    expect(interval).not.toBeNull();
    const [lo, hi] = interval as readonly [number, number];
    expect(lo).toBeCloseTo(lower, 4);
    expect(hi).toBeCloseTo(upper, 4);
  });

  it('uses the two-sided 95 % normal quantile by default', () => {
    expect(Z_95).toBeCloseTo(1.96, 2);
    expect(wilsonInterval(81, 263)).toEqual(wilsonInterval(81, 263, Z_95));
  });

  it('returns null when there are no trials: nothing to estimate', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('pins the limits to exactly 0 at 0 successes and exactly 1 at n successes', () => {
    const [lo0, hi0] = wilsonInterval(0, 7) as readonly [number, number];
    expect(Object.is(lo0, 0)).toBe(true);
    expect(hi0).toBeGreaterThan(0);
    const [loN, hiN] = wilsonInterval(7, 7) as readonly [number, number];
    expect(hiN).toBe(1);
    expect(loN).toBeLessThan(1);
  });

  it('is not degenerate for a single trial', () => {
    const [lo, hi] = wilsonInterval(1, 1) as readonly [number, number];
    // 1/(1 + z²) ≈ 0.2065: a single success says little.
    expect(lo).toBeCloseTo(1 / (1 + Z_95 * Z_95), 12);
    expect(hi).toBe(1);
  });

  it('mirrors successes and failures: [lo, hi] for x is [1 − hi, 1 − lo] for n − x', () => {
    const [lo, hi] = wilsonInterval(15, 148) as readonly [number, number];
    const [mlo, mhi] = wilsonInterval(133, 148) as readonly [number, number];
    expect(mlo).toBeCloseTo(1 - hi, 12);
    expect(mhi).toBeCloseTo(1 - lo, 12);
  });

  it('widens with the confidence level', () => {
    const [lo90, hi90] = wilsonInterval(10, 40, 1.6448536269514722) as readonly [number, number];
    const [lo95, hi95] = wilsonInterval(10, 40) as readonly [number, number];
    expect(lo90).toBeGreaterThan(lo95);
    expect(hi90).toBeLessThan(hi95);
  });

  it('rejects impossible counts and quantiles', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(DomainError);
    expect(() => wilsonInterval(-1, 4)).toThrow(DomainError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(DomainError);
    expect(() => wilsonInterval(1, -4)).toThrow(DomainError);
    expect(() => wilsonInterval(1, Number.NaN)).toThrow(DomainError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(DomainError);
    expect(() => wilsonInterval(1, 4, Infinity)).toThrow(DomainError);
  });

  const countsArb = fc
    .integer({ min: 1, max: 10_000 })
    .chain((n) => fc.record({ n: fc.constant(n), x: fc.integer({ min: 0, max: n }) }));

  it('contains p̂ and lies within [0, 1] (property)', () => {
    fc.assert(
      fc.property(countsArb, ({ x, n }) => {
        const [lo, hi] = wilsonInterval(x, n) as readonly [number, number];
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(x / n);
        expect(hi).toBeGreaterThanOrEqual(x / n);
        expect(lo).toBeLessThan(hi);
      }),
    );
  });

  it('narrows as n grows for a fixed p̂ (property)', () => {
    fc.assert(
      fc.property(
        countsArb.filter(({ n }) => n <= 1000),
        fc.integer({ min: 2, max: 20 }),
        ({ x, n }, k) => {
          const [lo, hi] = wilsonInterval(x, n) as readonly [number, number];
          const [klo, khi] = wilsonInterval(k * x, k * n) as readonly [number, number];
          expect(khi - klo).toBeLessThan(hi - lo);
        },
      ),
    );
  });
});
