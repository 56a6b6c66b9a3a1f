import { DomainError, requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { meetsRemission, requireCriteria } from './criteria.ts';
import type { OutcomeCriteria } from './criteria.ts';
import { OUTCOME_WINDOW_LIMITS, requireOutcomeWindow } from '../plans/outcome-window.ts';
import type { OutcomeWindow } from '../plans/outcome-window.ts';
import { instantMs, readDatedScores, toDatedScore } from './scores.ts';
import type { DatedScore, DayScore } from './scores.ts';

/** Inclusive yyyy-mm-dd bounds; an absent bound is open. */
export interface DateWindow {
  from?: string;
  to?: string;
}

/**
 * Which follow-up score is the outcome:
 * - `end_of_series`: the latest score in the protocol's window around the last induction session
 *   (plans/outcome-window.ts), the default;
 * - `latest`: the latest score from the opening of that window up to the report's end date, for a
 *   clinic that wants to see where patients stand now.
 * Either way there is no outcome before the series is complete: a score the day after the first
 * infusion measures one dose, not the treatment.
 */
export const followUpRules = ['end_of_series', 'latest'] as const;
export type FollowUpRule = (typeof followUpRules)[number];

export interface SeriesOutcome {
  rule: FollowUpRule;
  /** Day of the last induction session; null while the series is not complete (no outcome yet). */
  seriesEndDate: string | null;
  window: OutcomeWindow;
}

export interface ResponseInput {
  /** Every score of one instrument for one patient, in any order. */
  scores: readonly DatedScore[];
  firstInfusionDate: string;
  /**
   * Which follow-up scores count (e.g. `to` = the report's end date, so a report for a past period
   * gives the same answer later). Follow-up is always after the first infusion date.
   */
  followUp?: DateWindow;
  /** Ignore baseline scores older than this many days before the first infusion; absent = no limit. */
  maxBaselineAgeDays?: number;
  /**
   * When the first dose started (ISO instant). Given, a score on the first infusion's day is baseline
   * only if it was answered before it (its `at`); absent, every score of that day counts as pre-dose.
   */
  firstDoseAt?: string | undefined;
  /** Pick the follow-up by the end of the series; absent, the latest score after the first infusion. */
  outcome?: SeriesOutcome;
}

export interface ResponseAssessed {
  status: 'assessed';
  baseline: DatedScore;
  latest: DatedScore;
  /** latest − baseline: negative is improvement on these instruments. */
  change: number;
  /** (latest − baseline) / baseline × 100; null when the baseline is 0 (no relative change exists). */
  percentChange: number | null;
  responder: boolean;
  remitter: boolean;
}

export type PatientResponse =
  | { status: 'no_baseline' }
  /**
   * Has a baseline but no follow-up score (none in the window, or the series is not complete): never
   * counted as a responder; in the intent-to-treat rates counted as not responding.
   */
  | { status: 'no_follow_up'; baseline: DatedScore }
  | ResponseAssessed;

/**
 * Response and remission for one patient on one instrument.
 *
 * Baseline = the latest score before the first dose: dated before the first infusion's day, or on it
 * and answered before the dose started (`firstDoseAt`). A score taken after the first dose on that day
 * is never the baseline (ketamine acts within hours), nor a follow-up: it is neither. The latest rather
 * than the first score before the infusion is taken because it is the patient's state when treatment
 * began (an intake form can be weeks older). Of two scores on one date without times, the later in
 * input order wins.
 *
 * Follow-up = dated after the first infusion's day and inside `followUp`; with `outcome`, the score its
 * rule picks (see SeriesOutcome), otherwise the latest.
 *
 * Response = a fall of at least `criteria.responseReduction` of the baseline; impossible when the
 * baseline is 0. Remission = the follow-up score meets `criteria.remission`.
 */
export function assessResponse(input: ResponseInput, criteria: OutcomeCriteria): PatientResponse {
  requireCriteria(criteria);
  const scores = readDatedScores(input.scores);
  const firstInfusion = isoDateToDay(input.firstInfusionDate);
  const from = input.followUp?.from === undefined ? -Infinity : isoDateToDay(input.followUp.from);
  const to = input.followUp?.to === undefined ? Infinity : isoDateToDay(input.followUp.to);
  const oldestBaseline =
    input.maxBaselineAgeDays === undefined
      ? -Infinity
      : firstInfusion -
        requireNumber(input.maxBaselineAgeDays, 'maxBaselineAgeDays', { integer: true, min: 0 });

  const firstDoseMs = input.firstDoseAt === undefined ? null : instantMs(input.firstDoseAt, 'firstDoseAt');
  // A same-day score without a time cannot be shown to be pre-dose once the dose time is known.
  const preDose = (s: DayScore): boolean =>
    s.day < firstInfusion || firstDoseMs === null || (s.atMs !== null && s.atMs < firstDoseMs);
  const [windowFrom, windowTo] = outcomeDays(input.outcome);
  // One pass over the sorted scores, keeping the last of each kind (no arrays: this runs for every
  // patient of a 100,000-patient report).
  let baseline: DayScore | undefined;
  let latest: DayScore | undefined;
  for (const s of scores) {
    if (s.day <= firstInfusion) {
      if (s.day >= oldestBaseline && preDose(s)) {
        baseline = s;
      }
    } else if (s.day >= from && s.day <= to && s.day >= windowFrom && s.day <= windowTo) {
      latest = s;
    }
  }
  if (!baseline) {
    return { status: 'no_baseline' };
  }
  if (!latest) {
    return { status: 'no_follow_up', baseline: toDatedScore(baseline) };
  }
  const change = latest.score - baseline.score;
  return {
    status: 'assessed',
    baseline: toDatedScore(baseline),
    latest: toDatedScore(latest),
    change,
    // Multiply before dividing so whole-number scores give exact percentages (−11/20 → −55, not −55.000…01).
    percentChange: baseline.score === 0 ? null : (change * 100) / baseline.score,
    // latest ≤ baseline × (1 − r) is the same test as a ≥ r fall, without dividing by the baseline.
    responder: baseline.score > 0 && latest.score <= baseline.score * (1 - criteria.responseReduction),
    remitter: meetsRemission(latest.score, criteria.remission),
  };
}

/** The common case checked without allocating (requireOutcomeWindow explains what is wrong otherwise). */
function isPlainWindow(w: OutcomeWindow): boolean {
  return (
    typeof w === 'object' &&
    w !== null &&
    Number.isInteger(w.fromDay) &&
    Number.isInteger(w.toDay) &&
    w.fromDay <= w.toDay &&
    w.fromDay >= OUTCOME_WINDOW_LIMITS.minFromDay &&
    w.toDay <= OUTCOME_WINDOW_LIMITS.maxToDay
  );
}

/** The days a follow-up may fall on under `outcome`: none at all before the series is complete. */
function outcomeDays(outcome: SeriesOutcome | undefined): [number, number] {
  if (outcome === undefined) {
    return [-Infinity, Infinity];
  }
  if (outcome.rule !== 'end_of_series' && outcome.rule !== 'latest') {
    throw new DomainError('invalid_input', 'outcome.rule must be "end_of_series" or "latest"', {
      rule: outcome.rule,
    });
  }
  const window = isPlainWindow(outcome.window) ? outcome.window : requireOutcomeWindow(outcome.window);
  if (outcome.seriesEndDate === null) {
    return [Infinity, -Infinity];
  }
  const end = isoDateToDay(outcome.seriesEndDate);
  return [end + window.fromDay, outcome.rule === 'latest' ? Infinity : end + window.toDay];
}
