import type { OutcomeWindow } from '../plans/outcome-window.ts';
import type { DatedScore } from './scores.ts';

/**
 * Where one patient stands on their plan's main outcome measure, as the chart shows it (server and
 * web share this shape): baseline, latest, % change, response and remission, and the booster signal.
 */
export interface PlanOutcomeView {
  instrumentId: string;
  shortTitle: string;
  status: 'no_infusion' | 'no_baseline' | 'no_follow_up' | 'assessed';
  /** The latest score before the first dose. */
  baseline: DatedScore | null;
  /** The latest score since the first infusion's day: where the patient stands now (the trajectory). */
  latest: DatedScore | null;
  /** Baseline to `latest`. */
  percentChange: number | null;
  /**
   * The outcome: the latest score in the protocol's window around the last induction session (issue
   * 10), with its change from baseline; null until the series is complete and scored in the window.
   */
  endOfSeries: { score: DatedScore; percentChange: number | null } | null;
  /** The window `endOfSeries` is looked for in (days relative to the last induction session). */
  outcomeWindow: OutcomeWindow;
  /** Judged on `endOfSeries`, never on a score from during the series. */
  responder: boolean;
  remitter: boolean;
  /** Null until the induction series is complete. */
  boosterSignal: {
    flag: boolean;
    reason: string;
    low: DatedScore | null;
    latest: DatedScore | null;
    daysSinceLastInfusion: number;
  } | null;
}
