import type { Tx } from '../db/clinic-scope.ts';

export async function insertRelapse(
  tx: Tx,
  r: {
    clinicId: string;
    patientId: string;
    notedOn: string;
    kind: string;
    note: string | null;
    recordedBy: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('relapses')
    .values({
      clinic_id: r.clinicId,
      patient_id: r.patientId,
      noted_on: r.notedOn,
      kind: r.kind,
      note: r.note,
      recorded_by: r.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Staff is not fenced by row security, but recorded_by is always the caller, staff of this clinic.
function relapses(tx: Tx) {
  return tx
    .selectFrom('relapses as r')
    .innerJoin('staff as rb', 'rb.id', 'r.recorded_by')
    .select([
      'r.id',
      'r.noted_on',
      'r.kind',
      'r.note',
      'r.created_at',
      'r.recorded_by',
      'rb.name as recorded_by_name',
    ]);
}

/** Newest first, as the chart lists them. */
export function listForPatient(tx: Tx, patientId: string) {
  return relapses(tx)
    .where('r.patient_id', '=', patientId)
    .orderBy('r.noted_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
}
export type RelapseRow = Awaited<ReturnType<typeof listForPatient>>[number];

export function findRelapse(tx: Tx, id: string) {
  return relapses(tx).where('r.id', '=', id).executeTakeFirst();
}
