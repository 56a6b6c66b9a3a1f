import type { Kysely } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { DB } from '../db/types.ts';

export function listResponses(tx: Tx, patientId: string) {
  return tx
    .selectFrom('questionnaire_responses')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('authored_at')
    .execute();
}
export type ResponseRow = Awaited<ReturnType<typeof listResponses>>[number];

export function findResponse(tx: Tx, id: string) {
  return tx.selectFrom('questionnaire_responses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResponse(
  tx: Tx,
  r: {
    clinicId: string;
    patientId: string;
    instrument: string;
    answers: Record<string, number | null>;
    declinedItems: readonly string[];
    total: number | null;
    band: string | null;
    complete: boolean;
    imputed: boolean;
    safetyAlert: boolean;
    authoredAt: Date;
    source: 'patient' | 'staff' | 'fhir';
    enteredBy: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('questionnaire_responses')
    .values({
      clinic_id: r.clinicId,
      patient_id: r.patientId,
      instrument: r.instrument,
      answers: JSON.stringify(r.answers),
      declined_items: JSON.stringify(r.declinedItems),
      total: r.total,
      band: r.band,
      complete: r.complete,
      imputed: r.imputed,
      safety_alert: r.safetyAlert,
      authored_at: r.authoredAt,
      source: r.source,
      entered_by: r.enteredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function openSafetyAlert(
  tx: Tx,
  a: { clinicId: string; patientId: string; kind: string; responseId: string; message: string; at: Date },
): Promise<void> {
  await tx
    .insertInto('safety_alerts')
    .values({
      clinic_id: a.clinicId,
      patient_id: a.patientId,
      kind: a.kind,
      response_id: a.responseId,
      message: a.message,
      opened_at: a.at,
    })
    .execute();
}

export function listSafetyAlerts(tx: Tx, patientId: string) {
  return tx
    .selectFrom('safety_alerts')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('opened_at', 'desc')
    .execute();
}

export function listOpenSafetyAlerts(tx: Tx) {
  return tx
    .selectFrom('safety_alerts as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select([
      'a.id',
      'a.patient_id',
      'p.given_name',
      'p.family_name',
      'p.mrn',
      'a.kind',
      'a.message',
      'a.opened_at',
    ])
    .where('a.acknowledged_at', 'is', null)
    .orderBy('a.opened_at')
    .execute();
}

export async function acknowledgeSafetyAlert(
  tx: Tx,
  id: string,
  by: string,
  note: string,
  at: Date,
): Promise<string | undefined> {
  const row = await tx
    .updateTable('safety_alerts')
    .set({ acknowledged_at: at, acknowledged_by: by, note })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .returning('patient_id')
    .executeTakeFirst();
  return row?.patient_id;
}

// One-time links are looked up by their token before any clinic is known.
export async function insertLink(
  db: Kysely<DB>,
  l: {
    tokenHash: string;
    clinicId: string;
    patientId: string;
    instruments: string[];
    expiresAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await db
    .insertInto('questionnaire_links')
    .values({
      token_hash: l.tokenHash,
      clinic_id: l.clinicId,
      patient_id: l.patientId,
      instruments: JSON.stringify(l.instruments),
      expires_at: l.expiresAt,
      created_by: l.createdBy,
    })
    .execute();
}

export function findLink(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('questionnaire_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the link used; false when another submission got there first. */
export async function useLink(tx: Tx, tokenHash: string, at: Date): Promise<boolean> {
  const r = await tx
    .updateTable('questionnaire_links')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
