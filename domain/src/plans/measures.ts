import { requireNumber } from '../errors.ts';
import type { Protocol } from './protocol.ts';

/**
 * When each questionnaire is due under a protocol (issue 4 "Cadence"): measurement-based care asks the
 * same validated instrument at fixed points so scores can be compared over time. The defaults follow
 * what the clinic's own material describes — symptoms rated before each infusion, then tracked between
 * infusions to time boosters ("track mood, book when symptoms return": shared/reference/domain.md,
 * booster timing row) — and are clinic-editable data like every protocol number.
 *
 * - `baseline`: once, before the first session (the score every change is measured against);
 * - `before_each_session`: in the BEFORE_WINDOW_DAYS before each upcoming session, until it starts;
 * - `at_each_session`: at the session, during or just after dosing: from the start of dosing until
 *   the patient is discharged (dissociation, CADSS: it rates the state right now, so an answer the day
 *   after measures nothing; see cadss.ts);
 * - `after_each_session`: from the end of each session for AFTER_WINDOW_HOURS (pain after the session);
 * - `after_series_every`: once the induction series is complete, every `everyDays` days.
 */
export type MeasureWhen =
  'baseline' | 'before_each_session' | 'at_each_session' | 'after_each_session' | 'after_series_every';

/**
 * Instruments that rate the state during dosing and are only ever due at the session. Plans started
 * before `at_each_session` existed carry CADSS as `after_each_session`; `measuresOf` reads that as at
 * the session, and a protocol edit may schedule them only at the session (plans/schema.ts).
 */
export const AT_SESSION_ONLY: ReadonlySet<string> = new Set(['cadss']);

export interface MeasureSchedule {
  instrumentId: string;
  when: MeasureWhen;
  /** For `after_series_every`: days between two answers. */
  everyDays?: number;
}

/** A response counts for the session ahead when it was answered at most this long before it. */
export const BEFORE_WINDOW_DAYS = 3;
/** An after-session measure is asked until this long after the session ended, then it lapses. */
export const AFTER_WINDOW_HOURS = 24;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface CadenceSession {
  id: string;
  /** Epoch ms. */
  scheduledAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Completed sessions count toward the series; cancelled ones never do. */
  status: 'upcoming' | 'in_progress' | 'completed' | 'cancelled';
}

export interface CadenceResponse {
  instrumentId: string;
  /** Epoch ms. */
  authoredAt: number;
  /** Partial answers are kept but never satisfy a due measure. */
  complete: boolean;
}

export interface DueMeasure {
  instrumentId: string;
  when: MeasureWhen;
  /** Since when it has been due (epoch ms); null for a baseline, due from the start of the plan. */
  dueFrom: number | null;
  /** Why, in words for staff and patient: "before the infusion on 2026-11-27". */
  reason: string;
  sessionId?: string;
}

/**
 * Defaults per indication; a protocol snapshot without `measures` (plans started before cadence was
 * data) uses these. MADRS is clinician-rated: staff enter it at baseline and after the series.
 */
export function defaultMeasures(indication: Protocol['indication']): readonly MeasureSchedule[] {
  const weekly = (instrumentId: string): MeasureSchedule => ({
    instrumentId,
    when: 'after_series_every',
    everyDays: 7,
  });
  const both = (instrumentId: string): MeasureSchedule[] => [
    { instrumentId, when: 'baseline' },
    { instrumentId, when: 'before_each_session' },
    weekly(instrumentId),
  ];
  const dissociation: MeasureSchedule = { instrumentId: 'cadss', when: 'at_each_session' };
  switch (indication) {
    case 'depression':
      return [...both('phq9'), { instrumentId: 'gad7', when: 'baseline' }, dissociation];
    case 'ptsd':
      return [...both('pcl5'), ...both('phq9'), dissociation];
    case 'chronic_pain':
      return [
        { instrumentId: 'pain_nrs', when: 'baseline' },
        { instrumentId: 'pain_nrs', when: 'before_each_session' },
        { instrumentId: 'pain_nrs', when: 'after_each_session' },
        weekly('pain_nrs'),
        { instrumentId: 'phq9', when: 'baseline' },
      ];
    case 'substance_use':
      return [
        ...both('pacs'),
        ...both('use_diary'),
        { instrumentId: 'phq9', when: 'baseline' },
        dissociation,
      ];
    case 'kap':
      return [...both('phq9'), dissociation];
  }
}

/** The protocol's schedule, or the defaults for its indication. */
export function measuresOf(
  protocol: Pick<Protocol, 'indication'> & { measures?: readonly MeasureSchedule[] },
): readonly MeasureSchedule[] {
  const own = protocol.measures;
  if (!own) {
    return defaultMeasures(protocol.indication);
  }
  return own.some(isLegacyAfterSession)
    ? own.map((m) => (isLegacyAfterSession(m) ? { ...m, when: 'at_each_session' as const } : m))
    : own;
}

