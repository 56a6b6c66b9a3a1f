import { describe, expect, it } from 'vitest';
import { vitalsDue, type VitalsDueInput } from './vitals-due.ts';
import { defaultSessionSafety } from '../infusions/session-safety.ts';

const T0 = Date.UTC(2026, 11, 4, 15, 0);
const MIN = 60_000;

const every = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let t = from; t <= to; t += step * MIN) {
    out.push(t);
  }
  return out;
};

const base: VitalsDueInput = {
  stage: 'infusing',
  startedAt: T0,
  endedAt: null,
  doseTimes: [],
  readings: { bp: [T0 - 5 * MIN], hr: [T0 - 5 * MIN], spo2: [T0 - 5 * MIN] },
  now: T0 + 5 * MIN,
  schedule: defaultSessionSafety('iv').vitalsDue,
};

describe('vitalsDue', () => {
  it('watches only while dosing and in recovery', () => {
    expect(vitalsDue({ ...base, stage: 'precheck', startedAt: null }).watching).toBe(false);
    expect(vitalsDue({ ...base, stage: 'discharged' }).watching).toBe(false);
    expect(vitalsDue({ ...base, stage: 'recovery' }).watching).toBe(true);
  });

  it('is quiet while readings keep coming, as a monitor cycling every 5 min does', () => {
    const r = every(T0 - 5 * MIN, T0 + 40 * MIN, 5);
    const status = vitalsDue({ ...base, readings: { bp: r, hr: r, spo2: r }, now: T0 + 42 * MIN });
    expect(status.overdue).toEqual([]);
    expect(status.nextDueAt).toBe(T0 + 55 * MIN);
  });

  it('warns when a reading is more than the interval (plus a 3-min grace) old', () => {
    const readings = {
      bp: [T0 - 5 * MIN],
      hr: every(T0, T0 + 20 * MIN, 1),
      spo2: every(T0, T0 + 20 * MIN, 1),
    };
    // BP due at 10 min (last at −5), overdue after 13.
    expect(vitalsDue({ ...base, readings, now: T0 + 13 * MIN }).overdue).toEqual([]);
    const late = vitalsDue({ ...base, readings, now: T0 + 14 * MIN });
    expect(late.overdue).toHaveLength(1);
    expect(late.overdue[0]).toMatchObject({ vital: 'bp', reason: 'interval', dueAt: T0 + 10 * MIN });
    expect(late.overdue[0]?.message).toBe('BP overdue (last 19 min ago; due every 15 min)');
  });

  it('uses the recovery interval in recovery', () => {
    const schedule = { ...base.schedule, recoveryEveryMin: 30 };
    const r = [T0 + 40 * MIN];
    const input = { ...base, stage: 'recovery' as const, endedAt: T0 + 40 * MIN, schedule };
    expect(vitalsDue({ ...input, readings: { bp: r, hr: r, spo2: r }, now: T0 + 72 * MIN }).overdue).toEqual(
      [],
    );
    expect(
      vitalsDue({ ...input, readings: { bp: r, hr: r, spo2: r }, now: T0 + 74 * MIN }).overdue.map(
        (o) => o.vital,
      ),
    ).toEqual(['bp', 'hr', 'spo2']);
  });

  it('asks for a BP about 40 min after an intranasal dose', () => {
    const schedule = defaultSessionSafety('intranasal').vitalsDue;
    const r = every(T0, T0 + 30 * MIN, 10);
    const input = { ...base, schedule, doseTimes: [T0], readings: { bp: r, hr: r, spo2: r } };
    const missing = vitalsDue({ ...input, now: T0 + 44 * MIN });
    // Every-15-min readings are in time (last at 30, due at 45); the 40-min BP is missing.
    expect(missing.overdue.map((o) => [o.vital, o.reason])).toEqual([['bp', 'after_dose']]);
    const taken = [...r, T0 + 40 * MIN];
    const ok = vitalsDue({ ...input, readings: { bp: taken, hr: taken, spo2: taken }, now: T0 + 44 * MIN });
    expect(ok.overdue).toEqual([]);
    // A reading at 36 min (one cuff cycle early) counts; one at 30 does not.
    const early = [...r, T0 + 36 * MIN];
    expect(
      vitalsDue({ ...input, readings: { bp: early, hr: early, spo2: early }, now: T0 + 44 * MIN }).overdue,
    ).toEqual([]);
  });

  it('counts from the start of dosing when the baseline is old', () => {
    const old = [T0 - 60 * MIN];
    const status = vitalsDue({ ...base, readings: { bp: old, hr: old, spo2: old }, now: T0 + 4 * MIN });
    expect(status.overdue.map((o) => o.dueAt)).toEqual([T0, T0, T0]);
  });
});
