// What each headline figure's patient list is called and what puts a patient in it, in the words the
// page uses beside the figure.
import type { OutcomeGroup, OutcomeReport } from './api.ts';

export const outcomeGroups: readonly OutcomeGroup[] = [
  'all',
  'baseline',
  'follow-up',
  'responders',
  'remitters',
  'no-follow-up',
  'no-baseline',
  'below-threshold',
  'completed',
  'in-induction',
  'drop-outs',
  'booster-events',
  'booster-censored',
];

export function isOutcomeGroup(value: string | null): value is OutcomeGroup {
  return (outcomeGroups as readonly (string | null)[]).includes(value);
}

export interface GroupWords {
  title: string;
  /** Who is in the list, and whether they are in the rates. */
  description: string;
}

export function groupWords(
  group: OutcomeGroup,
  ctx: {
    instrumentLabel: string;
    minBaselineScore: number | null;
    responseRule: string;
    remissionRule: string;
  },
): GroupWords {
  const label = ctx.instrumentLabel;
  const min = ctx.minBaselineScore;
  const words: Record<OutcomeGroup, GroupWords> = {
    all: {
      title: 'All patients in the report',
      description: 'Everyone the report counts, in or out of the rates.',
    },
    baseline: {
      title: `With a baseline ${label}`,
      description: `A ${label} before the first dose${min === null ? '' : ` of ${min} or more`}: the response population and the intent-to-treat denominator, with or without a follow-up score.`,
    },
    'follow-up': {
      title: `With a follow-up ${label}`,
      description:
        'The patients the first rate of each pair (“of patients with a follow-up score”) is counted over.',
    },
    responders: { title: 'Responders', description: `Response: ${ctx.responseRule}.` },
    remitters: { title: 'In remission', description: `Remission: ${ctx.remissionRule}.` },
    'no-follow-up': {
      title: 'Without a follow-up score',
      description: `A baseline ${label} but no follow-up score: outside the rates over patients with a follow-up, and counted as not responding by intent to treat.`,
    },
    'no-baseline': {
      title: 'Without a baseline',
      description: `No ${label} before the first dose, so nothing to compare with: not in the rates.`,
    },
    'below-threshold': {
      title: `Baseline under ${min ?? ''}`,
      description: `Too few symptoms at the start to count (HEDIS): not in the rates.`,
    },
    completed: { title: 'Completed the series', description: 'Received every planned induction infusion.' },
    'in-induction': {
      title: 'Still in induction',
      description: 'Short of the planned series, with a session in the 14 days before the end date.',
    },
    'drop-outs': {
      title: 'Drop-outs',
      description: 'Stopped before the planned induction: no session in the 14 days before the end date.',
    },
    'booster-events': {
      title: 'Had a booster or relapse',
      description: 'Completed the series and had a first booster or a relapse by the end date.',
    },
    'booster-censored': {
      title: 'No booster or relapse yet (censored)',
      description:
        'Completed the series with no booster or relapse by the end date, or by their last session if their plan has ended.',
    },
  };
  return words[group];
}

/** The figure each list is behind: the list's length is this number. */
export function groupCount(report: OutcomeReport, group: OutcomeGroup): number {
  const counts: Record<OutcomeGroup, number> = {
    all: report.enrolled,
    baseline: report.patients,
    'follow-up': report.withFollowUp,
    responders: report.responders,
    remitters: report.remitters,
    'no-follow-up': report.noFollowUp,
    'no-baseline': report.noBaseline,
    'below-threshold': report.baselineBelowThreshold,
    completed: report.completedInduction,
    'in-induction': report.inductionInProgress,
    'drop-outs': report.dropOuts,
    'booster-events': report.timeToBooster.events,
    'booster-censored': report.timeToBooster.censored,
  };
  return counts[group];
}
