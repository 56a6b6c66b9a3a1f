import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';

export async function nextMrn(tx: Tx): Promise<string> {
  // Two registrations at once would both read the same max: the clinic's MRN lock, held to commit,
  // makes the second wait for the first's row.
  await sql`select pg_advisory_xact_lock(hashtext('openkap.mrn:' || current_setting('openkap.clinic_id')))`.execute(
    tx,
  );
  const row = await tx
    .selectFrom('patients')
    .select(sql<number>`coalesce(max(substring(mrn from 2)::int), 1000)`.as('n'))
    .where('mrn', '~', '^K[0-9]+$')
    .executeTakeFirstOrThrow();
  return `K${Number(row.n) + 1}`;
}

export interface PatientRowInput {
  clinicId: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
  indicationCode: string;
  indicationText?: string | undefined;
  allergies: string[];
  conditions: Record<string, unknown>;
}

export async function insertPatient(tx: Tx, p: PatientRowInput): Promise<string> {
  const row = await tx
    .insertInto('patients')
    .values({
      clinic_id: p.clinicId,
      mrn: p.mrn,
      given_name: p.givenName,
      family_name: p.familyName,
      birth_date: p.birthDate,
      sex: p.sex,
      phone: p.phone ?? null,
      email: p.email ?? null,
      address: p.address ?? null,
      indication_code: p.indicationCode,
      indication_text: p.indicationText ?? null,
      allergies: JSON.stringify(p.allergies),
      conditions: JSON.stringify(p.conditions),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePatient(
  tx: Tx,
  id: string,
  changes: Partial<Omit<PatientRowInput, 'clinicId' | 'mrn'>>,
): Promise<void> {
  await tx
    .updateTable('patients')
    .set({
      ...(changes.givenName !== undefined && { given_name: changes.givenName }),
      ...(changes.familyName !== undefined && { family_name: changes.familyName }),
      ...(changes.birthDate !== undefined && { birth_date: changes.birthDate }),
      ...(changes.sex !== undefined && { sex: changes.sex }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.indicationCode !== undefined && { indication_code: changes.indicationCode }),
      ...(changes.indicationText !== undefined && { indication_text: changes.indicationText }),
      ...(changes.allergies !== undefined && { allergies: JSON.stringify(changes.allergies) }),
      ...(changes.conditions !== undefined && { conditions: JSON.stringify(changes.conditions) }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export function findPatient(tx: Tx, id: string) {
  return tx.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
}
export type PatientRow = NonNullable<Awaited<ReturnType<typeof findPatient>>>;

export function findPatientByMrn(tx: Tx, mrn: string) {
  return tx.selectFrom('patients').selectAll().where('mrn', '=', mrn).executeTakeFirst();
}

/** Group commit (device messages): many MRNs in one query, keyed by MRN. */
export async function findPatientIdsByMrn(tx: Tx, mrns: readonly string[]): Promise<Map<string, string>> {
  if (mrns.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('patients')
    .select(['id', 'mrn'])
    .where('mrn', 'in', [...new Set(mrns)])
    .execute();
  return new Map(rows.map((r) => [r.mrn, r.id]));
}

export function searchPatients(tx: Tx, q: string | undefined, limit = 100) {
  let query = tx
    .selectFrom('patients as p')
    .select([
      'p.id',
      'p.mrn',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
      'p.indication_code',
      (eb) =>
        eb
          .selectFrom('questionnaire_responses as q')
          .select('q.total')
          .whereRef('q.patient_id', '=', 'p.id')
          .where('q.instrument', '=', 'phq9')
          .where('q.complete', '=', true)
          .orderBy('q.authored_at', 'desc')
          .limit(1)
          .as('last_phq9'),
      (eb) =>
        eb
          .selectFrom('infusions as i')
          .select('i.scheduled_at')
          .whereRef('i.patient_id', '=', 'p.id')
          .where('i.stage', 'in', ['precheck', 'infusing', 'paused', 'recovery'])
          .orderBy('i.scheduled_at')
          .limit(1)
          .as('next_infusion_at'),
    ])
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .limit(limit);
  if (q) {
    const like = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(p.given_name || ' ' || p.family_name)`, 'like', like),
        eb(sql`lower(p.family_name || ', ' || p.given_name)`, 'like', like),
        eb(sql`lower(p.mrn)`, 'like', like),
      ]),
    );
  }
  return query.execute();
}

export async function insertWeight(
  tx: Tx,
  w: { clinicId: string; patientId: string; kg: number; measuredOn: string; recordedBy: string | null },
): Promise<void> {
  await tx
    .insertInto('patient_weights')
    .values({
      clinic_id: w.clinicId,
      patient_id: w.patientId,
      kg: w.kg,
      measured_on: w.measuredOn,
      recorded_by: w.recordedBy,
    })
    .execute();
}

export function listWeights(tx: Tx, patientId: string) {
  return tx
    .selectFrom('patient_weights')
    .select(['kg', 'measured_on', 'created_at'])
    .where('patient_id', '=', patientId)
    .orderBy('measured_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertHeight(
  tx: Tx,
  h: { clinicId: string; patientId: string; cm: number; measuredOn: string; recordedBy: string | null },
): Promise<void> {
  await tx
    .insertInto('patient_heights')
    .values({
      clinic_id: h.clinicId,
      patient_id: h.patientId,
      cm: h.cm,
      measured_on: h.measuredOn,
      recorded_by: h.recordedBy,
    })
    .execute();
}

/** Newest first, like weights. */
export function listHeights(tx: Tx, patientId: string) {
  return tx
    .selectFrom('patient_heights')
    .select(['cm', 'measured_on', 'created_at'])
    .where('patient_id', '=', patientId)
    .orderBy('measured_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertMedication(
  tx: Tx,
  m: {
    clinicId: string;
    patientId: string;
    name: string;
    rxnormCode?: string | undefined;
    doseMg?: number | undefined;
    doseText?: string | undefined;
    frequency?: string | undefined;
    timesPerDay?: number | undefined;
    startedOn: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('patient_medications')
    .values({
      clinic_id: m.clinicId,
      patient_id: m.patientId,
      name: m.name,
      rxnorm_code: m.rxnormCode ?? null,
      dose_mg: m.doseMg ?? null,
      dose_text: m.doseText ?? null,
      frequency: m.frequency ?? null,
      times_per_day: m.timesPerDay ?? null,
      started_on: m.startedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function stopMedication(
  tx: Tx,
  patientId: string,
  medicationId: string,
  on: string,
): Promise<boolean> {
  const res = await tx
    .updateTable('patient_medications')
    .set({ stopped_on: on })
    .where('id', '=', medicationId)
    .where('patient_id', '=', patientId)
    .where('stopped_on', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listMedications(tx: Tx, patientId: string) {
  return tx
    .selectFrom('patient_medications')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .execute();
}

export async function insertFlagAcknowledgement(
  tx: Tx,
  a: { clinicId: string; patientId: string; flagCode: string; staffId: string; note?: string | undefined },
): Promise<void> {
  await tx
    .insertInto('flag_acknowledgements')
    .values({
      clinic_id: a.clinicId,
      patient_id: a.patientId,
      flag_code: a.flagCode,
      acknowledged_by: a.staffId,
      note: a.note ?? null,
    })
    .execute();
}

export function listFlagAcknowledgements(tx: Tx, patientId: string) {
  return tx
    .selectFrom('flag_acknowledgements as a')
    .innerJoin('staff as s', 's.id', 'a.acknowledged_by')
    .select(['a.flag_code', 'a.at', 'a.note', 's.name as by'])
    .where('a.patient_id', '=', patientId)
    .orderBy('a.at', 'desc')
    .execute();
}
