import type { InductionOutcome, OutcomeReport, OutcomeReportRow } from '@openkap/domain/outcomes/report';
import type { DatedScore } from '@openkap/domain/outcomes/scores';
import type { FollowUpRule } from '@openkap/domain/outcomes/response';
import { describeOutcomeWindow, type OutcomeWindow } from '@openkap/domain/plans/outcome-window';

/** The follow-up rule in words, the same on the page, in the CSV's notes and in the PDF. */
export function describeFollowUp(rule: FollowUpRule, window: OutcomeWindow): string {
  const where = describeOutcomeWindow(window);
  return rule === 'latest'
    ? `Latest score: the most recent score from the opening of the end-of-series window (${where}, unless the patient's protocol sets another) up to the end date; none before the induction series is complete.`
    : `End of the induction series: the latest score ${where} (unless the patient's protocol sets another window); none before the series is complete.`;
}

/** How each denominator is named wherever a rate is shown. */
export const DENOMINATORS = {
  followedUp: 'of patients with a follow-up score',
  intentToTreat: 'intent-to-treat: everyone with a baseline; no follow-up counted as not responding',
} as const;

/**
 * The outcome report as the API answers it (issues 4 and 10): `responseRate` and `remissionRate` are
 * 0–1 over patients WITH a follow-up score; `intentToTreat` gives the same over everyone with a
 * baseline, no follow-up counting as not responding. `followUp` says which score was the outcome.
 */
export function outcomeReportJson(r: OutcomeReport, q: { from: string; to: string }) {
  return {
    instrument: r.instrumentId,
    from: q.from,
    to: q.to,
    followUp: {
      rule: r.followUp.rule,
      defaultWindow: r.followUp.defaultWindow,
      description: describeFollowUp(r.followUp.rule, r.followUp.defaultWindow),
    },
    denominators: DENOMINATORS,
    enrolled: r.enrolled,
    patients: r.patients,
    noBaseline: r.noBaseline,
    baselineBelowThreshold: r.baselineBelowThreshold,
    minBaselineScore: r.minBaselineScore,
    withFollowUp: r.withFollowUp,
    noFollowUp: r.noFollowUp,
    responders: r.responders,
    responseRate: r.responseRate,
    responseCI95: r.responseCI95,
    remitters: r.remitters,
    remissionRate: r.remissionRate,
    remissionCI95: r.remissionCI95,
    intentToTreat: r.intentToTreat,
    medianPercentChange: r.medianPercentChange,
    completedInduction: r.completedInduction,
    inductionInProgress: r.inductionInProgress,
    dropOuts: r.dropOuts,
    timeToBooster: {
      subjects: r.timeToBooster.subjects,
      events: r.timeToBooster.events,
      censored: r.timeToBooster.censored,
      // An event is the first booster or a relapse, whichever came first: `events` counts both.
      eventKinds: r.timeToBoosterEventKinds,
      medianDays: r.timeToBooster.medianTime,
      steps: r.timeToBooster.steps.map((s) => ({
        day: s.time,
        atRisk: s.atRisk,
        events: s.events,
        censored: s.censored,
        survival: s.survival,
      })),
    },
  };
}

