// The clinic outcome report (issue 4): GET /api/reports/outcomes, as JSON for the screen or as a
// per-patient CSV or PDF download, and GET /api/reports/outcomes/patients, the patients behind one
// figure. Rates are 0–1 over the patients WITH a follow-up score.
import { api, query } from '../api/client.ts';
import type { ReportFilters } from './filters.ts';

export interface BoosterStep {
  day: number;
  atRisk: number;
  events: number;
  censored: number;
  /** Share still without a booster just after `day`, 0–1. */
  survival: number;
}

export interface OutcomeReport {
  instrument: string;
  from: string;
  to: string;
  enrolled: number;
  /** Patients with a baseline score: the response population. */
  patients: number;
  noBaseline: number;
  /** Baseline below the instrument's minimum (PHQ-9 under 10): outside every rate. */
  baselineBelowThreshold: number;
  minBaselineScore: number | null;
  withFollowUp: number;
  noFollowUp: number;
  responders: number;
  responseRate: number | null;
  responseCI95: [number, number] | null;
  remitters: number;
  remissionRate: number | null;
  remissionCI95: [number, number] | null;
  /** The same numerators over everyone with a baseline: no follow-up counts as not responding. */
  intentToTreat: {
    patients: number;
    responders: number;
    responseRate: number | null;
    responseCI95: [number, number] | null;
    remitters: number;
    remissionRate: number | null;
    remissionCI95: [number, number] | null;
  };
  /** Which score was the outcome, in words too. */
  followUp: {
    rule: 'end_of_series' | 'latest';
    defaultWindow: { fromDay: number; toDay: number };
    description: string;
  };
  /** Each denominator named as the CSV and PDF name it. */
  denominators: { followedUp: string; intentToTreat: string };
  /** Median of (follow-up − baseline) / baseline × 100; negative means fewer symptoms. */
  medianPercentChange: number | null;
  completedInduction: number;
  inductionInProgress: number;
  dropOuts: number;
  timeToBooster: {
    subjects: number;
    events: number;
    censored: number;
    /** `events` by kind: the event is the first booster or relapse, whichever came first. */
    eventKinds?: { booster: number; relapse: number };
    medianDays: number | null;
    steps: BoosterStep[];
  };
}

/** The headline figures a list can be opened for (server/src/reports/view.ts `outcomeGroups`). */
export type OutcomeGroup =
  | 'all'
  | 'baseline'
  | 'follow-up'
  | 'responders'
  | 'remitters'
  | 'no-follow-up'
  | 'no-baseline'
  | 'below-threshold'
  | 'completed'
  | 'in-induction'
  | 'drop-outs'
  | 'booster-events'
  | 'booster-censored';

export interface DatedScore {
  date: string;
  score: number;
}

/** One patient behind a figure. */
export interface OutcomePatient {
  patientId: string;
  mrn: string;
  givenName: string;
  familyName: string;
  status: 'assessed' | 'no_follow_up' | 'no_baseline' | 'below_threshold';
  baseline: DatedScore | null;
  followUp: DatedScore | null;
  percentChange: number | null;
  /** Null for a patient in no rate. */
  responder: boolean | null;
  remitter: boolean | null;
  induction: 'completed' | 'in_progress' | 'dropped_out';
  daysToBooster: number | null;
  booster: 'event' | 'censored' | null;
}

export interface OutcomePatientList {
  group: OutcomeGroup;
  /** Everyone in the group; `patients` is one page of them, alphabetical. */
  total: number;
  offset: number;
  limit: number;
  patients: OutcomePatient[];
}

function params(filters: ReportFilters) {
  return {
    instrument: filters.instrument,
    from: filters.from,
    to: filters.to,
    indication: filters.indication,
    protocol: filters.protocol,
    // The server's default: left out so the request stays the same as before the setting.
    followUp: filters.followUp === 'end_of_series' ? undefined : filters.followUp,
  };
}

export const reportsApi = {
  outcomes: (filters: ReportFilters, signal?: AbortSignal) =>
    api.get<OutcomeReport>(`/api/reports/outcomes${query(params(filters))}`, { signal }),
  /** Same query, one row per patient; the browser downloads it with the session cookie. */
  outcomesCsvUrl: (filters: ReportFilters) =>
    `/api/reports/outcomes${query({ ...params(filters), format: 'csv' })}`,
  /** The same figures on a page or two for the board, naming no patient. */
  outcomesPdfUrl: (filters: ReportFilters) =>
    `/api/reports/outcomes${query({ ...params(filters), format: 'pdf' })}`,
  outcomePatients: (
    filters: ReportFilters,
    group: OutcomeGroup,
    page: { offset: number; limit: number },
    signal?: AbortSignal,
  ) =>
    api.get<OutcomePatientList>(
      `/api/reports/outcomes/patients${query({ ...params(filters), group, offset: page.offset, limit: page.limit })}`,
      { signal },
    ),
};
