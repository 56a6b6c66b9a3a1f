/** SQL for the monitor-message review queue (table device_messages; migration 2026-11-25T1500_devices). */
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
