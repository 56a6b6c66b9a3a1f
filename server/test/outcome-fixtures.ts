import type { Protocol } from '@openkap/domain/plans/protocol';
import { ivDepression } from '@openkap/domain/plans/protocols';
import type { TestClinic } from './harness.ts';

/** Rows for outcome tests, written straight to the database: dated history the API cannot backdate. */
/** A day at 15:00Z (when every fixture session starts), or an ISO instant given in full. */
export const at = (day: string): Date => new Date(day.includes('T') ? day : `${day}T15:00:00Z`);

export async function insertPatientWithPlan(
  t: TestClinic,
  mrn: string,
  startedOn: string,
  protocol: Protocol = ivDepression,
) {
  const db = t.database.db;
  const { id } = await db
    .insertInto('patients')
    .values({
      clinic_id: t.clinicId,
      mrn,
      given_name: 'Outcome',
      family_name: mrn,
      birth_date: '1980-01-01',
      sex: 'female',
      indication_code: 'F33.2',
      allergies: '[]',
      conditions: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('treatment_plans')
    .values({
      clinic_id: t.clinicId,
      patient_id: id,
      protocol_id: protocol.id,
      protocol: JSON.stringify(protocol),
      started_on: startedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { patientId: id, planId: plan.id };
}

/** A completed (discharged) session on each day. */
export async function insertSessions(
  t: TestClinic,
  patientId: string,
  planId: string | null,
  days: string[],
) {
  for (const day of days) {
    await t.database.db
      .insertInto('infusions')
      .values({
        clinic_id: t.clinicId,
        patient_id: patientId,
        plan_id: planId,
        chair_id: null,
        stage: 'discharged',
        stage_since: at(day),
        scheduled_at: at(day),
        started_at: at(day),
        ended_at: at(day),
        protocol: JSON.stringify(ivDepression),
      })
      .execute();
  }
}

/**
 * A complete PHQ-9 total on a day (at 15:00Z, the instant fixture sessions start: on a session's day,
 * after its dose), or at an instant given in full (e.g. 14:00Z, before the dose).
 */
export async function insertPhq9(t: TestClinic, patientId: string, day: string, total: number) {
  await t.database.db
    .insertInto('questionnaire_responses')
    .values({
      clinic_id: t.clinicId,
      patient_id: patientId,
      instrument: 'phq9',
      answers: '{}',
      total,
      band: 'x',
      complete: true,
      imputed: false,
      safety_alert: false,
      authored_at: at(day),
      source: 'staff',
    })
    .execute();
}
