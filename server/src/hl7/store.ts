import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { DeviceAlarmsTable, DeviceMessagesTable } from '../db/types.ts';

/** PostgreSQL text cannot hold NUL bytes (fuzzed input). */
const storable = (raw: string): string => raw.replace(/\0/g, '\uFFFD');

/** Registers the device on first sight and notes when it was last heard; answers its chair and clock zone. */
export async function touchDevice(tx: Tx, clinicId: string, deviceId: string, now: Date) {
  const device = (await touchDevices(tx, clinicId, [deviceId], now)).get(deviceId);
  if (!device) {
    throw new Error(`device ${deviceId} was not registered`);
  }
  return device;
}

/** Every received message is kept: the raw log, and the review queue for those with status `unmatched`. */
export async function insertDeviceMessage(
  tx: Tx,
  m: Omit<Insertable<DeviceMessagesTable>, 'raw'> & { raw: string },
): Promise<string> {
  const row = await tx
    .insertInto('device_messages')
    .values({ ...m, raw: storable(m.raw) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A chair whose name is the monitor's bed (case-insensitive). */
export async function chairNamed(tx: Tx, bed: string): Promise<string | null> {
  return (await chairsNamed(tx, [bed])).get(bed.toLowerCase()) ?? null;
}

/** The patient of the chair's open session, if any. */
export async function patientInChair(
  tx: Tx,
  chairId: string,
  activeStages: readonly string[],
): Promise<string | null> {
  return (await patientsInChairs(tx, [chairId], activeStages)).get(chairId) ?? null;
}

export function findAlarmForUpdate(tx: Tx, deviceId: string, eventId: string) {
  return tx
    .selectFrom('device_alarms')
    .select(['id', 'last_at', 'ended_at', 'patient_id', 'infusion_id'])
    .where('device_id', '=', deviceId)
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertAlarm(tx: Tx, alarm: Insertable<DeviceAlarmsTable>): Promise<void> {
  await tx.insertInto('device_alarms').values(alarm).execute();
}

export async function updateAlarm(tx: Tx, id: string, changes: Updateable<DeviceAlarmsTable>): Promise<void> {
  await tx.updateTable('device_alarms').set(changes).where('id', '=', id).execute();
}

/** Group commit: every device of a batch registered / touched in one statement (sorted: a stable lock order). */
export async function touchDevices(
  tx: Tx,
  clinicId: string,
  deviceIds: readonly string[],
  now: Date,
): Promise<Map<string, { chair_id: string | null; time_zone: string | null }>> {
  const ids = [...new Set(deviceIds)].sort();
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await tx
    .insertInto('devices')
    .values(ids.map((id) => ({ id, clinic_id: clinicId, last_seen_at: now })))
    .onConflict((oc) => oc.columns(['clinic_id', 'id']).doUpdateSet({ last_seen_at: now }))
    .returning(['id', 'chair_id', 'time_zone'])
    .execute();
  return new Map(rows.map((r) => [r.id, { chair_id: r.chair_id, time_zone: r.time_zone }]));
}

/** Chairs named like any of the beds, keyed by the lower-cased name. */
export async function chairsNamed(tx: Tx, beds: readonly string[]): Promise<Map<string, string>> {
  const names = [...new Set(beds.map((b) => b.toLowerCase()))];
  if (names.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('chairs')
    .select(['id', sql<string>`lower(name)`.as('name')])
    .where(sql<string>`lower(name)`, 'in', names)
    .execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** The patient of each chair's open session (the latest scheduled one, as patientInChair). */
export async function patientsInChairs(
  tx: Tx,
  chairIds: readonly string[],
  activeStages: readonly string[],
): Promise<Map<string, string>> {
  if (chairIds.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('infusions')
    .select(['chair_id', 'patient_id'])
    .where('chair_id', 'in', [...new Set(chairIds)])
    .where('stage', 'in', [...activeStages])
    .orderBy('scheduled_at')
    .execute();
  const byChair = new Map<string, string>();
  for (const r of rows) {
    if (r.chair_id) {
      byChair.set(r.chair_id, r.patient_id);
    }
  }
  return byChair;
}

/** Many messages' log rows in one INSERT … SELECT FROM unnest (one array per column; see insertDeviceVitals). */
export async function insertDeviceMessages(
  tx: Tx,
  clinicId: string,
  receivedAt: Date,
  messages: readonly {
    control_id: string | null;
    message_type: string | null;
    device_id: string | null;
    raw: string;
    status: 'stored' | 'unmatched';
    reason: string | null;
    patient_id: string | null;
    infusion_id: string | null;
    observation_count: number;
  }[],
): Promise<string[]> {
  if (messages.length === 0) {
    return [];
  }
  const column = <T>(f: (m: (typeof messages)[number]) => T): T[] => messages.map(f);
  // Ids made here, not RETURNING: the caller pairs each message with its id (the audit rows).
  const ids = messages.map(() => randomUUID());
  await sql`
    insert into device_messages
      (id, clinic_id, received_at, control_id, message_type, device_id, raw, status, reason, patient_id, infusion_id,
       observation_count)
    select m.id, ${clinicId}::uuid, ${receivedAt}::timestamptz, m.control_id, m.message_type, m.device_id, m.raw,
      m.status, m.reason, m.patient_id, m.infusion_id, m.observation_count
    from unnest(
      ${ids}::uuid[], ${column((m) => m.control_id)}::text[], ${column((m) => m.message_type)}::text[],
      ${column((m) => m.device_id)}::text[], ${column((m) => storable(m.raw))}::text[], ${column((m) => m.status)}::text[],
      ${column((m) => m.reason)}::text[], ${column((m) => m.patient_id)}::uuid[], ${column((m) => m.infusion_id)}::uuid[],
      ${column((m) => m.observation_count)}::int[]
    ) as m(id, control_id, message_type, device_id, raw, status, reason, patient_id, infusion_id, observation_count)`.execute(
    tx,
  );
  return ids;
}