const csvCell = (v: string | number | boolean | null | undefined): string => {
  const text = v == null ? '' : String(v);
  // Quote what needs it, and defuse spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * One row per patient: what each rate above is made of. `responder` and `remitter` are the rates over
 * patients with a follow-up (blank without one); `responder_intent_to_treat` and
 * `remitter_intent_to_treat` are over everyone with a baseline (false without a follow-up); blank for
 * patients in neither. `follow_up_rule` names the rule that picked the follow-up score.
 */
export function outcomeReportCsv(r: OutcomeReport, mrns: Map<string, string>): string {
  const header = [
    'mrn',
    'status',
    'baseline_date',
    'baseline_score',
    'follow_up_date',
    'follow_up_score',
    'percent_change',
    'responder',
    'remitter',
    'responder_intent_to_treat',
    'remitter_intent_to_treat',
    'follow_up_rule',
    'induction',
    'days_to_booster',
    'booster_censored',
  ];
  const lines = r.perPatient.map((p) => {
    const resp = p.response;
    const baseline = resp.status === 'no_baseline' ? null : resp.baseline;
    const latest = resp.status === 'assessed' ? resp.latest : null;
    const inItt = inRates(r, p);
    return [
      mrns.get(p.patientId) ?? p.patientId,
      statusOf(r, p),
      baseline?.date,
      baseline?.score,
      latest?.date,
      latest?.score,
      resp.status === 'assessed' && resp.percentChange !== null ? resp.percentChange.toFixed(1) : null,
      resp.status === 'assessed' ? resp.responder : null,
      resp.status === 'assessed' ? resp.remitter : null,
      inItt ? resp.status === 'assessed' && resp.responder : null,
      inItt ? resp.status === 'assessed' && resp.remitter : null,
      r.followUp.rule,
      p.induction,
      p.timeToBooster?.time,
      p.timeToBooster ? !p.timeToBooster.event : null,
    ]
      .map(csvCell)
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

// ---- drill-down ----------------------------------------------------------------------------------

export type PatientStatus = 'assessed' | 'no_follow_up' | 'no_baseline' | 'below_threshold';

/** The CSV's status: the response status, except that a baseline under the minimum wins (it is in no rate). */
export function statusOf(r: OutcomeReport, p: OutcomeReportRow): PatientStatus {
  const resp = p.response;
  const below =
    r.minBaselineScore !== null && resp.status !== 'no_baseline' && resp.baseline.score < r.minBaselineScore;
  return below ? 'below_threshold' : resp.status;
}

/**
 * The patients behind each headline number, named as the drill-down's `group`. Each list's length is
 * the JSON figure it opens (all → enrolled, baseline → patients, follow-up → withFollowUp, …, booster-
 * censored → timeToBooster.censored), since each test below is the one outcomeReport counts with.
 */
export const outcomeGroups = [
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
] as const;
export type OutcomeGroup = (typeof outcomeGroups)[number];

const inRates = (r: OutcomeReport, p: OutcomeReportRow): boolean => {
  const status = statusOf(r, p);
  return status === 'assessed' || status === 'no_follow_up';
};
const assessed = (r: OutcomeReport, p: OutcomeReportRow) =>
  statusOf(r, p) === 'assessed' && p.response.status === 'assessed' ? p.response : null;

const members: Record<OutcomeGroup, (r: OutcomeReport, p: OutcomeReportRow) => boolean> = {
  all: () => true,
  baseline: inRates,
  'follow-up': (r, p) => assessed(r, p) !== null,
  responders: (r, p) => assessed(r, p)?.responder === true,
  remitters: (r, p) => assessed(r, p)?.remitter === true,
  'no-follow-up': (r, p) => statusOf(r, p) === 'no_follow_up',
  'no-baseline': (r, p) => statusOf(r, p) === 'no_baseline',
  'below-threshold': (r, p) => statusOf(r, p) === 'below_threshold',
  completed: (_, p) => p.induction === 'completed',
  'in-induction': (_, p) => p.induction === 'in_progress',
  'drop-outs': (_, p) => p.induction === 'dropped_out',
  'booster-events': (_, p) => p.timeToBooster?.event === true,
  'booster-censored': (_, p) => p.timeToBooster?.event === false,
};

export function groupMembers(r: OutcomeReport, group: OutcomeGroup): OutcomeReportRow[] {
  return r.perPatient.filter((p) => members[group](r, p));
}

/** One patient of a drill-down list, named (the totals above never are). */
export interface OutcomePatientView {
  patientId: string;
  mrn: string;
  givenName: string;
  familyName: string;
  status: PatientStatus;
  baseline: DatedScore | null;
  followUp: DatedScore | null;
  /** (follow-up − baseline) / baseline × 100; null without a follow-up or with a baseline of 0. */
  percentChange: number | null;
  /** Null when the patient is in no rate (no follow-up, no baseline, baseline under the minimum). */
  responder: boolean | null;
  remitter: boolean | null;
  induction: InductionOutcome;
  /** Days from the end of the series to the first booster or relapse, or to censoring; null outside that analysis. */
  daysToBooster: number | null;
  /** `event`: had a booster or relapse on that day; `censored`: followed that long without either; null: not in the analysis. */
  booster: 'event' | 'censored' | null;
}

export function outcomePatientView(
  r: OutcomeReport,
  p: OutcomeReportRow,
  who: { mrn: string; givenName: string; familyName: string },
): OutcomePatientView {
  const resp = p.response;
  const rated = assessed(r, p);
  return {
    patientId: p.patientId,
    mrn: who.mrn,
    givenName: who.givenName,
    familyName: who.familyName,
    status: statusOf(r, p),
    baseline: resp.status === 'no_baseline' ? null : resp.baseline,
    followUp: resp.status === 'assessed' ? resp.latest : null,
    percentChange: resp.status === 'assessed' ? resp.percentChange : null,
    responder: rated ? rated.responder : null,
    remitter: rated ? rated.remitter : null,
    induction: p.induction,
    daysToBooster: p.timeToBooster?.time ?? null,
    booster: p.timeToBooster ? (p.timeToBooster.event ? 'event' : 'censored') : null,
  };
}
