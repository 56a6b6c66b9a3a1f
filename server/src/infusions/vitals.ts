import type { Kysely } from 'kysely';
import { evaluateVitalAlerts } from '@openkap/domain/monitoring/alerts';
import { validateBloodPressure, validateVitalReading } from '@openkap/domain/monitoring/vitals';
import type { VitalsInput } from '@openkap/domain/infusions/schema';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import * as store from './store.ts';
import { loadInfusion, vitalsTable, type InfusionView } from './view.ts';
import { alertRulesOf, protocolOf } from './protocol.ts';
import { assertOpen, type InfusionDeps } from './service.ts';

/**
 * How far back alert rules look: far longer than any sustain time, so each reading costs the same
 * however long the session (a 4-hour pain infusion at monitor rates). An alert already open keeps its
 * stored start time.
 */
const ALERT_LOOKBACK_MS = 2 * 3600_000;

export type VitalSource = 'manual' | 'fhir' | 'device';

export interface VitalSet {
  takenAt: Date;
  hr?: number | undefined;
  sbp?: number | undefined;
  dbp?: number | undefined;
  spo2?: number | undefined;
  rr?: number | undefined;
  tempC?: number | undefined;
}

/** Rejects readings no living patient can show (negative HR, SpO2 above 100 %) before anything is written. */
export function checkVitalSet(v: VitalSet, now: Date): void {
  if (v.takenAt.getTime() > now.getTime() + 5 * 60_000) {
    throw badRequest('vital signs cannot be taken in the future');
  }
  if (v.hr != null) {
    validateVitalReading('hr', v.hr);
  }
  if (v.sbp != null || v.dbp != null) {
    validateBloodPressure(v.sbp, v.dbp);
  }
  if (v.spo2 != null) {
    validateVitalReading('spo2', v.spo2);
  }
  if (v.rr != null) {
    validateVitalReading('rr', v.rr);
  }
  if (v.tempC != null) {
    validateVitalReading('tempC', v.tempC);
  }
  if ([v.hr, v.sbp, v.spo2, v.rr, v.tempC].every((x) => x == null)) {
    throw badRequest('give at least one vital sign');
  }
}

/** One set of readings → its vital_signs rows (BP as one row with the diastolic). */
export function vitalRowsOf(
  v: VitalSet,
  base: Omit<store.VitalRowInput, 'kind' | 'value' | 'diastolic'>,
): store.VitalRowInput[] {
  const rows: store.VitalRowInput[] = [];
  const add = (
    kind: store.VitalRowInput['kind'],
    value: number | undefined,
    diastolic: number | null = null,
  ): void => {
    if (value != null) {
      rows.push({ ...base, kind, value, diastolic });
    }
  };
  add('hr', v.hr);
  if (v.sbp != null && v.dbp != null) {
    add('bp', v.sbp, v.dbp);
  }
  add('spo2', v.spo2);
  add('rr', v.rr);
  add('temp', v.tempC);
  return rows;
}

/**
 * Re-evaluates the session's alert rules over all its readings and reconciles the stored alerts:
 * opens new ones, refreshes the value of those still active, clears those back in range.
 */
export async function reconcileAlerts(tx: Tx, infusion: store.InfusionRow, now: Date): Promise<void> {
  const recent = await store.listVitalsSince(tx, infusion.id, new Date(now.getTime() - ALERT_LOOKBACK_MS));
  const readings = vitalsTable(recent).map((r) => ({
    at: new Date(r.at).getTime(),
    hr: r.hr ?? undefined,
    sbp: r.sbp ?? undefined,
    dbp: r.dbp ?? undefined,
    spo2: r.spo2 ?? undefined,
    rr: r.rr ?? undefined,
  }));
  const active = evaluateVitalAlerts(readings, alertRulesOf(protocolOf(infusion)), now.getTime());
  const open = (await store.listAlerts(tx, infusion.id)).filter((a) => a.cleared_at == null);
  for (const alert of active) {
    const existing = open.find((o) => o.code === alert.code);
    if (existing) {
      await store.refreshAlert(tx, existing.id, alert.value, alert.message);
    } else {
      await store.openAlert(tx, {
        clinicId: infusion.clinic_id,
        infusionId: infusion.id,
        code: alert.code,
        vital: alert.vital,
        message: alert.message,
        value: alert.value,
        limit: alert.limit,
        since: new Date(alert.since),
      });
    }
  }
  for (const o of open) {
    if (!active.some((a) => a.code === o.code)) {
      await store.clearAlert(tx, o.id, now);
    }
  }
}

