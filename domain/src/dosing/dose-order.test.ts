import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { computeDoseOrder, doseCeiling } from './dose-order.ts';
import type { DoseOrderInput } from './dose-order.ts';

const ivDepression: DoseOrderInput = {
  weightKg: 70,
  mgPerKg: 0.5,
  route: 'iv',
  durationMin: 40,
  vialConcentrationMgPerMl: 10,
  diluentVolumeMl: 100,
  limits: {
    minMgPerKg: 0.1,
    maxMgPerKg: 0.75,
    hardMaxMgPerKg: 0.75,
    minDurationMin: 40,
    maxMgPerKgPerHour: 0.75,
  },
};

/** The chronic-pain limits: ASRA 2 mg/kg/h, Schwartzman 25 mg/h, 2 h floor. */
const chronicPain: DoseOrderInput = {
  ...ivDepression,
  mgPerKg: 1.4,
  durationMin: 240,
  limits: {
    minMgPerKg: 0.35,
    maxMgPerKg: 2,
    hardMaxMgPerKg: 2,
    maxMgPerKgPerHour: 2,
    minDurationMin: 120,
    maxMgPerHour: 25,
  },
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) {
      return error.code;
    }
    throw error;
  }
  return undefined;
}

describe('computeDoseOrder', () => {
  it('computes the standard 0.5 mg/kg over 40 min order for 70 kg', () => {
    expect(computeDoseOrder(ivDepression)).toEqual({
      route: 'iv',
      weightKg: 70,
      mgPerKg: 0.5,
      doseMg: 35,
      drawVolumeMl: 3.5,
      totalVolumeMl: 103.5,
      durationMin: 40,
      rateMlPerHour: 155.3, // 103.5 mL / (40/60) h = 155.25 → 155.3
      mgPerMin: 0.88, // 35 / 40 = 0.875 → 0.88
      mgPerKgPerHour: 0.75,
      warnings: [],
    });
  });

  it('rounds the dose to 0.1 mg and the draw volume to 0.01 mL', () => {
    const order = computeDoseOrder({ ...ivDepression, weightKg: 83.3, vialConcentrationMgPerMl: 50 });
    expect(order.doseMg).toBe(41.7); // 41.65 → 41.7
    expect(order.drawVolumeMl).toBe(0.83); // 41.7 / 50 = 0.834
    expect(order.totalVolumeMl).toBe(100.83);
  });

  it('allows exactly the minimum and the hard maximum', () => {
    expect(computeDoseOrder({ ...ivDepression, mgPerKg: 0.1 }).doseMg).toBe(7);
    expect(computeDoseOrder({ ...ivDepression, mgPerKg: 0.75, durationMin: 60 }).doseMg).toBe(52.5);
  });

  it('hard-stops above the protocol maximum', () => {
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, mgPerKg: 0.76 }))).toBe('dose_above_maximum');
  });

  it('refuses below the protocol minimum', () => {
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, mgPerKg: 0.09 }))).toBe('dose_below_minimum');
  });

  it('warns, without refusing, between the usual maximum and the hard maximum', () => {
    const order = computeDoseOrder({
      ...ivDepression,
      mgPerKg: 0.9,
      durationMin: 80,
      limits: { ...ivDepression.limits, hardMaxMgPerKg: 1 },
    });
    expect(order.doseMg).toBe(63);
    expect(order.warnings.map((w) => w.code)).toEqual(['dose_above_protocol_range']);
  });

  it('hard-stops a total above the per-session cap (maxTotalMg) but allows it exactly', () => {
    const limits = { ...ivDepression.limits, maxTotalMg: 50 };
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, weightKg: 120, limits }))).toBe('dose_above_cap');
    expect(computeDoseOrder({ ...ivDepression, weightKg: 100, limits }).doseMg).toBe(50);
  });

  it('treats a null maxTotalMg from JSON as no limit', () => {
    const limits = { ...ivDepression.limits, maxTotalMg: null as unknown as number };
    expect(computeDoseOrder({ ...ivDepression, limits }).doseMg).toBe(35);
  });

  it('hard-stops an infusion rate above maxMgPerKgPerHour', () => {
    const limits = { ...ivDepression.limits, maxMgPerKgPerHour: 0.5 };
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, limits }))).toBe('rate_above_maximum');
    expect(computeDoseOrder({ ...ivDepression, durationMin: 60, limits }).mgPerKgPerHour).toBe(0.5);
  });

  it('refuses the issue’s example, 0.5 mg/kg over 2 minutes: shorter than the 40-min minimum', () => {
    const error = (() => {
      try {
        computeDoseOrder({ ...ivDepression, durationMin: 2 });
      } catch (e) {
        return e as DomainError;
      }
      return null;
    })();
    expect(error?.code).toBe('duration_below_minimum');
    expect(error?.details).toMatchObject({ durationMin: 2, minDurationMin: 40 });
    expect(computeDoseOrder({ ...ivDepression, durationMin: 40 }).durationMin).toBe(40);
  });

  it('holds the depression rate ceiling: 0.75 mg/kg over 40 min is 1.125 mg/kg/h, over 60 min it is allowed', () => {
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, mgPerKg: 0.75 }))).toBe('rate_above_maximum');
    expect(computeDoseOrder({ ...ivDepression, mgPerKg: 0.75, durationMin: 60 }).mgPerKgPerHour).toBe(0.75);
  });

  it('checks the prescribed rate, not the rounded dose: 0.5 mg/kg over 40 min stands for 83.3 kg', () => {
    // 41.65 mg rounds to 41.7 mg; 41.7 / 83.3 kg over 40 min would be 0.751 mg/kg/h.
    const order = computeDoseOrder({ ...ivDepression, weightKg: 83.3 });
    expect(order.doseMg).toBe(41.7);
    expect(order.mgPerKgPerHour).toBe(0.75);
  });

  it('caps the chronic-pain rate at 25 mg/h whatever the weight (Schwartzman 2009)', () => {
    // 1.4 mg/kg × 70 kg = 98 mg over 4 h = 24.5 mg/h: allowed. × 80 kg = 112 mg = 28 mg/h: refused.
    expect(computeDoseOrder({ ...chronicPain, weightKg: 70 }).doseMg).toBe(98);
    expect(codeOf(() => computeDoseOrder({ ...chronicPain, weightKg: 80 }))).toBe('dose_above_cap');
    // 100 mg over 4 h is exactly 25 mg/h.
    expect(computeDoseOrder({ ...chronicPain, weightKg: 80, mgPerKg: 1.25 }).doseMg).toBe(100);
    expect(codeOf(() => computeDoseOrder({ ...chronicPain, weightKg: 70, durationMin: 90 }))).toBe(
      'duration_below_minimum',
    );
  });

  it('treats a null hourly cap from JSON as no cap', () => {
    const limits = { ...chronicPain.limits, maxMgPerHour: null };
    expect(computeDoseOrder({ ...chronicPain, weightKg: 80, limits }).doseMg).toBe(112);
  });

  it('refuses an IV order whose protocol states no minimum duration or no rate ceiling', () => {
    const { minDurationMin: _d, ...noFloor } = ivDepression.limits;
    const { maxMgPerKgPerHour: _r, ...noCeiling } = ivDepression.limits;
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, limits: noFloor }))).toBe('invalid_input');
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, limits: noCeiling }))).toBe('invalid_input');
  });

  it('gives no pump figures for IM and does not need a duration', () => {
    const order = computeDoseOrder({
      weightKg: 80,
      mgPerKg: 0.5,
      route: 'im',
      vialConcentrationMgPerMl: 50,
      diluentVolumeMl: 0,
      limits: { minMgPerKg: 0.2, maxMgPerKg: 2, hardMaxMgPerKg: 2 },
    });
    expect(order).toMatchObject({
      doseMg: 40,
      drawVolumeMl: 0.8,
      totalVolumeMl: 0.8,
      durationMin: null,
      rateMlPerHour: null,
      mgPerMin: null,
      mgPerKgPerHour: null,
    });
  });

  it('gives no pump figures for intranasal even when a duration is passed', () => {
    const order = computeDoseOrder({
      ...ivDepression,
      route: 'intranasal',
      vialConcentrationMgPerMl: 100,
      diluentVolumeMl: 0,
    });
    expect(order.rateMlPerHour).toBeNull();
    expect(order.durationMin).toBeNull();
  });

  it('requires dilution of 100 mg/mL for IV', () => {
    expect(
      codeOf(() => computeDoseOrder({ ...ivDepression, vialConcentrationMgPerMl: 100, diluentVolumeMl: 0 })),
    ).toBe('dilution_required');
    expect(computeDoseOrder({ ...ivDepression, vialConcentrationMgPerMl: 100 }).drawVolumeMl).toBe(0.35);
  });

  it.each([
    ['weightKg', 0],
    ['weightKg', -70],
    ['weightKg', Number.NaN],
    ['mgPerKg', 0],
    ['mgPerKg', Number.POSITIVE_INFINITY],
    ['durationMin', 0],
    ['durationMin', null],
    ['durationMin', undefined],
    ['vialConcentrationMgPerMl', 0],
    ['vialConcentrationMgPerMl', -10],
    ['diluentVolumeMl', -1],
  ])('refuses %s = %s', (field, value) => {
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, [field]: value }))).toBe('invalid_input');
  });

  it('refuses inconsistent or missing limits', () => {
    const bad = { minMgPerKg: 0.5, maxMgPerKg: 0.4, hardMaxMgPerKg: 0.75 };
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, limits: bad }))).toBe('invalid_input');
    const over = { minMgPerKg: 0.1, maxMgPerKg: 0.8, hardMaxMgPerKg: 0.75 };
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, limits: over }))).toBe('invalid_input');
    const none = null as unknown as DoseOrderInput['limits'];
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, limits: none }))).toBe('invalid_input');
  });

  it('names the highest dose the limits allow and which limit binds', () => {
    expect(doseCeiling(ivDepression.limits, 70, 40)).toEqual({ mgPerKg: 0.5, by: 'rate' });
    expect(doseCeiling(ivDepression.limits, 70, 60)).toEqual({ mgPerKg: 0.75, by: 'hard_maximum' });
    expect(doseCeiling(chronicPain.limits, 88, 240)).toEqual({ mgPerKg: 1.136, by: 'hourly_cap' });
    expect(doseCeiling(chronicPain.limits, 60, 240)).toEqual({ mgPerKg: 1.666, by: 'hourly_cap' });
    expect(doseCeiling({ ...ivDepression.limits, maxTotalMg: 30 }, 70, 60)).toEqual({
      mgPerKg: 0.428,
      by: 'session_cap',
    });
    expect(doseCeiling({ minMgPerKg: 0.2, maxMgPerKg: 2, hardMaxMgPerKg: 2 }, 70, null)).toEqual({
      mgPerKg: 2,
      by: 'hard_maximum',
    });
  });

  it('refuses an unknown route', () => {
    const route = 'rectal' as DoseOrderInput['route'];
    expect(codeOf(() => computeDoseOrder({ ...ivDepression, route }))).toBe('unknown_route');
  });
});
