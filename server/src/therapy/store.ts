import type { Tx } from '../db/clinic-scope.ts';

export async function insertSession(
  tx: Tx,
  s: {
    clinicId: string;
    patientId: string;
    therapistId: string;
    kind: string;
    heldAt: Date;
    minutes: number | null;
    attendance: string;
    infusionId: string | null;
    summary: string | null;
    recordedBy: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('therapy_sessions')
    .values({
      clinic_id: s.clinicId,
      patient_id: s.patientId,
      therapist_id: s.therapistId,
      kind: s.kind,
      held_at: s.heldAt,
      minutes: s.minutes,
      attendance: s.attendance,
      infusion_id: s.infusionId,
      summary: s.summary,
      recorded_by: s.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Staff is not fenced by row security (sign-in reads it before a clinic is known), but a session row
// only ever names staff of its own clinic (the service checks), so these joins stay inside the clinic.
function sessions(tx: Tx) {
  return tx
    .selectFrom('therapy_sessions as t')
    .innerJoin('staff as th', 'th.id', 't.therapist_id')
    .innerJoin('staff as rb', 'rb.id', 't.recorded_by')
    .select([
      't.id',
      't.kind',
      't.held_at',
      't.minutes',
      't.attendance',
      't.infusion_id',
      't.summary',
      't.created_at',
      't.therapist_id',
      'th.name as therapist_name',
      't.recorded_by',
      'rb.name as recorded_by_name',
    ]);
}

/** Newest first, as the chart lists them. */
export function listForPatient(tx: Tx, patientId: string) {
  return sessions(tx)
    .where('t.patient_id', '=', patientId)
    .orderBy('t.held_at', 'desc')
    .orderBy('t.created_at', 'desc')
    .execute();
}
export type TherapySessionRow = Awaited<ReturnType<typeof listForPatient>>[number];

export function findSession(tx: Tx, id: string) {
  return sessions(tx).where('t.id', '=', id).executeTakeFirst();
}

/** A staff member of this clinic (the therapist named on a session), disabled or not. */
export function findClinicStaff(tx: Tx, clinicId: string, id: string) {
  return tx
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Just what linking a session to a dosing session needs (row security keeps it in the clinic). */
export function findDosingSession(tx: Tx, id: string) {
  return tx
    .selectFrom('infusions')
    .select(['id', 'patient_id', 'stage', 'scheduled_at', 'started_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