/** Stores one set of readings for a patient, attached to the session when there is one. */
export async function storeVitalSet(
  tx: Tx,
  target: { clinicId: string; patientId: string; infusion: store.InfusionRow | undefined },
  v: VitalSet,
  source: VitalSource,
  meta: { device?: string | undefined; recordedBy: string | null },
  now: Date,
): Promise<string[]> {
  checkVitalSet(v, now);
  const ids = await store.insertVitals(
    tx,
    vitalRowsOf(v, {
      clinicId: target.clinicId,
      patientId: target.patientId,
      infusionId: target.infusion?.id ?? null,
      effectiveAt: v.takenAt,
      source,
      device: meta.device ?? null,
      recordedBy: meta.recordedBy,
    }),
  );
  if (target.infusion) {
    await reconcileAlerts(tx, target.infusion, now);
  }
  return ids;
}

export async function recordVitals(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: VitalsInput,
): Promise<InfusionView> {
  requirePermission(caller, 'infusions.chart');
  const now = deps.now();
  const view = await inClinic(deps.db, caller.clinicId, async (tx) => {
    const row = await store.findInfusion(tx, id, { forUpdate: true });
    if (!row) {
      throw notFound('infusion');
    }
    assertOpen(row.stage);
    await storeVitalSet(
      tx,
      { clinicId: row.clinic_id, patientId: row.patient_id, infusion: row },
      { ...input, takenAt: input.takenAt ? new Date(input.takenAt) : now },
      'manual',
      { recordedBy: caller.staffId },
      now,
    );
    await audit(tx, caller, {
      action: 'create',
      entity: 'vital_signs',
      entityId: id,
      patientId: row.patient_id,
    });
    return loadInfusion(tx, id, now);
  });
  deps.live.changed(id);
  return view;
}

/** The session a patient is in right now (for readings that arrive by FHIR or from a monitor). */
export async function currentInfusionFor(tx: Tx, patientId: string): Promise<store.InfusionRow | undefined> {
  const sessions = await store.listForPatient(tx, patientId);
  const active = sessions
    .filter((s) => ['precheck', 'infusing', 'paused', 'recovery'].includes(s.stage))
    .at(-1);
  return active ? store.findInfusion(tx, active.id, { forUpdate: true }) : undefined;
}

/** For the FHIR facade and device feeds: one set of readings for a patient, live consoles told. */
export async function recordPatientVitals(
  db: Kysely<DB>,
  live: InfusionDeps['live'],
  caller: Caller,
  patientId: string,
  v: VitalSet,
  source: VitalSource,
  device: string | undefined,
  now: Date,
): Promise<{ ids: string[]; infusionId: string | null }> {
  requirePermission(caller, 'infusions.chart');
  const result = await inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    const infusion = await currentInfusionFor(tx, patientId);
    const ids = await storeVitalSet(
      tx,
      { clinicId: caller.clinicId, patientId, infusion },
      v,
      source,
      { device, recordedBy: caller.staffId },
      now,
    );
    await audit(tx, caller, {
      action: 'create',
      entity: 'vital_signs',
      patientId,
      detail: { source, infusionId: infusion?.id ?? null },
    });
    return { ids, infusionId: infusion?.id ?? null };
  });
  if (result.infusionId) {
    live.changed(result.infusionId);
  }
  return result;
}
