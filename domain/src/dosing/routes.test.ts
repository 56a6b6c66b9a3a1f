import { describe, expect, it } from 'vitest';
import { roundTo } from './round.ts';
import { getRoute, routes } from './routes.ts';

describe('routes', () => {
  it('has published bioavailability for every route, IV highest', () => {
    expect(routes.iv.bioavailability).toEqual({ min: 1, max: 1 });
    expect(routes.im.bioavailability.min).toBe(0.93);
    expect(routes.intranasal.bioavailability).toEqual({ min: 0.25, max: 0.5 });
    expect(routes.oral.bioavailability).toEqual({ min: 0.17, max: 0.23 });
    expect(routes.sublingual.bioavailability.min).toBe(0.3);
    for (const route of Object.values(routes)) {
      expect(route.bioavailability.min).toBeGreaterThan(0);
      expect(route.bioavailability.min).toBeLessThanOrEqual(route.bioavailability.max);
      expect(route.bioavailability.max).toBeLessThanOrEqual(1);
    }
  });

  it('uses a pump for IV only', () => {
    expect(
      Object.values(routes)
        .filter((r) => r.usesPump)
        .map((r) => r.id),
    ).toEqual(['iv']);
  });

  it('refuses unknown or inherited route names', () => {
    expect(getRoute('im').label).toBe('Intramuscular');
    expect(() => getRoute('rectal')).toThrow(/Unknown route/);
    expect(() => getRoute('constructor')).toThrow(/Unknown route/);
  });
});

describe('roundTo', () => {
  it.each([
    [1.005, 2, 1.01],
    [155.25, 1, 155.3],
    [41.65, 1, 41.7],
    [0.875, 2, 0.88],
    [-1.25, 1, -1.3],
    [2, 2, 2],
    [0, 1, 0],
  ])('rounds %d to %i decimals as %d', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });
});
