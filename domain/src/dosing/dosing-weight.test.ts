import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  adjustedBodyWeightKg,
  bodyMassIndex,
  defaultDosingWeightRule,
  dosingWeight,
  idealBodyWeightKg,
  type DosingWeightInput,
} from './dosing-weight.ts';

const today = '2026-11-20';
const base: DosingWeightInput = {
  weight: { kg: 70, measuredOn: '2026-11-10' },
  height: { cm: 170, measuredOn: '2025-03-01' },
  sex: 'female',
  today,
  rule: defaultDosingWeightRule,
};
const adjustedFrom40 = { basis: 'adjusted' as const, fromBmi: 40, maxAgeDays: 30 };

function refusal(input: DosingWeightInput): DomainError | null {
  try {
    dosingWeight(input);
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  return null;
}

describe('formulas', () => {
  it('computes BMI, Devine ideal and adjusted body weight', () => {
    expect(bodyMassIndex(70, 170)).toBe(24.2);
    // 180 cm = 70.87 in: 50 + 2.3 × 10.87 = 75.0 kg; a woman of 160 cm: 45.5 + 2.3 × 2.99 = 52.4 kg.
    expect(idealBodyWeightKg(180, 'male')).toBeCloseTo(75.0, 1);
    expect(idealBodyWeightKg(160, 'female')).toBeCloseTo(52.38, 2);
    expect(adjustedBodyWeightKg(120, 52.38)).toBeCloseTo(79.43, 2);
  });
});

describe('dosingWeight', () => {
  it('uses actual body weight by default and reports height, BMI and the weight’s date', () => {
    expect(dosingWeight(base)).toEqual({
      basis: 'actual',
      kg: 70,
      actualKg: 70,
      measuredOn: '2026-11-10',
      ageDays: 10,
      heightCm: 170,
      heightOn: '2025-03-01',
      bmi: 24.2,
      idealKg: null,
      note: 'protocol default',
    });
    expect(dosingWeight({ ...base, height: null })).toMatchObject({ kg: 70, bmi: null, heightCm: null });
  });

  it('blocks a weight older than the protocol allows: 30 days passes, 31 does not', () => {
    expect(dosingWeight({ ...base, weight: { kg: 70, measuredOn: '2026-10-21' } }).ageDays).toBe(30);
    const old = refusal({ ...base, weight: { kg: 70, measuredOn: '2026-10-20' } });
    expect(old?.code).toBe('weight_out_of_date');
    expect(old?.details).toMatchObject({ ageDays: 31, maxAgeDays: 30 });
    expect(old?.message).toMatch(/Re-weigh/);
    const strict = { ...defaultDosingWeightRule, maxAgeDays: 7 };
    expect(refusal({ ...base, rule: strict })?.code).toBe('weight_out_of_date');
  });

  it('switches to adjusted body weight at the protocol’s BMI, never above actual', () => {
    const heavy = { ...base, weight: { kg: 120, measuredOn: today }, height: { cm: 160, measuredOn: today } };
    expect(dosingWeight({ ...heavy, rule: adjustedFrom40 })).toMatchObject({
      basis: 'adjusted',
      kg: 79.4,
      actualKg: 120,
      bmi: 46.9,
      idealKg: 52.4,
      note: 'BMI 46.9 ≥ 40',
    });
    const ideal = { ...adjustedFrom40, basis: 'ideal' as const };
    expect(dosingWeight({ ...heavy, rule: ideal })).toMatchObject({ basis: 'ideal', kg: 52.4 });
    // Below the BMI it names, the protocol doses by actual weight.
    expect(dosingWeight({ ...base, rule: adjustedFrom40 })).toMatchObject({
      basis: 'actual',
      kg: 70,
      note: 'BMI 24.2 < 40',
    });
    // A tall, light patient whose IBW is above their weight keeps actual weight.
    const tall = {
      ...base,
      sex: 'male',
      weight: { kg: 77, measuredOn: today },
      height: { cm: 195, measuredOn: today },
    };
    expect(dosingWeight({ ...tall, rule: { ...ideal, fromBmi: 20 } })).toMatchObject({
      basis: 'actual',
      kg: 77,
    });
  });

  it('needs a height when the protocol switches by BMI, and a female or male sex for the IBW formula', () => {
    expect(refusal({ ...base, height: null, rule: adjustedFrom40 })?.code).toBe('height_required');
    const heavy = { ...base, weight: { kg: 120, measuredOn: today }, height: { cm: 160, measuredOn: today } };
    for (const sex of ['unknown', 'other']) {
      const error = refusal({ ...heavy, sex, rule: adjustedFrom40 });
      expect(error?.code).toBe('sex_required');
      expect(error?.message).toMatch(/female or male/);
    }
    // Under the threshold sex does not matter: actual weight needs no formula.
    expect(dosingWeight({ ...base, sex: 'unknown', rule: adjustedFrom40 }).basis).toBe('actual');
  });

  it('refuses nonsense numbers', () => {
    expect(refusal({ ...base, weight: { kg: 0, measuredOn: today } })?.code).toBe('invalid_input');
    expect(refusal({ ...base, today: '2026-13-01' })?.code).toBe('invalid_date');
  });
});
