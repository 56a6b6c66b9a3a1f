import { DomainError, requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { readDatedScores, toDatedScore } from './scores.ts';
import type { DatedScore } from './scores.ts';

/**
 * When to suggest a booster because symptoms are coming back. A clinic-configurable heuristic, NOT a
 * published cut-off: boosters are given "as needed" once the induction series is over
 * (https://nyketamine.com/?p=433), and patients and clinics time them by tracking symptoms between
 * visits and booking when they return (r/KetamineTherapy thread, mirror
 * http://161.97.122.53:8180/r/KetamineTherapy/comments/1fsnbke; "why monitoring your response to
 * treatment matters", http://www.maverickmedicine.com/blog/why-monitoring-your-response-to-treatment-matters).
 * Both numbers below are the defaults for PHQ-9; set either to null to switch that test off.
 */
export interface BoosterSignalRule {
  /** Flag when the latest score is at least this many points above the post-series low. */
  riseFromLowPoints: number | null;
  /** Flag when at least this fraction of the improvement (baseline − low) has been lost. */
  improvementLostFraction: number | null;
}

export const defaultBoosterSignalRule: BoosterSignalRule = {
  riseFromLowPoints: 5,
  improvementLostFraction: 0.5,
};

export interface BoosterSignalInput {
  /** Pre-treatment score (see assessResponse); null when there is none, which disables the fraction test. */
  baselineScore: number | null;
  /** Scores of the same instrument, any order; only those from `seriesEndDate` to `asOf` are used. */
  scores: readonly DatedScore[];
  /** Date of the last infusion of the induction series. */
  seriesEndDate: string;
  /** Most recent infusion of any kind (e.g. a booster); defaults to `seriesEndDate`. */
  lastInfusionDate?: string;
  /** The day the signal is computed for (the clinic's "today" or a report's end date). */
  asOf: string;
}

export type BoosterTrigger = 'rise_from_low' | 'improvement_lost';

export interface BoosterSignal {
  flag: boolean;
  triggers: readonly BoosterTrigger[];
  /** One sentence for staff: why it fired, or why not. */
  reason: string;
  /** Lowest score since the end of the series (earliest date if tied); null without scores. */
  low: DatedScore | null;
  latest: DatedScore | null;
  daysSinceLastInfusion: number;
}

/**
 * Flags a patient whose scores have risen back toward baseline after the induction series. The
 * "improvement lost" test only counts a real rise (latest above the low) and a real improvement
 * (low below baseline), so a patient who never improved is not flagged by it for standing still.
 */
export function boosterSignal(
  input: BoosterSignalInput,
  rule: BoosterSignalRule = defaultBoosterSignalRule,
): BoosterSignal {
  const riseRule =
    rule.riseFromLowPoints === null
      ? null
      : requireNumber(rule.riseFromLowPoints, 'riseFromLowPoints', { positive: true });
  const lostRule =
    rule.improvementLostFraction === null
      ? null
      : requireNumber(rule.improvementLostFraction, 'improvementLostFraction', { positive: true, max: 1 });
  const baseline =
    input.baselineScore === null ? null : requireNumber(input.baselineScore, 'baselineScore', { min: 0 });
  const seriesEnd = isoDateToDay(input.seriesEndDate);
  const asOf = isoDateToDay(input.asOf);
  const lastInfusion = isoDateToDay(input.lastInfusionDate ?? input.seriesEndDate);
  if (lastInfusion < seriesEnd) {
    throw new DomainError('invalid_input', 'lastInfusionDate cannot be before seriesEndDate', {
      lastInfusionDate: input.lastInfusionDate,
      seriesEndDate: input.seriesEndDate,
    });
  }
  if (asOf < lastInfusion) {
    throw new DomainError('invalid_input', 'asOf cannot be before the last infusion', {
      asOf: input.asOf,
      lastInfusionDate: input.lastInfusionDate ?? input.seriesEndDate,
    });
  }
  const daysSinceLastInfusion = asOf - lastInfusion;

  const since = readDatedScores(input.scores).filter((s) => s.day >= seriesEnd && s.day <= asOf);
  const latest = since[since.length - 1];
  if (!latest) {
    return {
      flag: false,
      triggers: [],
      reason: 'No score since the end of the induction series',
      low: null,
      latest: null,
      daysSinceLastInfusion,
    };
  }
  // Earliest of the lowest: strict < keeps the first one met in date order.
  const low = since.reduce((min, s) => (s.score < min.score ? s : min));
  const rise = latest.score - low.score;
  const improvement = baseline === null ? null : baseline - low.score;

  const triggers: BoosterTrigger[] = [];
  const why: string[] = [];
  if (riseRule !== null && rise >= riseRule) {
    triggers.push('rise_from_low');
    why.push(`up ${rise} points from the post-series low of ${low.score} (threshold ${riseRule})`);
  }
  if (
    lostRule !== null &&
    improvement !== null &&
    improvement > 0 &&
    rise > 0 &&
    rise >= lostRule * improvement
  ) {
    triggers.push('improvement_lost');
    why.push(
      `${percent(rise / improvement)} of the ${improvement}-point improvement lost (threshold ${percent(lostRule)})`,
    );
  }
  const reason =
    triggers.length > 0
      ? `Score ${latest.score}: ${why.join('; ')}`
      : `Score ${latest.score} is ${rise} points above the post-series low of ${low.score}: below the thresholds`;
  return {
    flag: triggers.length > 0,
    triggers,
    reason,
    low: toDatedScore(low),
    latest: toDatedScore(latest),
    daysSinceLastInfusion,
  };
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}
