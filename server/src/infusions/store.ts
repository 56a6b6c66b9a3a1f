import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { VitalSignsTable } from '../db/types.ts';

export function listForPatient(tx: Tx, patientId: string) {
  return tx
    .selectFrom('infusions')
    .select(['id', 'stage', 'scheduled_at', 'started_at', 'ended_at', 'total_dose_mg', 'plan_id'])
    .where('patient_id', '=', patientId)
    .orderBy('scheduled_at')
    .orderBy('created_at')
    .execute();
}
export type InfusionListRow = Awaited<ReturnType<typeof listForPatient>>[number];

export function findInfusion(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = tx.selectFrom('infusions').selectAll().where('id', '=', id);
  // Serialises concurrent changes to one session (two nurses, a monitor feed).
  if (opts.forUpdate) {
    q = q.forUpdate();
  }
  return q.executeTakeFirst();
}
export type InfusionRow = NonNullable<Awaited<ReturnType<typeof findInfusion>>>;

/**
 * Group commit (device messages): each patient's current session among the active stages (the latest
 * scheduled, as currentInfusionFor), locked like findInfusion's forUpdate, in id order so two batches
 * locking overlapping sessions cannot deadlock. Only what the batch needs: not the whole protocol
 * snapshot of a thousand sessions, just its alert rules.
 */
