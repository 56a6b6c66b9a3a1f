/**
 * Bedside monitors: their settings (below) and the monitor-message review queue (issue 3: "What cannot be matched is kept in a review queue where
 * staff assign it — nothing is dropped"). Staff see what the monitor said about the patient and its
 * readings, then either assign the message to a patient — its readings are charted exactly as the
 * ingest would have (storeVitalSet, source 'device', alert rules re-evaluated) — or dismiss it with a
 * note. Dismissing keeps the message (status stays `unmatched`, resolved_by/at set, note appended).
 */
import type { Kysely } from 'kysely';
import type {
  DeviceMessageStatus,
  DeviceSettingsInput,
  RegisterDeviceInput,
  DeviceView,
} from '@openkap/domain/devices/schema';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { can, requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { AppError, badRequest, conflict, notFound, refused } from '../http/errors.ts';
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

// --- Monitor settings -------------------------------------------------------------------------------
// Which chair a monitor is at (a message without an MRN charts on that chair's patient) and the zone
// its clock runs in. One chair has at most one monitor (unique index devices_one_per_chair).

export type { DeviceView };

const isoOrNull = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

function deviceViewOf(row: store.DeviceRow): DeviceView {
  return {
    id: row.id,
    label: row.label,
    chairId: row.chair_id,
    chairName: row.chair_name,
    timeZone: row.time_zone,
    firstSeenAt: isoOrNull(row.first_seen_at),
    lastSeenAt: isoOrNull(row.last_seen_at),
  };
}

function monitorName(d: { id: string; label: string | null }): string {
  return d.label ? `“${d.label}” (${d.id})` : d.id;
}

const unknownMonitor = (id: string) => new AppError(404, 'not_found', `no monitor with device id ${id}`);

/** The front desk may see which monitor is where (devices.review); administrators set them up. */
function requireDeviceReader(caller: Caller): void {
  if (!can(caller, 'devices.configure')) {
    requirePermission(caller, 'devices.review');
  }
}

const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '23505';

/** Two people putting different monitors on one chair at the same moment: the index stops the second. */
async function oneMonitorPerChair<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        'chair_taken',
        'another monitor was put on that chair a moment ago; reload and try again',
      );
    }
    throw err;
  }
}

/**
 * Checks the chair exists in this clinic and is free for `deviceId`. A chair held by another monitor is
 * a 409 naming it, unless `move`: then the other monitor loses the chair (its later messages without an
 * MRN wait in the review queue) and that change is audited on its own row.
 */
async function claimChair(
  tx: Tx,
  caller: Caller,
  deviceId: string,
  chairId: string,
  move: boolean,
): Promise<{ chairName: string; movedFrom: string | null }> {
  const chair = await store.findChair(tx, chairId);
  if (!chair) {
    throw badRequest('that chair is not in this clinic', [
      { path: 'chairId', message: 'no such chair in this clinic' },
    ]);
  }
  const other = await store.deviceOnChair(tx, chairId, deviceId);
  if (!other) {
    return { chairName: chair.name, movedFrom: null };
  }
  if (!move) {
    throw conflict(
      'chair_taken',
      `${chair.name} already has monitor ${monitorName(other)}; take that monitor off the chair first, or move the chair to this monitor`,
    );
  }
  await store.updateDevice(tx, other.id, { chairId: null });
  await audit(tx, caller, {
    action: 'update',
    entity: 'device',
    entityId: other.id,
    detail: { changes: { chairId: { from: chairId, to: null } }, chairMovedTo: deviceId },
  });
  return { chairName: chair.name, movedFrom: other.id };
}

export async function listDevices(db: Kysely<DB>, caller: Caller): Promise<DeviceView[]> {
  requireDeviceReader(caller);
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.listDevices(tx);
    await audit(tx, caller, { action: 'search', entity: 'devices', detail: { results: rows.length } });
    return rows.map(deviceViewOf);
  });
}

type SettingChanges = Partial<
  Record<'label' | 'chairId' | 'timeZone', { from: string | null; to: string | null }>
>;

export async function updateDeviceSettings(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  input: DeviceSettingsInput,
): Promise<DeviceView> {
  requirePermission(caller, 'devices.configure');
  return oneMonitorPerChair(() =>
    inClinic(db, caller.clinicId, async (tx) => {
      const row = await store.findDeviceForUpdate(tx, id);
      if (!row) {
        throw unknownMonitor(id);
      }
      const changes: SettingChanges = {};
      const note = (field: keyof SettingChanges, from: string | null, to: string | null | undefined) => {
        if (to !== undefined && to !== from) {
          changes[field] = { from, to };
        }
      };
      note('label', row.label, input.label);
      note('chairId', row.chair_id, input.chairId);
      note('timeZone', row.time_zone, input.timeZone);
      const newChair = changes.chairId?.to;
      const claim = newChair ? await claimChair(tx, caller, id, newChair, input.moveChair ?? false) : null;
      if (Object.keys(changes).length > 0) {
        await store.updateDevice(tx, id, {
          label: changes.label?.to,
          chairId: changes.chairId?.to,
          timeZone: changes.timeZone?.to,
        });
        await audit(tx, caller, {
          action: 'update',
          entity: 'device',
          entityId: id,
          detail: { changes, ...(claim?.movedFrom ? { chairMovedFrom: claim.movedFrom } : {}) },
        });
      }
      const view = await store.findDevice(tx, id);
      if (!view) {
        throw unknownMonitor(id);
      }
      return deviceViewOf(view);
    }),
  );
}

export async function registerDevice(
  db: Kysely<DB>,
  caller: Caller,
  input: RegisterDeviceInput,
): Promise<DeviceView> {
  requirePermission(caller, 'devices.configure');
  return oneMonitorPerChair(() =>
    inClinic(db, caller.clinicId, async (tx) => {
      const already = () =>
        conflict('device_exists', `monitor ${input.id} is already registered; change its settings instead`);
      if (await store.findDeviceForUpdate(tx, input.id)) {
        throw already();
      }
      const claim = input.chairId
        ? await claimChair(tx, caller, input.id, input.chairId, input.moveChair ?? false)
        : null;
      const settings = {
        label: input.label ?? null,
        chairId: input.chairId ?? null,
        timeZone: input.timeZone ?? null,
      };
      if (!(await store.insertDevice(tx, { clinicId: caller.clinicId, id: input.id, ...settings }))) {
        throw already();
      }
      await audit(tx, caller, {
        action: 'create',
        entity: 'device',
        entityId: input.id,
        detail: { ...settings, ...(claim?.movedFrom ? { chairMovedFrom: claim.movedFrom } : {}) },
      });
      const view = await store.findDevice(tx, input.id);
      if (!view) {
        throw unknownMonitor(input.id);
      }
      return deviceViewOf(view);
    }),
  );
}
