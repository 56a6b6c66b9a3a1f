import type { Kysely } from 'kysely';
import {
  PatientInput,
  PatientUpdate,
  type HeightInput,
  type MedicationInput,
  type PatientConditions,
  type WeightInput,
} from '@openkap/domain/patients/schema';
import { futureEventDates } from '@openkap/domain/screening/history';
import { clinicDay } from '../clinic-day.ts';
import type { DB } from '../db/types.ts';
import { clinicTimeZone, inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import * as store from './store.ts';
import { loadChart, type PatientChart } from './chart.ts';
import { screenPatientRow } from './screening.ts';

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export async function requirePatient(tx: Tx, id: string): Promise<store.PatientRow> {
  const row = await store.findPatient(tx, id);
  if (!row) {
    throw notFound('patient');
  }
  return row;
}

/** A stroke or infarction dated after the clinic's today is a typing error: refuse it before writing. */
async function refuseFutureEvents(
  tx: Tx,
  conditions: PatientConditions | undefined,
  now: Date,
): Promise<void> {
  if (!conditions) {
    return;
  }
  const today = clinicDay(now, await clinicTimeZone(tx));
  const future = futureEventDates(conditions, today);
  if (future.length > 0) {
    const message = `cannot be after today (${today})`;
    throw badRequest(
      `medical history dated in the future: ${future.join(', ')} ${message}`,
      future.map((key) => ({ path: `conditions.${key}`, message })),
    );
  }
}

export async function createPatient(
  db: Kysely<DB>,
  caller: Caller,
  input: PatientInput,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.write');
  const p = PatientInput.parse(input);
  return inClinic(db, caller.clinicId, async (tx) => {
    await refuseFutureEvents(tx, p.conditions, now);
    const id = await store.insertPatient(tx, {
      clinicId: caller.clinicId,
      mrn: await store.nextMrn(tx),
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate,
      sex: p.sex,
      phone: p.phone,
      email: p.email,
      address: p.address,
      indicationCode: p.indicationCode,
      indicationText: p.indicationText,
      allergies: p.allergies,
      conditions: p.conditions,
    });
    if (p.weightKg != null) {
      await store.insertWeight(tx, {
        clinicId: caller.clinicId,
        patientId: id,
        kg: p.weightKg,
        measuredOn: isoDay(now),
        recordedBy: caller.staffId,
      });
    }
    await audit(tx, caller, { action: 'create', entity: 'patient', entityId: id, patientId: id });
    return loadChart(tx, caller, id, now);
  });
}

export async function updatePatient(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  input: PatientUpdate,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.write');
  const changes = PatientUpdate.parse(input);
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, id);
    await refuseFutureEvents(tx, changes.conditions, now);
    await store.updatePatient(tx, id, changes);
    await audit(tx, caller, {
      action: 'update',
      entity: 'patient',
      entityId: id,
      patientId: id,
      detail: { fields: Object.keys(changes) },
    });
    return loadChart(tx, caller, id, now);
  });
}

export async function getPatient(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    const chart = await loadChart(tx, caller, id, now);
    await audit(tx, caller, { action: 'read', entity: 'patient', entityId: id, patientId: id });
    return chart;
  });
}

export async function searchPatients(db: Kysely<DB>, caller: Caller, q: string | undefined) {
  requirePermission(caller, 'patients.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.searchPatients(tx, q);
    await audit(tx, caller, {
      action: 'search',
      entity: 'patient',
      detail: { q: q ?? '', results: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      mrn: r.mrn,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: r.birth_date,
      indicationCode: r.indication_code,
      lastPhq9: r.last_phq9 == null ? null : Number(r.last_phq9),
      nextInfusionAt: r.next_infusion_at ? new Date(r.next_infusion_at).toISOString() : null,
    }));
  });
}

export async function addWeight(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  w: WeightInput,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.write');
  if (w.measuredOn > isoDay(now)) {
    throw new AppError(400, 'invalid_request', 'a weight cannot be measured in the future');
  }
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, id);
    await store.insertWeight(tx, {
      clinicId: caller.clinicId,
      patientId: id,
      kg: w.kg,
      measuredOn: w.measuredOn,
      recordedBy: caller.staffId,
    });
    await audit(tx, caller, { action: 'create', entity: 'weight', patientId: id, detail: { kg: w.kg } });
    return loadChart(tx, caller, id, now);
  });
}

export async function addHeight(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  h: HeightInput,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.write');
  if (h.measuredOn > isoDay(now)) {
    throw new AppError(400, 'invalid_request', 'a height cannot be measured in the future');
  }
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, id);
    await store.insertHeight(tx, {
      clinicId: caller.clinicId,
      patientId: id,
      cm: h.cm,
      measuredOn: h.measuredOn,
      recordedBy: caller.staffId,
    });
    await audit(tx, caller, { action: 'create', entity: 'height', patientId: id, detail: { cm: h.cm } });
    return loadChart(tx, caller, id, now);
  });
}

export async function addMedication(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  m: MedicationInput,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.clinical_write');
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, id);
    const medId = await store.insertMedication(tx, {
      clinicId: caller.clinicId,
      patientId: id,
      ...m,
      startedOn: isoDay(now),
    });
    await audit(tx, caller, {
      action: 'create',
      entity: 'medication',
      entityId: medId,
      patientId: id,
      detail: { name: m.name },
    });
    return loadChart(tx, caller, id, now);
  });
}

export async function stopMedication(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  medicationId: string,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'patients.clinical_write');
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, id);
    if (!(await store.stopMedication(tx, id, medicationId, isoDay(now)))) {
      throw notFound('active medication');
    }
    await audit(tx, caller, {
      action: 'update',
      entity: 'medication',
      entityId: medicationId,
      patientId: id,
      detail: { stopped: true },
    });
    return loadChart(tx, caller, id, now);
  });
}

export async function acknowledgeFlag(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  code: string,
  note: string | undefined,
  now: Date,
): Promise<PatientChart> {
  requirePermission(caller, 'flags.acknowledge');
  return inClinic(db, caller.clinicId, async (tx) => {
    const row = await requirePatient(tx, id);
    const flag = (await screenPatientRow(tx, row, now)).find((f) => f.code === code);
    if (!flag) {
      throw notFound(`screening flag ${code} on this patient`);
    }
    if (flag.severity === 'contraindication' && !note?.trim()) {
      // Going ahead despite a label contraindication is a clinical judgement: the chart must say why.
      throw badRequest('acknowledging a contraindication needs a note: say why treatment may go ahead', [
        { path: 'note', message: 'required for a contraindication' },
      ]);
    }
    await store.insertFlagAcknowledgement(tx, {
      clinicId: caller.clinicId,
      patientId: id,
      flagCode: code,
      staffId: caller.staffId,
      note,
    });
    await audit(tx, caller, {
      action: 'acknowledge',
      entity: 'screening_flag',
      entityId: code,
      patientId: id,
    });
    return loadChart(tx, caller, id, now);
  });
}
