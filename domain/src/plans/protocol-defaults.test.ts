import { describe, expect, it } from 'vitest';
import { defaultDosingWeightRule } from '../dosing/dosing-weight.ts';
import type { Protocol } from './protocol.ts';
import { withDosingDefaults } from './protocol-defaults.ts';
import { imKap, ivChronicPain, ivDepression, protocols } from './protocols.ts';
import { ProtocolSchema } from './schema.ts';

/** A protocol as a plan snapshotted it before the rate, duration, cap and weight fields existed. */
function beforeIssue10(p: Protocol): Protocol {
  const { minDurationMin: _d, maxMgPerHour: _h, ...limits } = p.dose.limits;
  const { dosingWeight: _w, ...rest } = p;
  return { ...rest, dose: { ...p.dose, limits } };
}

describe('withDosingDefaults', () => {
  it('restores the built-in limits of the same protocol to an old snapshot (the 25 mg/h cap included)', () => {
    const filled = withDosingDefaults(beforeIssue10(ivChronicPain));
    expect(filled.dose.limits).toEqual(ivChronicPain.dose.limits);
    expect(filled.dosingWeight).toEqual(defaultDosingWeightRule);
  });

  it('gives a clinic’s own IV protocol the route’s reference limits, and leaves present values alone', () => {
    const own = beforeIssue10({
      ...ivDepression,
      id: 'clinic-iv-slow',
      dose: { ...ivDepression.dose, limits: { ...ivDepression.dose.limits, maxMgPerKgPerHour: 0.5 } },
    });
    expect(withDosingDefaults(own).dose.limits).toMatchObject({ minDurationMin: 40, maxMgPerKgPerHour: 0.5 });
  });

  it('keeps a clinic’s explicit “no hourly cap” (null)', () => {
    const noCap = {
      ...ivChronicPain,
      dose: { ...ivChronicPain.dose, limits: { ...ivChronicPain.dose.limits, maxMgPerHour: null } },
    };
    expect(withDosingDefaults(noCap).dose.limits.maxMgPerHour).toBeNull();
  });

  it('adds nothing an IM protocol does not have', () => {
    expect(withDosingDefaults(beforeIssue10(imKap)).dose.limits).toEqual(imKap.dose.limits);
  });
});

describe('ProtocolSchema, bedside-safety fields', () => {
  it('accepts every built-in protocol', () => {
    for (const p of Object.values(protocols)) {
      expect(ProtocolSchema.safeParse(p).success).toBe(true);
    }
  });

  it('requires an IV protocol to carry a minimum duration and a maximum rate', () => {
    // The hourly cap is optional (the depression protocol has none).
    expect(ProtocolSchema.safeParse(ivDepression).success).toBe(true);
    expect(ProtocolSchema.safeParse(beforeIssue10(ivDepression)).success).toBe(false);
    const { minDurationMin: _d, maxMgPerKgPerHour: _r, ...limits } = ivDepression.dose.limits;
    const bare = ProtocolSchema.safeParse({ ...ivDepression, dose: { ...ivDepression.dose, limits } });
    expect(bare.success).toBe(false);
    expect(bare.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'dose.limits.minDurationMin',
      'dose.limits.maxMgPerKgPerHour',
    ]);
  });

  it('refuses a default that breaks its own duration or rate limit', () => {
    const short = ProtocolSchema.safeParse({
      ...ivDepression,
      dose: { ...ivDepression.dose, durationMin: 20 },
    });
    expect(short.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'dose.durationMin',
      'dose.limits.maxMgPerKgPerHour',
    ]);
  });

  it('defaults the dosing weight to actual, and needs a BMI for adjusted or ideal weight', () => {
    const { dosingWeight: _w, ...old } = ivDepression;
    expect(ProtocolSchema.parse(old).dosingWeight).toEqual(defaultDosingWeightRule);
    const noBmi = { ...ivDepression, dosingWeight: { basis: 'adjusted', fromBmi: null, maxAgeDays: 30 } };
    expect(ProtocolSchema.safeParse(noBmi).error?.issues[0]?.path).toEqual(['dosingWeight', 'fromBmi']);
    const ok = { ...ivDepression, dosingWeight: { basis: 'ideal', fromBmi: 35, maxAgeDays: 14 } };
    expect(ProtocolSchema.parse(ok).dosingWeight).toEqual({ basis: 'ideal', fromBmi: 35, maxAgeDays: 14 });
    const bad = { ...ivDepression, dosingWeight: { basis: 'lean', fromBmi: 35, maxAgeDays: 0 } };
    expect(ProtocolSchema.safeParse(bad).success).toBe(false);
  });
});
