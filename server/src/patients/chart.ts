import { PatientConditions } from '@openkap/domain/patients/schema';
import { bodyMassIndex } from '@openkap/domain/dosing/dosing-weight';
import type { Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { notFound } from '../http/errors.ts';
import * as store from './store.ts';
import { flagsWithAcknowledgements, type FlagView } from './screening.ts';
import { planView, type PlanView } from '../protocols/plan-view.ts';
import * as infusionStore from '../infusions/store.ts';
import * as questionnaireStore from '../questionnaires/store.ts';
import { questionnaireView, type QuestionnaireView } from '../questionnaires/view.ts';
import { chartSessions } from '../therapy/read.ts';
import type { TherapySessionView } from '../therapy/view.ts';
import type { RelapseView } from '@openkap/domain/outcomes/relapse';
import { readRelapses } from '../relapses/read.ts';
import { safetyAlertKind, type SafetyAlertType } from '@openkap/domain/instruments/safety';

export function ageYears(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) {
    age -= 1;
  }
  return age;
}

export interface PatientChart {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  ageYears: number;
  sex: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  indicationCode: string;
  indicationText: string | null;
  allergies: string[];
  conditions: PatientConditions;
  weights: { kg: number; measuredOn: string }[];
  /** Newest first. */
  heights: { cm: number; measuredOn: string }[];
  /** From the latest weight and latest height, kg/m² to 0.1; null without both. */
  bmi: number | null;
  medications: {
    id: string;
    name: string;
    rxnormCode: string | null;
    doseMg: number | null;
    doseText: string | null;
    frequency: string | null;
    timesPerDay: number | null;
    startedOn: string | null;
    stoppedOn: string | null;
  }[];
  flags: FlagView[];
  plan: PlanView | null;
  infusions: {
    id: string;
    stage: string;
    scheduledAt: string;
    startedAt: string | null;
    endedAt: string | null;
    totalDoseMg: number | null;
    number: number;
  }[];
  questionnaires: QuestionnaireView[];
  safetyAlerts: {
    id: string;
    kind: string;
    /** An alert (positive answer) or a task (the item was not answered: ask it). */
    type: SafetyAlertType;
    message: string;
    openedAt: string;
    acknowledgedAt: string | null;
  }[];
  /** Psychotherapy sessions, newest first; null when the caller's role may not read therapy summaries. */
  therapySessions: TherapySessionView[] | null;
  /** Relapses a clinician recorded, newest noted first. */
  relapses: RelapseView[];
}

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

/** Everything the chart shows, read in the caller's clinic transaction. */
export async function loadChart(tx: Tx, caller: Caller, id: string, now: Date): Promise<PatientChart> {
  const row = await store.findPatient(tx, id);
  if (!row) {
    throw notFound('patient');
  }
  const [weights, heights, meds, flags, infusions, responses, alerts, therapySessions, relapses] =
    await Promise.all([
      store.listWeights(tx, id),
      store.listHeights(tx, id),
      store.listMedications(tx, id),
      flagsWithAcknowledgements(tx, row, now),
      infusionStore.listForPatient(tx, id),
      questionnaireStore.listResponses(tx, id),
      questionnaireStore.listSafetyAlerts(tx, id),
      chartSessions(tx, caller, id),
      readRelapses(tx, id),
    ]);
  const plan = await planView(tx, id, infusions, responses, now);
  let n = 0;
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    ageYears: ageYears(row.birth_date, now),
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    address: row.address,
    indicationCode: row.indication_code,
    indicationText: row.indication_text,
    allergies: row.allergies,
    conditions: PatientConditions.parse(row.conditions),
    weights: weights.map((w) => ({ kg: Number(w.kg), measuredOn: w.measured_on })),
    heights: heights.map((h) => ({ cm: Number(h.cm), measuredOn: h.measured_on })),
    bmi: weights[0] && heights[0] ? bodyMassIndex(Number(weights[0].kg), Number(heights[0].cm)) : null,
    medications: meds.map((m) => ({
      id: m.id,
      name: m.name,
      rxnormCode: m.rxnorm_code,
      doseMg: m.dose_mg == null ? null : Number(m.dose_mg),
      doseText: m.dose_text,
      frequency: m.frequency,
      timesPerDay: m.times_per_day == null ? null : Number(m.times_per_day),
      startedOn: m.started_on,
      stoppedOn: m.stopped_on,
    })),
    flags,
    plan,
    infusions: infusions.map((i) => ({
      id: i.id,
      stage: i.stage,
      scheduledAt: new Date(i.scheduled_at).toISOString(),
      startedAt: iso(i.started_at),
      endedAt: iso(i.ended_at),
      totalDoseMg: i.total_dose_mg == null ? null : Number(i.total_dose_mg),
      number: i.stage === 'cancelled' ? 0 : ++n,
    })),
    questionnaires: responses.map(questionnaireView),
    safetyAlerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      type: safetyAlertKind(a.kind).type,
      message: a.message,
      openedAt: new Date(a.opened_at).toISOString(),
      acknowledgedAt: iso(a.acknowledged_at),
    })),
    therapySessions,
    relapses,
  };
}
