/**
 * The monitor-message review queue (issue 3: "What cannot be matched is kept in a review queue where
 * staff assign it — nothing is dropped"). Staff see what the monitor said about the patient and its
 * readings, then either assign the message to a patient — its readings are charted exactly as the
 * ingest would have (storeVitalSet, source 'device', alert rules re-evaluated) — or dismiss it with a
 * note. Dismissing keeps the message (status stays `unmatched`, resolved_by/at set, note appended).
 */
import type { Kysely } from 'kysely';
import type { DeviceMessageStatus } from '@openkap/domain/devices/schema';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { conflict, notFound, refused } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import { currentInfusionFor, storeVitalSet, type VitalSet } from '../infusions/vitals.ts';
import { parseHl7 } from '../hl7/message.ts';
import { parsePcd01, type DeviceReport } from '../hl7/pcd01.ts';
import { readingsOf } from '../hl7/readings.ts';
import * as store from './store.ts';

export type DeviceReviewDeps = Pick<AppContext, 'db' | 'now' | 'live'>;

export interface PatientHint {
  /** PID-3.1 */
  mrn: string;
  /** PID-5.1 / PID-5.2 */
  familyName: string;
  givenName: string;
  /** PV1-3: point of care ^ room ^ bed */
  location: { pointOfCare: string; room: string; bed: string };
}

export interface ReadingPreview {
  kind: 'hr' | 'bp' | 'spo2' | 'rr' | 'temp';
  /** bp: the systolic; temp: °C */
  value: number;
  /** bp only */
  diastolic?: number;
  at: string;
}

export interface DeviceMessageView {
  id: string;
  receivedAt: string;
  deviceId: string | null;
  controlId: string | null;
  messageType: string | null;
  status: DeviceMessageStatus;
  reason: string | null;
  patientId: string | null;
  infusionId: string | null;
  observationCount: number;
  resolvedAt: string | null;
  patientHint: PatientHint | null;
  readingsPreview: ReadingPreview[];
}

function tryParse(raw: string): DeviceReport | undefined {
  try {
    return parsePcd01(raw);
  } catch {
    return undefined;
  }
}

/** What the monitor said about the patient; read leniently, so even a message we rejected can show it. */
function hintOf(raw: string): PatientHint | null {
  try {
    const msg = parseHl7(raw);
    const pid = msg.segments.find((s) => s.name === 'PID');
    const pv1 = msg.segments.find((s) => s.name === 'PV1');
    const hint: PatientHint = {
      mrn: pid?.get(3, 1) ?? '',
      familyName: pid?.get(5, 1) ?? '',
      givenName: pid?.get(5, 2) ?? '',
      location: { pointOfCare: pv1?.get(3, 1) ?? '', room: pv1?.get(3, 2) ?? '', bed: pv1?.get(3, 3) ?? '' },
    };
    const { location, ...rest } = hint;
    return [...Object.values(rest), ...Object.values(location)].some(Boolean) ? hint : null;
  } catch {
    return null;
  }
}

function previewOf(sets: VitalSet[]): ReadingPreview[] {
  const out: ReadingPreview[] = [];
  for (const s of sets) {
    const at = s.takenAt.toISOString();
    if (s.hr != null) {
      out.push({ kind: 'hr', value: s.hr, at });
    }
    if (s.sbp != null && s.dbp != null) {
      out.push({ kind: 'bp', value: s.sbp, diastolic: s.dbp, at });
    }
    if (s.spo2 != null) {
      out.push({ kind: 'spo2', value: s.spo2, at });
    }
    if (s.rr != null) {
      out.push({ kind: 'rr', value: s.rr, at });
    }
    if (s.tempC != null) {
      out.push({ kind: 'temp', value: s.tempC, at });
    }
  }
  return out;
}

function viewOf(row: store.DeviceMessageListRow): DeviceMessageView {
  const report = tryParse(row.raw);
  const status: DeviceMessageStatus =
    row.status === 'unmatched' && row.resolved_at != null ? 'dismissed' : row.status;
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    deviceId: row.device_id,
    controlId: row.control_id,
    messageType: row.message_type,
    status,
    reason: row.reason,
    patientId: row.patient_id,
    infusionId: row.infusion_id,
    observationCount: Number(row.observation_count),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    patientHint: hintOf(row.raw),
    readingsPreview: report ? previewOf(readingsOf(report, row.time_zone).sets) : [],
  };
}

