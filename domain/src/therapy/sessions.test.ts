import { describe, expect, it } from 'vitest';
import { therapySessionProblems, timingBesideDosing } from './sessions.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 20, 15, 0);
const infusionAt = NOW - 3 * DAY;
const dosing = { at: infusionAt, cancelled: false };

const problems = (kind: Parameters<typeof therapySessionProblems>[0]['kind'], heldAt: number, d = dosing) =>
  therapySessionProblems({ kind, heldAt }, { now: NOW, dosing: d }).map((i) => i.path);

describe('therapySessionProblems', () => {
  it('records a session only once it has been held (a few minutes of clock slack)', () => {
    expect(therapySessionProblems({ kind: 'other', heldAt: NOW + 4 * 60_000 }, { now: NOW })).toEqual([]);
    expect(therapySessionProblems({ kind: 'other', heldAt: NOW + HOUR }, { now: NOW })).toEqual([
      { path: 'heldAt', message: 'a session is recorded once it has been held; this time is in the future' },
    ]);
  });

  it('puts preparation before and integration after the dosing session it names', () => {
    expect(problems('preparation', infusionAt - 2 * DAY)).toEqual([]);
    expect(problems('preparation', infusionAt + DAY)).toEqual(['heldAt']);
    expect(problems('integration', infusionAt + DAY)).toEqual([]);
    expect(problems('integration', infusionAt - DAY)).toEqual(['heldAt']);
  });

  it('holds a "during dosing" session on the day of a dosing session that took place', () => {
    expect(problems('during_dosing', infusionAt + 30 * 60_000)).toEqual([]);
    expect(problems('during_dosing', infusionAt + 2 * DAY)).toEqual(['heldAt']);
    expect(problems('during_dosing', infusionAt, { at: infusionAt, cancelled: true })).toEqual([
      'infusionId',
    ]);
  });

  it('leaves MET and relapse prevention free to fall either side of the dosing session', () => {
    expect(problems('motivational_enhancement', infusionAt - DAY)).toEqual([]);
    expect(problems('relapse_prevention', infusionAt + DAY)).toEqual([]);
  });
});

describe('timingBesideDosing', () => {
  const series = [
    { number: 1, at: Date.UTC(2026, 10, 2, 15) },
    { number: 2, at: Date.UTC(2026, 10, 9, 15) },
    { number: 3, at: Date.UTC(2026, 10, 16, 15) },
  ];

  it('says where a session falls beside the series, in whole days', () => {
    expect(timingBesideDosing(Date.UTC(2026, 9, 29, 17), series)).toBe('4 days before infusion 1');
    expect(timingBesideDosing(Date.UTC(2026, 10, 2, 17), series)).toBe('day of infusion 1');
    expect(timingBesideDosing(Date.UTC(2026, 10, 3, 14), series)).toBe('1 day after infusion 1');
    expect(timingBesideDosing(Date.UTC(2026, 10, 18, 15), series, 'session')).toBe('2 days after session 3');
  });

  it('is empty before any dosing session exists', () => {
    expect(timingBesideDosing(NOW, [])).toBe('');
  });
});