export async function lockCurrentInfusions(
  tx: Tx,
  patientIds: readonly string[],
  activeStages: readonly string[],
): Promise<Map<string, SessionRef>> {
  if (patientIds.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('infusions')
    .select([
      'id',
      'patient_id',
      'scheduled_at',
      'created_at',
      sql<unknown>`protocol -> 'alerts'`.as('alerts'),
    ])
    .where('patient_id', 'in', [...new Set(patientIds)])
    .where('stage', 'in', [...activeStages])
    .orderBy('id')
    .forUpdate()
    .execute();
  rows.sort(
    (a, b) =>
      new Date(a.scheduled_at).getTime() - new Date(b.scheduled_at).getTime() ||
      new Date(a.created_at).getTime() - new Date(b.created_at).getTime(),
  );
  return new Map(rows.map((r) => [r.patient_id, { id: r.id, alerts: r.alerts }]));
}

/** A session as the monitor feed sees it: its id and its protocol's alert rules (null: the defaults). */
export interface SessionRef {
  id: string;
  alerts: unknown;
}

export async function insertInfusion(
  tx: Tx,
  row: {
    clinicId: string;
    patientId: string;
    planId: string | null;
    chairId: string | null;
    scheduledAt: Date;
    protocol: Record<string, unknown>;
    createdBy: string;
  },
): Promise<string> {
  const r = await tx
    .insertInto('infusions')
    .values({
      clinic_id: row.clinicId,
      patient_id: row.patientId,
      plan_id: row.planId,
      chair_id: row.chairId,
      scheduled_at: row.scheduledAt,
      protocol: JSON.stringify(row.protocol),
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateInfusion(
  tx: Tx,
  id: string,
  changes: {
    stage?: string;
    stageSince?: Date;
    prechecks?: Record<string, unknown>;
    doseOrder?: Record<string, unknown> | null;
    startedAt?: Date;
    endedAt?: Date;
    totalDoseMg?: number;
    discharge?: Record<string, unknown>;
  },
): Promise<void> {
  await tx
    .updateTable('infusions')
    .set({
      ...(changes.stage !== undefined && {
        stage: changes.stage,
        stage_since: changes.stageSince ?? new Date(),
      }),
      ...(changes.prechecks !== undefined && { prechecks: JSON.stringify(changes.prechecks) }),
      ...(changes.doseOrder !== undefined && {
        dose_order: changes.doseOrder ? JSON.stringify(changes.doseOrder) : null,
      }),
      ...(changes.startedAt !== undefined && { started_at: changes.startedAt }),
      ...(changes.endedAt !== undefined && { ended_at: changes.endedAt }),
      ...(changes.totalDoseMg !== undefined && { total_dose_mg: changes.totalDoseMg }),
      ...(changes.discharge !== undefined && { discharge: JSON.stringify(changes.discharge) }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertPumpEvent(
  tx: Tx,
  e: {
    clinicId: string;
    infusionId: string;
    kind: string;
    at: Date;
    rateMlPerH: number | null;
    note?: string | undefined;
    by: string;
  },
): Promise<void> {
  await tx
    .insertInto('pump_events')
    .values({
      clinic_id: e.clinicId,
      infusion_id: e.infusionId,
      kind: e.kind,
      at: e.at,
      rate_ml_per_h: e.rateMlPerH,
      note: e.note ?? null,
      recorded_by: e.by,
    })
    .execute();
}

export function listPumpEvents(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('pump_events')
    .select(['kind', 'at', 'rate_ml_per_h', 'note'])
    .where('infusion_id', '=', infusionId)
    .orderBy('at')
    .execute();
}

export type VitalRowInput = Pick<VitalSignsTable, 'kind' | 'value' | 'diastolic' | 'source'> & {
  clinicId: string;
  patientId: string;
  infusionId: string | null;
  effectiveAt: Date;
  device: string | null;
  recordedBy: string | null;
};

/** Returns the ids of the rows written: a device re-sending a reading it already sent writes nothing. */
export async function insertVitals(tx: Tx, rows: VitalRowInput[]): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await tx
    .insertInto('vital_signs')
    .values(
      rows.map((r) => ({
        clinic_id: r.clinicId,
        patient_id: r.patientId,
        infusion_id: r.infusionId,
        kind: r.kind,
        value: r.value,
        diastolic: r.diastolic,
        effective_at: r.effectiveAt,
        source: r.source,
        device: r.device,
        recorded_by: r.recordedBy,
      })),
    )
    // Device readings: the partial unique index vital_signs_device_reading (migration 2026-11-25T1500_devices).
    .$if(
      rows.every((r) => r.source === 'device' && r.device != null),
      (q) =>
        q.onConflict((oc) =>
          oc
            .columns(['clinic_id', 'patient_id', 'device', 'kind', 'effective_at'])
            .where('device', 'is not', null)
            .where('source', '=', 'device')
            .doNothing(),
        ),
    )
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/**
 * Group commit of device readings: one INSERT … SELECT FROM unnest(arrays), one array per column, so
 * a batch of any size is 8 bind parameters (a multi-row VALUES list costs more to build, send and
 * plan, and PGlite fails above 32,767 parameters). Re-sent readings are skipped by the unique index.
 * Answers the key of each row stored.
 */
export async function insertDeviceVitals(
  tx: Tx,
  clinicId: string,
  rows: readonly VitalRowInput[],
): Promise<{ patient_id: string; device: string | null; kind: string; effective_at: Date }[]> {
  if (rows.length === 0) {
    return [];
  }
  const column = <T>(f: (r: VitalRowInput) => T): T[] => rows.map(f);
  const result = await sql<{ patient_id: string; device: string | null; kind: string; effective_at: Date }>`
    insert into vital_signs (clinic_id, patient_id, infusion_id, kind, value, diastolic, effective_at, source, device)
    select ${clinicId}::uuid, r.patient_id, r.infusion_id, r.kind, r.value, r.diastolic, r.effective_at, 'device', r.device
    from unnest(
      ${column((r) => r.patientId)}::uuid[], ${column((r) => r.infusionId)}::uuid[], ${column((r) => r.kind)}::text[],
      ${column((r) => r.value)}::numeric[], ${column((r) => r.diastolic)}::numeric[],
      ${column((r) => r.effectiveAt.toISOString())}::timestamptz[], ${column((r) => r.device)}::text[]
    ) as r(patient_id, infusion_id, kind, value, diastolic, effective_at, device)
    -- the partial unique index vital_signs_device_reading (migration 2026-11-25T1500_devices)
    on conflict (clinic_id, patient_id, device, kind, effective_at) where device is not null and source = 'device'
    do nothing
    returning patient_id, device, kind, effective_at`.execute(tx);
  return result.rows.map((r) => ({ ...r, effective_at: new Date(r.effective_at) }));
}

/** Of these sessions, those with an alert not yet cleared. */
export async function infusionsWithOpenAlerts(tx: Tx, infusionIds: readonly string[]): Promise<Set<string>> {
  if (infusionIds.length === 0) {
    return new Set();
  }
  const rows = await tx
    .selectFrom('vital_alerts')
    .select('infusion_id')
    .distinct()
    .where('infusion_id', 'in', [...new Set(infusionIds)])
    .where('cleared_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.infusion_id));
}

export function listVitals(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('vital_signs')
    .select(['kind', 'value', 'diastolic', 'effective_at'])
    .where('infusion_id', '=', infusionId)
    .orderBy('effective_at')
    .execute();
}

/** The session's readings from `since` on: alert rules only need the recent run of readings. */
export function listVitalsSince(tx: Tx, infusionId: string, since: Date) {
  return tx
    .selectFrom('vital_signs')
    .select(['kind', 'value', 'diastolic', 'effective_at'])
    .where('infusion_id', '=', infusionId)
    .where('effective_at', '>=', since)
    .orderBy('effective_at')
    .execute();
}

export function listAlerts(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('vital_alerts as a')
    .leftJoin('staff as s', 's.id', 'a.acknowledged_by')
    .select([
      'a.id',
      'a.code',
      'a.vital',
      'a.message',
      'a.value',
      'a.limit_value',
      'a.since',
      'a.cleared_at',
      'a.acknowledged_at',
      's.name as acknowledged_by',
      'a.note',
    ])
    .where('a.infusion_id', '=', infusionId)
    .orderBy('a.since')
    .execute();
}

/** Monitor alarms (PCD-04) charted to this infusion, oldest first. */
export function listDeviceAlarms(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('device_alarms as d')
    .leftJoin('staff as s', 's.id', 'd.acknowledged_by')
    .select([
      'd.id',
      'd.text',
      'd.priority',
      'd.alert_type',
      'd.source',
      'd.phase',
      'd.first_at',
      'd.last_at',
      'd.ended_at',
      'd.acknowledged_at',
      's.name as acknowledged_by',
      'd.note',
    ])
    .where('d.infusion_id', '=', infusionId)
    .orderBy('d.first_at')
    .orderBy('d.id')
    .execute();
}

export async function acknowledgeDeviceAlarm(
  tx: Tx,
  infusionId: string,
  alarmId: string,
  by: string,
  note: string,
  at: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('device_alarms')
    .set({ acknowledged_at: at, acknowledged_by: by, note })
    .where('id', '=', alarmId)
    .where('infusion_id', '=', infusionId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function openAlert(
  tx: Tx,
  a: {
    clinicId: string;
    infusionId: string;
    code: string;
    vital: string;
    message: string;
    value: number;
    limit: number;
    since: Date;
  },
): Promise<void> {
  await tx
    .insertInto('vital_alerts')
    .values({
      clinic_id: a.clinicId,
      infusion_id: a.infusionId,
      code: a.code,
      vital: a.vital,
      message: a.message,
      value: a.value,
      limit_value: a.limit,
      since: a.since,
    })
    .execute();
}

export async function refreshAlert(tx: Tx, id: string, value: number, message: string): Promise<void> {
  await tx.updateTable('vital_alerts').set({ value, message }).where('id', '=', id).execute();
}

export async function clearAlert(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable('vital_alerts').set({ cleared_at: at }).where('id', '=', id).execute();
}

export async function acknowledgeAlert(
  tx: Tx,
  infusionId: string,
  alertId: string,
  by: string,
  note: string,
  at: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('vital_alerts')
    .set({ acknowledged_at: at, acknowledged_by: by, note })
    .where('id', '=', alertId)
    .where('infusion_id', '=', infusionId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertSideEffect(
  tx: Tx,
  s: {
    clinicId: string;
    infusionId: string;
    code: string;
    severity: string;
    at: Date;
    note?: string | undefined;
    by: string;
  },
): Promise<void> {
  await tx
    .insertInto('side_effects')
    .values({
      clinic_id: s.clinicId,
      infusion_id: s.infusionId,
      code: s.code,
      severity: s.severity,
      at: s.at,
      note: s.note ?? null,
      recorded_by: s.by,
    })
    .execute();
}

export function listSideEffects(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('side_effects')
    .select(['id', 'code', 'severity', 'at', 'note'])
    .where('infusion_id', '=', infusionId)
    .orderBy('at')
    .execute();
}

export async function insertIntervention(
  tx: Tx,
  s: {
    clinicId: string;
    infusionId: string;
    code: string;
    doseText?: string | undefined;
    at: Date;
    note?: string | undefined;
    by: string;
  },
): Promise<void> {
  await tx
    .insertInto('interventions')
    .values({
      clinic_id: s.clinicId,
      infusion_id: s.infusionId,
      code: s.code,
      dose_text: s.doseText ?? null,
      at: s.at,
      note: s.note ?? null,
      recorded_by: s.by,
    })
    .execute();
}

export function listInterventions(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('interventions')
    .select(['id', 'code', 'dose_text', 'at', 'note'])
    .where('infusion_id', '=', infusionId)
    .orderBy('at')
    .execute();
}

export function listChairs(tx: Tx) {
  return tx.selectFrom('chairs').select(['id', 'name']).orderBy('position').orderBy('name').execute();
}

/** The session now occupying each chair (not yet discharged or cancelled). */
export function listActiveSessions(tx: Tx) {
  return tx
    .selectFrom('infusions as i')
    .innerJoin('patients as p', 'p.id', 'i.patient_id')
    .select([
      'i.id',
      'i.chair_id',
      'i.stage',
      'i.stage_since',
      'i.scheduled_at',
      'p.given_name',
      'p.family_name',
      'p.id as patient_id',
    ])
    .where('i.stage', 'in', ['precheck', 'infusing', 'paused', 'recovery'])
    .orderBy('i.scheduled_at')
    .execute();
}

export function latestVitalsFor(tx: Tx, infusionIds: string[]) {
  if (infusionIds.length === 0) {
    return Promise.resolve([]);
  }
  return tx
    .selectFrom('vital_signs')
    .select(['infusion_id', 'kind', 'value', 'diastolic', 'effective_at'])
    .where('infusion_id', 'in', infusionIds)
    .orderBy('effective_at')
    .execute();
}

export function openAlertsFor(tx: Tx, infusionIds: string[]) {
  if (infusionIds.length === 0) {
    return Promise.resolve([]);
  }
  return tx
    .selectFrom('vital_alerts')
    .select(['infusion_id', 'message', 'acknowledged_at'])
    .where('infusion_id', 'in', infusionIds)
    .where('cleared_at', 'is', null)
    .execute();
}
