import type { DatedScore } from './scores.ts';

/**
 * Where one patient stands on their plan's main outcome measure, as the chart shows it (server and
 * web share this shape): baseline, latest, % change, response and remission, and the booster signal.
 */
export interface PlanOutcomeView {
  instrumentId: string;
  shortTitle: string;
  status: 'no_infusion' | 'no_baseline' | 'no_follow_up' | 'assessed';
  baseline: DatedScore | null;
  latest: DatedScore | null;
  percentChange: number | null;
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
