/**
 * SQL for bedside monitors: the message review queue (table device_messages; migration
 * 2026-11-25T1500_devices) and the monitors' settings (table devices).
 */
import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { DeviceMessageStatus } from '@openkap/domain/devices/schema';

const LIST_LIMIT = 200;

/** Newest first, with the sending device's time zone (needed to read its local reading times). */
export function listMessages(tx: Tx, status: DeviceMessageStatus) {
  let q = tx
    .selectFrom('device_messages as m')
    .leftJoin('devices as d', (j) =>
      j.onRef('d.clinic_id', '=', 'm.clinic_id').onRef('d.id', '=', 'm.device_id'),
    )
    .select([
      'm.id',
      'm.received_at',
      'm.device_id',
      'm.control_id',
      'm.message_type',
      'm.status',
      'm.reason',
      'm.raw',
      'm.patient_id',
      'm.infusion_id',
      'm.observation_count',
      'm.resolved_by',
      'm.resolved_at',
      'd.time_zone',
    ]);
  if (status === 'unmatched') {
    q = q.where('m.status', '=', 'unmatched').where('m.resolved_at', 'is', null);
  } else if (status === 'dismissed') {
    q = q.where('m.status', '=', 'unmatched').where('m.resolved_at', 'is not', null);
  } else {
    q = q.where('m.status', '=', status);
  }
  return q.orderBy('m.received_at', 'desc').orderBy('m.id').limit(LIST_LIMIT).execute();
}

export type DeviceMessageListRow = Awaited<ReturnType<typeof listMessages>>[number];

/** The open queue: unmatched and not yet dismissed. */
export async function countOpen(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('device_messages')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'unmatched')
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks the row so two people assigning the same message at once cannot both chart it. */
export function findMessageForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('device_messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function deviceTimeZone(tx: Tx, deviceId: string | null): Promise<string | null> {
  if (!deviceId) {
    return null;
  }
  const row = await tx
    .selectFrom('devices')
    .select('time_zone')
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return row?.time_zone ?? null;
}

export async function markAssigned(
  tx: Tx,
  id: string,
  a: { patientId: string; infusionId: string | null; observationCount: number; staffId: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('device_messages')
    .set({
      status: 'assigned',
      patient_id: a.patientId,
      infusion_id: a.infusionId,
      observation_count: a.observationCount,
      resolved_by: a.staffId,
      resolved_at: a.at,
    })
    .where('id', '=', id)
    .execute();
}

/** Dismissed = still `unmatched` (the check constraint has no other word for it) but resolved. */
export async function markDismissed(
  tx: Tx,
  id: string,
  d: { reason: string; staffId: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('device_messages')
    .set({ reason: d.reason, resolved_by: d.staffId, resolved_at: d.at })
    .where('id', '=', id)
    .execute();
}

// --- Monitor settings (chair, time zone, label; migration 2026-11-25T1700_device_settings) ---

function devicesWithChair(tx: Tx) {
  return tx
    .selectFrom('devices as d')
    .leftJoin('chairs as c', 'c.id', 'd.chair_id')
    .select([
      'd.id',
      'd.label',
      'd.chair_id',
      'c.name as chair_name',
      'd.time_zone',
      'd.first_seen_at',
      'd.last_seen_at',
    ]);
}

/** Monitors with their chair, in the room's chair order; monitors without a chair last. */
export function listDevices(tx: Tx) {
  return devicesWithChair(tx)
    .orderBy(sql`c.position asc nulls last`)
    .orderBy('c.name')
    .orderBy('d.label')
    .orderBy('d.id')
    .execute();
}

export type DeviceRow = Awaited<ReturnType<typeof listDevices>>[number];

export function findDevice(tx: Tx, id: string): Promise<DeviceRow | undefined> {
  return devicesWithChair(tx).where('d.id', '=', id).executeTakeFirst();
}

/** One monitor; locked, so two people editing it at once apply their changes one after the other. */
export function findDeviceForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('devices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findChair(tx: Tx, chairId: string) {
  return tx.selectFrom('chairs').select(['id', 'name']).where('id', '=', chairId).executeTakeFirst();
}

/** The monitor already on `chairId`, other than `exceptId`; locked so a concurrent move waits. */
export function deviceOnChair(tx: Tx, chairId: string, exceptId: string) {
  return tx
    .selectFrom('devices')
    .select(['id', 'label'])
    .where('chair_id', '=', chairId)
    .where('id', '<>', exceptId)
    .forUpdate()
    .executeTakeFirst();
}

export interface DeviceSettings {
  label?: string | null;
  chairId?: string | null;
  timeZone?: string | null;
}

export async function updateDevice(tx: Tx, id: string, s: DeviceSettings): Promise<void> {
  await tx
    .updateTable('devices')
    .set({
      ...(s.label === undefined ? {} : { label: s.label }),
      ...(s.chairId === undefined ? {} : { chair_id: s.chairId }),
      ...(s.timeZone === undefined ? {} : { time_zone: s.timeZone }),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A monitor staff register before it first sends: never seen, so both times are null (the ingest's
 * first message sets them). Answers false when the id is already registered.
 */
export async function insertDevice(
  tx: Tx,
  d: { clinicId: string; id: string; label: string | null; chairId: string | null; timeZone: string | null },
): Promise<boolean> {
  const row = await tx
    .insertInto('devices')
    .values({
      id: d.id,
      clinic_id: d.clinicId,
      label: d.label,
      chair_id: d.chairId,
      time_zone: d.timeZone,
      first_seen_at: null,
      last_seen_at: null,
    })
    .onConflict((oc) => oc.columns(['clinic_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