export async function listDeviceMessages(
  db: Kysely<DB>,
  caller: Caller,
  status: DeviceMessageStatus,
): Promise<DeviceMessageView[]> {
  requirePermission(caller, 'devices.review');
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.listMessages(tx, status);
    await audit(tx, caller, {
      action: 'search',
      entity: 'device_messages',
      detail: { status, results: rows.length },
    });
    return rows.map(viewOf);
  });
}

/** For the nav badge. */
export async function countOpenDeviceMessages(db: Kysely<DB>, caller: Caller): Promise<number> {
  requirePermission(caller, 'devices.review');
  return inClinic(db, caller.clinicId, async (tx) => {
    const n = await store.countOpen(tx);
    await audit(tx, caller, { action: 'read', entity: 'device_messages', detail: { count: n } });
    return n;
  });
}

export interface AssignResult {
  id: string;
  patientId: string;
  infusionId: string | null;
  stored: number;
}

/**
 * Charts an unmatched message on the patient staff chose: one transaction for the readings, the alert
 * re-evaluation, the message row and the audit row; the live console is told after it commits.
 */
export async function assignDeviceMessage(
  deps: DeviceReviewDeps,
  caller: Caller,
  id: string,
  patientId: string,
): Promise<AssignResult> {
  requirePermission(caller, 'devices.review');
  const now = deps.now();
  const result = await inClinic(deps.db, caller.clinicId, async (tx) => {
    const row = await store.findMessageForUpdate(tx, id);
    if (!row) {
      throw notFound('device message');
    }
    if (row.status !== 'unmatched') {
      throw conflict('device_message_resolved', `this message is already ${row.status}`);
    }
    if (row.message_type && !row.message_type.startsWith('ORU^R01')) {
      // Device alarms (ORU^R40) are kept for the record; only vital-sign reports are charted on assignment.
      throw conflict(
        'not_a_vitals_message',
        `a ${row.message_type} message holds no vital signs to chart; dismiss it with a note`,
      );
    }
    await requirePatient(tx, patientId);
    const report = tryParse(row.raw);
    if (!report) {
      throw refused('unreadable_message', 'the message can no longer be read, so it cannot be charted');
    }
    const readings = readingsOf(report, await store.deviceTimeZone(tx, report.deviceId));
    const infusion = await currentInfusionFor(tx, patientId);
    let stored = 0;
    for (const set of readings.sets) {
      const ids = await storeVitalSet(
        tx,
        { clinicId: caller.clinicId, patientId, infusion },
        set,
        'device',
        { device: report.deviceId, recordedBy: caller.staffId },
        now,
      );
      stored += ids.length;
    }
    const infusionId = infusion?.id ?? null;
    await store.markAssigned(tx, id, {
      patientId,
      infusionId,
      observationCount: stored,
      staffId: caller.staffId,
      at: now,
    });
    await audit(tx, caller, {
      action: 'assign',
      entity: 'device_messages',
      entityId: id,
      patientId,
      detail: { controlId: row.control_id, stored, infusionId, wasDismissed: row.resolved_at != null },
    });
    return { id, patientId, infusionId, stored };
  });
  if (result.infusionId) {
    deps.live.changed(result.infusionId);
  }
  return result;
}

/** Resolves an unmatched message without charting it; the message and its raw text are kept. */
export async function dismissDeviceMessage(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  note: string,
  now: Date,
): Promise<{ id: string }> {
  requirePermission(caller, 'devices.review');
  return inClinic(db, caller.clinicId, async (tx) => {
    const row = await store.findMessageForUpdate(tx, id);
    if (!row) {
      throw notFound('device message');
    }
    if (row.status !== 'unmatched' || row.resolved_at != null) {
      throw conflict(
        'device_message_resolved',
        row.status === 'unmatched'
          ? 'this message is already dismissed'
          : `this message is already ${row.status}`,
      );
    }
    const dismissal = `dismissed by ${caller.name}: ${note}`;
    await store.markDismissed(tx, id, {
      reason: row.reason ? `${row.reason}; ${dismissal}` : dismissal,
      staffId: caller.staffId,
      at: now,
    });
    await audit(tx, caller, {
      action: 'dismiss',
      entity: 'device_messages',
      entityId: id,
      detail: { controlId: row.control_id, note },
    });
    return { id };
  });
}
