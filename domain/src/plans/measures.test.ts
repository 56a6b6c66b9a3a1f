import { describe, expect, it } from 'vitest';
import { defaultMeasures, dueMeasures, measuresOf, type CadenceSession } from './measures.ts';
import { protocols } from './protocols.ts';
import { ProtocolSchema } from './schema.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 15, 0); // Monday 2 November 2026, 15:00 UTC

const session = (
  id: string,
  day: number,
  status: CadenceSession['status'],
  durationMin = 40,
): CadenceSession => ({
  id,
  scheduledAt: T0 + day * DAY,
  startedAt: status === 'upcoming' ? null : T0 + day * DAY,
  endedAt: status === 'completed' ? T0 + day * DAY + durationMin * 60_000 : null,
  status,
});

const phq9Schedule = [
  { instrumentId: 'phq9', when: 'baseline' as const },
  { instrumentId: 'phq9', when: 'before_each_session' as const },
  { instrumentId: 'phq9', when: 'after_series_every' as const, everyDays: 7 },
];

const due = (sessions: CadenceSession[], responses: { at: number; complete?: boolean }[], now: number) =>
  dueMeasures({
    schedule: phq9Schedule,
    inductionSessions: 3,
    sessionNoun: 'Infusion',
    sessions,
    responses: responses.map((r) => ({
      instrumentId: 'phq9',
      authoredAt: r.at,
      complete: r.complete ?? true,
    })),
    now,
  });

describe('dueMeasures', () => {
  it('asks for a baseline before the first infusion, satisfied by a complete answer only', () => {
    const first = session('s1', 2, 'upcoming');
    expect(due([first], [], T0)).toEqual([
      {
        instrumentId: 'phq9',
        when: 'baseline',
        dueFrom: null,
        reason: 'baseline, before the first infusion',
      },
    ]);
    expect(due([first], [{ at: T0 - DAY, complete: false }], T0)).toHaveLength(1);
    // A complete baseline 5 days ago: nothing due today (the infusion is 2 days away, inside the
    // 3-day window, but a baseline answered before the window does not count for it).
    expect(due([first], [{ at: T0 - 5 * DAY }], T0).map((d) => d.when)).toEqual(['before_each_session']);
    expect(due([first], [{ at: T0 - 1 * DAY }], T0)).toEqual([]);
  });

  it('asks before each infusion within the 3 days before it, and not earlier', () => {
    const sessions = [session('s1', -4, 'completed'), session('s2', 4, 'upcoming')];
    expect(due(sessions, [{ at: T0 - 5 * DAY }], T0)).toEqual([]);
    const inWindow = T0 + 1.5 * DAY;
    expect(due(sessions, [{ at: T0 - 5 * DAY }], inWindow)).toEqual([
      {
        instrumentId: 'phq9',
        when: 'before_each_session',
        dueFrom: T0 + DAY,
        reason: 'before the infusion on 2026-11-06',
        sessionId: 's2',
      },
    ]);
    expect(due(sessions, [{ at: T0 + 1.2 * DAY }], inWindow)).toEqual([]);
  });

  it('never asks for a baseline once the first infusion has started', () => {
    expect(due([session('s1', 0, 'in_progress')], [], T0 + 600_000)).toEqual([]);
  });

  it('asks every 7 days once the series is complete, counting from the last answer', () => {
    const series = [session('a', 0, 'completed'), session('b', 2, 'completed'), session('c', 4, 'completed')];
    const end = T0 + 4 * DAY + 40 * 60_000;
    expect(due(series, [], end + 6 * DAY)).toEqual([]);
    expect(due(series, [], end + 7 * DAY)).toEqual([
      {
        instrumentId: 'phq9',
        when: 'after_series_every',
        dueFrom: end + 7 * DAY,
        reason: 'every 7 days after the series',
      },
    ]);
    expect(due(series, [{ at: end + 5 * DAY }], end + 8 * DAY)).toEqual([]);
    expect(due(series, [{ at: end + 5 * DAY }], end + 12 * DAY)).toHaveLength(1);
  });

  it('ignores cancelled sessions for the series count', () => {
    const sessions = [
      session('a', 0, 'completed'),
      session('x', 1, 'cancelled'),
      session('b', 2, 'completed'),
      session('c', 4, 'completed'),
    ];
    expect(due(sessions, [], T0 + 20 * DAY).map((d) => d.when)).toEqual(['after_series_every']);
    expect(due(sessions.slice(0, 3), [], T0 + 20 * DAY)).toEqual([]);
  });

  it('asks an after-session measure (pain) for 24 h after the session ends', () => {
    const schedule = [{ instrumentId: 'pain_nrs', when: 'after_each_session' as const }];
    const done = session('s1', 0, 'completed');
    const ended = done.endedAt ?? 0;
    const ask = (now: number, answeredAt?: number) =>
      dueMeasures({
        schedule,
        inductionSessions: 6,
        sessionNoun: 'Infusion',
        sessions: [done],
        responses: answeredAt ? [{ instrumentId: 'pain_nrs', authoredAt: answeredAt, complete: true }] : [],
        now,
      });
    expect(ask(ended + 3_600_000).map((d) => [d.instrumentId, d.sessionId])).toEqual([['pain_nrs', 's1']]);
    expect(ask(ended + 3_600_000, ended + 60_000)).toEqual([]);
    expect(ask(ended + 25 * 3_600_000)).toEqual([]);
  });

  it('asks for the CADSS at the session, during or just after dosing, and not once discharged (issue 10)', () => {
    const dosing = session('s1', 0, 'in_progress');
    const started = dosing.startedAt ?? 0;
    const ask = (sessions: CadenceSession[], now: number, answeredAt?: number) =>
      dueMeasures({
        schedule: measuresOf({ indication: 'depression' }).filter((m) => m.instrumentId === 'cadss'),
        inductionSessions: 6,
        sessionNoun: 'Infusion',
        sessions,
        responses: answeredAt ? [{ instrumentId: 'cadss', authoredAt: answeredAt, complete: true }] : [],
        now,
      });
    // Not before dosing starts.
    expect(ask([session('s1', 0, 'upcoming')], T0 - 600_000)).toEqual([]);
    // During dosing and in recovery (the session is in progress until discharge).
    expect(ask([dosing], started + 20 * 60_000)).toEqual([
      {
        instrumentId: 'cadss',
        when: 'at_each_session',
        dueFrom: started,
        reason: 'during or just after dosing, at the infusion on 2026-11-02',
        sessionId: 's1',
      },
    ]);
    expect(ask([dosing], started + 50 * 60_000, started + 40 * 60_000)).toEqual([]);
    // An answer from before this session does not count for it.
    expect(ask([dosing], started + 50 * 60_000, started - 3_600_000)).toHaveLength(1);
    // Discharged: the moment has passed; it is not asked in the 24 h after.
    const done = session('s1', 0, 'completed');
    expect(ask([done], (done.endedAt ?? 0) + 3_600_000)).toEqual([]);
  });

  it('reads a CADSS saved as after-session (plans before issue 10) as at the session', () => {
    const legacy = [
      { instrumentId: 'phq9', when: 'baseline' as const },
      { instrumentId: 'cadss', when: 'after_each_session' as const },
      { instrumentId: 'pain_nrs', when: 'after_each_session' as const },
    ];
    expect(measuresOf({ indication: 'depression', measures: legacy }).map((m) => m.when)).toEqual([
      'baseline',
      'at_each_session',
      'after_each_session',
    ]);
    for (const indication of ['depression', 'ptsd', 'substance_use', 'kap'] as const) {
      expect(defaultMeasures(indication).find((m) => m.instrumentId === 'cadss')?.when).toBe(
        'at_each_session',
      );
    }
  });

  it('lists each instrument once, with its earliest reason', () => {
    const result = due([session('s1', 1, 'upcoming')], [], T0);
    expect(result.map((d) => d.when)).toEqual(['baseline']);
  });
});