const isLegacyAfterSession = (m: MeasureSchedule): boolean =>
  m.when === 'after_each_session' && AT_SESSION_ONLY.has(m.instrumentId);

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * What is due now for one patient: each schedule entry checked against their sessions and the
 * complete responses on record. Pure; times are epoch ms.
 */
export function dueMeasures(input: {
  schedule: readonly MeasureSchedule[];
  inductionSessions: number;
  sessionNoun: string;
  sessions: readonly CadenceSession[];
  responses: readonly CadenceResponse[];
  now: number;
}): DueMeasure[] {
  const now = requireNumber(input.now, 'now');
  const sessions = [...input.sessions]
    .filter((s) => s.status !== 'cancelled')
    .sort((a, b) => a.scheduledAt - b.scheduledAt);
  const completed = sessions.filter((s) => s.status === 'completed');
  const answered = (instrumentId: string, from: number, to: number): boolean =>
    input.responses.some(
      (r) => r.complete && r.instrumentId === instrumentId && r.authoredAt >= from && r.authoredAt <= to,
    );
  const noun = input.sessionNoun.toLowerCase();
  const due: DueMeasure[] = [];

  for (const m of input.schedule) {
    switch (m.when) {
      case 'baseline': {
        const first = sessions[0];
        // Due until the first session starts; once it has started a missing baseline cannot be made up.
        if (completed.length === 0 && (!first || first.startedAt === null)) {
          const before = first ? (first.startedAt ?? first.scheduledAt) : now;
          if (!answered(m.instrumentId, -Infinity, Math.max(before, now))) {
            due.push({
              instrumentId: m.instrumentId,
              when: m.when,
              dueFrom: null,
              reason: first ? `baseline, before the first ${noun}` : 'baseline',
            });
          }
        }
        break;
      }
      case 'before_each_session': {
        const next = sessions.find((s) => s.status === 'upcoming' && s.scheduledAt >= now - 12 * HOUR);
        if (next && next.scheduledAt - now <= BEFORE_WINDOW_DAYS * DAY) {
          const from = next.scheduledAt - BEFORE_WINDOW_DAYS * DAY;
          if (!answered(m.instrumentId, from, now)) {
            due.push({
              instrumentId: m.instrumentId,
              when: m.when,
              dueFrom: from,
              reason: `before the ${noun} on ${isoDay(next.scheduledAt)}`,
              sessionId: next.id,
            });
          }
        }
        break;
      }
      case 'at_each_session': {
        // The session being dosed or in recovery now; once discharged the moment has passed.
        const current = sessions.filter((s) => s.status === 'in_progress' && s.startedAt !== null).at(-1);
        const started = current?.startedAt ?? null;
        if (current && started !== null && started <= now) {
          if (!answered(m.instrumentId, started, now)) {
            due.push({
              instrumentId: m.instrumentId,
              when: m.when,
              dueFrom: started,
              reason: `during or just after dosing, at the ${noun} on ${isoDay(started)}`,
              sessionId: current.id,
            });
          }
        }
        break;
      }
      case 'after_each_session': {
        const last = completed.filter((s) => s.endedAt !== null).at(-1);
        const ended = last?.endedAt ?? null;
        if (last && ended !== null && now - ended <= AFTER_WINDOW_HOURS * HOUR) {
          if (!answered(m.instrumentId, last.startedAt ?? ended, now)) {
            due.push({
              instrumentId: m.instrumentId,
              when: m.when,
              dueFrom: ended,
              reason: `after the ${noun} on ${isoDay(ended)}`,
              sessionId: last.id,
            });
          }
        }
        break;
      }
      case 'after_series_every': {
        const every = requireNumber(m.everyDays ?? 7, 'everyDays', { integer: true, min: 1 });
        const seriesEnd = completed[input.inductionSessions - 1];
        if (input.inductionSessions > 0 && seriesEnd) {
          const endedAt = seriesEnd.endedAt ?? seriesEnd.scheduledAt;
          const latest = input.responses
            .filter((r) => r.complete && r.instrumentId === m.instrumentId && r.authoredAt >= endedAt)
            .reduce((max, r) => Math.max(max, r.authoredAt), endedAt);
          const dueFrom = latest + every * DAY;
          if (now >= dueFrom) {
            due.push({
              instrumentId: m.instrumentId,
              when: m.when,
              dueFrom,
              reason: `every ${every} days after the series`,
            });
          }
        }
        break;
      }
    }
  }
  // One line per instrument: the earliest reason it is due.
  const byInstrument = new Map<string, DueMeasure>();
  for (const d of due.sort((a, b) => (a.dueFrom ?? -Infinity) - (b.dueFrom ?? -Infinity))) {
    if (!byInstrument.has(d.instrumentId)) {
      byInstrument.set(d.instrumentId, d);
    }
  }
  return [...byInstrument.values()];
}
