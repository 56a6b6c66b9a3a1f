import { describe, expect, it } from 'vitest';
import { bpHoldStatus } from './bp-hold.ts';
import { defaultBpHold, sessionSafetyOf } from '../infusions/session-safety.ts';

const T0 = Date.UTC(2026, 11, 4, 15, 0);
const MIN = 60_000;
const limit = defaultBpHold;

describe('bpHoldStatus', () => {
  it('does not hold below the limit, or without a reading (the baseline pre-check covers that)', () => {
    expect(bpHoldStatus({ readings: [{ at: T0, sbp: 179, dbp: 99 }], limit, overrides: [] }).held).toBe(
      false,
    );
    expect(bpHoldStatus({ readings: [], limit, overrides: [] })).toMatchObject({
      held: false,
      reading: null,
    });
  });

  it('holds at or above either limit', () => {
    expect(bpHoldStatus({ readings: [{ at: T0, sbp: 180, dbp: 80 }], limit, overrides: [] }).held).toBe(true);
    const diastolic = bpHoldStatus({ readings: [{ at: T0, sbp: 150, dbp: 100 }], limit, overrides: [] });
    expect(diastolic).toMatchObject({ held: true, overridden: false });
    expect(diastolic.message).toMatch(/150\/100 .* 180\/100/);
  });

  it('judges the latest reading: re-measuring below the limit lifts the hold', () => {
    const readings = [
      { at: T0 + 5 * MIN, sbp: 168, dbp: 92 },
      { at: T0, sbp: 186, dbp: 104 },
    ];
    expect(bpHoldStatus({ readings, limit, overrides: [] }).held).toBe(false);
  });

  it("a physician's override answers the reading it was made on, not a later high one", () => {
    const first = [{ at: T0, sbp: 184, dbp: 96 }];
    const overrides = [{ readingAt: T0 }];
    expect(bpHoldStatus({ readings: first, limit, overrides })).toMatchObject({
      held: false,
      overridden: true,
    });
    const higher = [...first, { at: T0 + 10 * MIN, sbp: 196, dbp: 108 }];
    expect(bpHoldStatus({ readings: higher, limit, overrides }).held).toBe(true);
  });

  it("uses the protocol's limit: Spravato's 140/90 holds what 180/100 lets through", () => {
    const esketamine = sessionSafetyOf({
      route: 'intranasal',
      safety: { ...sessionSafetyOf({ route: 'intranasal' }), bpHold: { systolic: 140, diastolic: 90 } },
    });
    const reading = [{ at: T0, sbp: 150, dbp: 85 }];
    expect(bpHoldStatus({ readings: reading, limit, overrides: [] }).held).toBe(false);
    expect(bpHoldStatus({ readings: reading, limit: esketamine.bpHold, overrides: [] }).held).toBe(true);
  });
});

describe('sessionSafetyOf', () => {
  it('fills an old snapshot with the route defaults', () => {
    expect(sessionSafetyOf({ route: 'iv' })).toMatchObject({
      bpHold: { systolic: 180, diastolic: 100 },
      vitalsDue: { dosingEveryMin: 15, recoveryEveryMin: 15, bpAfterDoseMin: null },
      imSiteMaxMl: { deltoid: 2, ventrogluteal: 3, vastus_lateralis: 3 },
    });
    expect(sessionSafetyOf({ route: 'intranasal' }).vitalsDue.bpAfterDoseMin).toBe(40);
  });
});
