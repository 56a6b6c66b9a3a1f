import { requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { meetsRemission, requireCriteria } from './criteria.ts';
import type { OutcomeCriteria } from './criteria.ts';
import { readDatedScores, toDatedScore } from './scores.ts';
import type { DatedScore, DayScore } from './scores.ts';

/** Inclusive yyyy-mm-dd bounds; an absent bound is open. */
export interface DateWindow {
  from?: string;
  to?: string;
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
  /** Has a baseline but no score in the follow-up window: never counted as a responder. */
  | { status: 'no_follow_up'; baseline: DatedScore }
  | ResponseAssessed;

/**
 * Response and remission for one patient on one instrument.
 *
 * Baseline = the latest score dated on or before the first infusion. The issue says "the first score
 * before the first infusion"; the latest one is chosen because it is the patient's state when
 * treatment began (an intake form can be weeks older than the first infusion), and a score dated on
 * the infusion day counts as pre-dose because the pre-infusion questionnaire is taken before dosing.
 * Dates carry no time of day, so of two scores on one date the later in input order wins.
 *
 * Latest follow-up = the latest score dated after the first infusion and inside `followUp`.
 *
 * Response = a fall of at least `criteria.responseReduction` of the baseline; impossible when the
 * baseline is 0. Remission = the latest score meets `criteria.remission`.
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

  const baseline = lastOf(scores.filter((s) => s.day <= firstInfusion && s.day >= oldestBaseline));
  if (!baseline) {
    return { status: 'no_baseline' };
  }
  const latest = lastOf(scores.filter((s) => s.day > firstInfusion && s.day >= from && s.day <= to));
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

function lastOf(sorted: readonly DayScore[]): DayScore | undefined {
  return sorted[sorted.length - 1];
}
