import { DomainError, requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { kaplanMeier } from '../statistics/kaplan-meier.ts';
import type { KaplanMeierEstimate, SurvivalObservation } from '../statistics/kaplan-meier.ts';
import { median } from '../statistics/median.ts';
import { wilsonInterval } from '../statistics/wilson.ts';
import type { ProportionInterval } from '../statistics/wilson.ts';
import { requireCriteria } from './criteria.ts';
import type { OutcomeCriteria } from './criteria.ts';
import { defaultOutcomeWindow, requireOutcomeWindow } from '../plans/outcome-window.ts';
import type { OutcomeWindow } from '../plans/outcome-window.ts';
import { assessResponse } from './response.ts';
import type { FollowUpRule, PatientResponse } from './response.ts';
import type { DatedScore } from './scores.ts';

/** One patient's facts for the report; the server gathers them, this module only counts. */
export interface OutcomeReportPatient {
  patientId: string;
  /** Scores of the report's instrument, any order. */
  scores: readonly DatedScore[];
  firstInfusionDate: string;
  /** Induction infusions received so far. */
  inductionInfusions: number;
  /** Induction infusions the patient's protocol plans. */
  plannedInductionInfusions: number;
  /** Still inside the induction series on the end date: neither completed nor a drop-out. */
  inductionOngoing?: boolean;
  /** Date of the last induction infusion; required once the series is complete. */
  seriesEndDate?: string | null;
  /** First booster infusion after the series. */
  firstBoosterDate?: string | null;
  /**
   * First relapse a clinician recorded on or after the end of the series (a relapse during the series
   * is not an event of the time to booster or relapse, and is ignored here too).
   */
  relapseDate?: string | null;
  /** Last visit or contact; follow-up for time to booster is censored here if before the end date. */
  lastContactDate?: string | null;
  /** When the first dose started (ISO instant): a score after it on that day is never the baseline. */
  firstDoseAt?: string;
  /** The patient's protocol's outcome window; absent or null, the report's default. */
  outcomeWindow?: OutcomeWindow | null;
}

export interface OutcomeReportInput {
  /** Response and remission definitions for the instrument (see getOutcomeCriteria). */
  criteria: OutcomeCriteria;
  /** Last day the report looks at: later scores, boosters and relapses are ignored. */
  endDate: string;
  /** Earliest date a follow-up score may have (e.g. to measure response at 4+ weeks). */
  followUpFrom?: string;
  /** Passed to assessResponse: ignore baseline scores older than this. */
  maxBaselineAgeDays?: number;
  /** Which follow-up score is the outcome (response.ts FollowUpRule); default end of series. */
  followUpRule?: FollowUpRule;
  /** The window for patients whose protocol sets none; default plans/outcome-window.ts's. */
  defaultWindow?: OutcomeWindow;
  patients: readonly OutcomeReportPatient[];
}

/**
 * The same numerators over everyone with a baseline (intent to treat): a patient without a follow-up
 * score counts as not responding and not in remission, so drop-outs and the unmeasured pull the rate
 * down instead of vanishing from it.
 */
export interface IntentToTreatRates {
  /** Denominator: every patient with a (qualifying) baseline, with or without a follow-up. */
  patients: number;
  responders: number;
  responseRate: number | null;
  responseCI95: ProportionInterval | null;
  remitters: number;
  remissionRate: number | null;
  remissionCI95: ProportionInterval | null;
}

export type InductionOutcome = 'completed' | 'in_progress' | 'dropped_out';

export interface OutcomeReportRow {
  patientId: string;
  response: PatientResponse;
  induction: InductionOutcome;
  /** Days from the end of the series to the first booster or relapse; null if not in that analysis. */
  timeToBooster: SurvivalObservation | null;
  /** Which event ended timeToBooster (a relapse when both fall on the same day); null if censored or outside. */
  timeToBoosterEvent: 'booster' | 'relapse' | null;
}

export interface OutcomeReport {
  instrumentId: string;
  endDate: string;
  /** How the follow-up score was picked: the rule and the default window (a protocol may set its own). */
  followUp: { rule: FollowUpRule; defaultWindow: OutcomeWindow };
  /** Every patient given to the report. */
  enrolled: number;
  /** Patients with a baseline score: the response population. */
  patients: number;
  /** Enrolled patients without a baseline score; outside every rate below. */
  noBaseline: number;
  /** Baseline below the criteria's minimum (e.g. PHQ-9 under 10): not depressed enough to count; outside every rate. */
  baselineBelowThreshold: number;
  /** The criteria's minimum baseline (null: none), so a reader knows who was left out and why. */
  minBaselineScore: number | null;
  withFollowUp: number;
  /** Baseline but no follow-up score: reported apart and never counted as responders. */
  noFollowUp: number;
  responders: number;
  /** responders / withFollowUp, 0–1: over patients WITH follow-up, not over all patients. Null if none. */
  responseRate: number | null;
  /** Wilson 95 % interval for responseRate; null when no patient has follow-up. */
  responseCI95: ProportionInterval | null;
  remitters: number;
  /** remitters / withFollowUp, 0–1, over patients WITH follow-up. Null if none. */
  remissionRate: number | null;
  remissionCI95: ProportionInterval | null;
  /** Response and remission over everyone with a baseline, beside the rates above. */
  intentToTreat: IntentToTreatRates;
  /** Median of (follow-up − baseline)/baseline × 100 over patients with follow-up and a non-zero baseline. */
  medianPercentChange: number | null;
  completedInduction: number;
  inductionInProgress: number;
  /** Stopped before the protocol's planned number of induction infusions. */
  dropOuts: number;
  /** Kaplan–Meier of days from the end of the series to the first booster or relapse. */
  timeToBooster: KaplanMeierEstimate;
  /** timeToBooster's events by kind: `booster + relapse === timeToBooster.events`. */
  timeToBoosterEventKinds: { booster: number; relapse: number };
  perPatient: readonly OutcomeReportRow[];
}

/**
 * The clinic outcome report. Response and remission are given over two denominators side by side:
 * the patients WITH a follow-up score (`responseRate`, `remissionRate`), and intent to treat, everyone
 * with a baseline, where no follow-up counts as not responding (`intentToTreat`). The first flatters
 * a clinic whose non-responders stop coming; the second is the honest floor. Patients with a baseline
 * but no follow-up are also counted apart in `noFollowUp`.
 *
 * The follow-up score is the one at the end of the induction series (`followUpRule`, response.ts):
 * a patient whose series is not complete by the end date has none.
 *
 * Time to booster covers patients who completed the series by the end date. The event is the earlier
 * of the first booster and a recorded relapse on or before the end date; everyone else is censored at
 * the end date, or at their last contact if that is earlier.
 */
export function outcomeReport(input: OutcomeReportInput): OutcomeReport {
  const criteria = requireCriteria(input.criteria);
  const endDay = isoDateToDay(input.endDate);
  const rule = input.followUpRule ?? 'end_of_series';
  const defaultWindow = requireOutcomeWindow(input.defaultWindow ?? defaultOutcomeWindow);
  if (!Array.isArray(input.patients)) {
    throw new DomainError('invalid_input', 'patients must be an array');
  }
  const seen = new Set<string>();
  const followUp = { from: input.followUpFrom, to: input.endDate };
  const rows = input.patients.map((patient): OutcomeReportRow => {
    if (typeof patient?.patientId !== 'string' || patient.patientId === '') {
      throw new DomainError('invalid_input', 'Every patient needs a patientId');
    }
    if (seen.has(patient.patientId)) {
      throw new DomainError('invalid_input', `Patient ${patient.patientId} appears twice`, {
        patientId: patient.patientId,
      });
    }
    seen.add(patient.patientId);
    const induction = inductionOutcome(patient);
    const response = assessResponse(
      {
        scores: patient.scores,
        firstInfusionDate: patient.firstInfusionDate,
        followUp,
        maxBaselineAgeDays: input.maxBaselineAgeDays,
        firstDoseAt: patient.firstDoseAt,
        outcome: {
          rule,
          // No outcome before the series is complete (a drop-out has none: intent to treat counts it).
          seriesEndDate: induction === 'completed' ? (patient.seriesEndDate ?? null) : null,
          window: patient.outcomeWindow ?? defaultWindow,
        },
      },
      criteria,
    );
    const observed = induction === 'completed' ? timeToBooster(patient, endDay) : null;
    return {
      patientId: patient.patientId,
      response,
      induction,
      timeToBooster: observed?.observation ?? null,
      timeToBoosterEvent: observed?.event ?? null,
    };
  });

  const minBaseline = criteria.minBaselineScore ?? null;
  const belowThreshold = (r: OutcomeReportRow): boolean =>
    minBaseline !== null && r.response.status !== 'no_baseline' && r.response.baseline.score < minBaseline;
  const low = rows.filter(belowThreshold);
  const withBaseline = rows.filter((r) => r.response.status !== 'no_baseline' && !belowThreshold(r));
  const assessed = withBaseline.flatMap((r) => (r.response.status === 'assessed' ? [r.response] : []));
  const responders = assessed.filter((r) => r.responder).length;
  const remitters = assessed.filter((r) => r.remitter).length;
  const n = assessed.length;
  const itt = withBaseline.length;
  return {
    instrumentId: criteria.instrumentId,
    endDate: input.endDate,
    followUp: { rule, defaultWindow },
    enrolled: rows.length,
    patients: withBaseline.length,
    noBaseline: rows.length - withBaseline.length - low.length,
    baselineBelowThreshold: low.length,
    minBaselineScore: minBaseline,
    withFollowUp: n,
    noFollowUp: withBaseline.length - n,
    responders,
    responseRate: n === 0 ? null : responders / n,
    responseCI95: wilsonInterval(responders, n),
    remitters,
    remissionRate: n === 0 ? null : remitters / n,
    remissionCI95: wilsonInterval(remitters, n),
    intentToTreat: {
      patients: itt,
      responders,
      responseRate: itt === 0 ? null : responders / itt,
      responseCI95: wilsonInterval(responders, itt),
      remitters,
      remissionRate: itt === 0 ? null : remitters / itt,
      remissionCI95: wilsonInterval(remitters, itt),
    },
    medianPercentChange: median(assessed.flatMap((r) => (r.percentChange === null ? [] : [r.percentChange]))),
    completedInduction: rows.filter((r) => r.induction === 'completed').length,
    inductionInProgress: rows.filter((r) => r.induction === 'in_progress').length,
    dropOuts: rows.filter((r) => r.induction === 'dropped_out').length,
    timeToBooster: kaplanMeier(rows.flatMap((r) => (r.timeToBooster ? [r.timeToBooster] : []))),
    timeToBoosterEventKinds: {
      booster: rows.filter((r) => r.timeToBoosterEvent === 'booster').length,
      relapse: rows.filter((r) => r.timeToBoosterEvent === 'relapse').length,
    },
    perPatient: rows,
  };
}

function inductionOutcome(patient: OutcomeReportPatient): InductionOutcome {
  const received = requireNumber(patient.inductionInfusions, 'inductionInfusions', { integer: true, min: 1 });
  const planned = requireNumber(patient.plannedInductionInfusions, 'plannedInductionInfusions', {
    integer: true,
    min: 1,
  });
  if (patient.inductionOngoing === true) {
    return 'in_progress';
  }
  return received >= planned ? 'completed' : 'dropped_out';
}

/**
 * Null when the series ended after the report's end date: the patient is not yet at risk. The event is
 * the earlier of the first booster and the first relapse on or after the series end, up to the end date.
 */
function timeToBooster(
  patient: OutcomeReportPatient,
  endDay: number,
): { observation: SurvivalObservation; event: 'booster' | 'relapse' | null } | null {
  if (!patient.seriesEndDate) {
    throw new DomainError(
      'invalid_input',
      `Patient ${patient.patientId} completed the series without a seriesEndDate`,
      {
        patientId: patient.patientId,
      },
    );
  }
  const seriesEnd = isoDateToDay(patient.seriesEndDate);
  if (seriesEnd > endDay) {
    return null;
  }
  const booster = patient.firstBoosterDate ? isoDateToDay(patient.firstBoosterDate) : null;
  if (booster !== null && booster < seriesEnd) {
    throw new DomainError(
      'invalid_input',
      `Patient ${patient.patientId} has a booster before the series ended`,
      {
        patientId: patient.patientId,
      },
    );
  }
  // A relapse during the series is a clinical fact, but not an event of this analysis.
  const relapse = patient.relapseDate ? isoDateToDay(patient.relapseDate) : null;
  // No arrays per patient here: this runs for every patient of a 100,000-patient report.
  const relapseDay = relapse !== null && relapse >= seriesEnd && relapse <= endDay ? relapse : null;
  const boosterDay = booster !== null && booster <= endDay ? booster : null;
  if (relapseDay !== null && (boosterDay === null || relapseDay <= boosterDay)) {
    // A relapse wins a tie with a booster on the same day.
    return { observation: { time: relapseDay - seriesEnd, event: true }, event: 'relapse' };
  }
  if (boosterDay !== null) {
    return { observation: { time: boosterDay - seriesEnd, event: true }, event: 'booster' };
  }
  const lastContact = patient.lastContactDate ? isoDateToDay(patient.lastContactDate) : endDay;
  if (lastContact < seriesEnd) {
    throw new DomainError(
      'invalid_input',
      `Patient ${patient.patientId} has a last contact before the series ended`,
      {
        patientId: patient.patientId,
      },
    );
  }
  return { observation: { time: Math.min(lastContact, endDay) - seriesEnd, event: false }, event: null };
}