describe('default cadence', () => {
  it('gives every indication a baseline and a repeated measure, and keeps a protocol’s own schedule', () => {
    for (const indication of ['depression', 'ptsd', 'chronic_pain', 'substance_use', 'kap'] as const) {
      const schedule = defaultMeasures(indication);
      expect(schedule.some((m) => m.when === 'baseline')).toBe(true);
      expect(schedule.some((m) => m.when === 'after_series_every')).toBe(true);
    }
    const own = [{ instrumentId: 'gad7', when: 'baseline' as const }];
    expect(measuresOf({ indication: 'depression', measures: own })).toBe(own);
    expect(measuresOf({ indication: 'depression' })).toEqual(defaultMeasures('depression'));
  });
});

describe('protocol edits (issue 10)', () => {
  it('refuses a CADSS scheduled anywhere but at the session, naming the field', () => {
    const base = Object.values(protocols)[0];
    if (!base) {
      throw new Error('no built-in protocol');
    }
    const withCadss = (when: string) =>
      ProtocolSchema.safeParse({ ...base, measures: [{ instrumentId: 'cadss', when }] });
    expect(withCadss('at_each_session').success).toBe(true);
    const late = withCadss('after_each_session');
    expect(late.success).toBe(false);
    expect(late.error?.issues.map((i) => i.path.join('.'))).toEqual(['measures.0.when']);
    expect(
      ProtocolSchema.safeParse({
        ...base,
        measures: [{ instrumentId: 'pain_nrs', when: 'after_each_session' }],
      }).success,
    ).toBe(true);
  });
});
