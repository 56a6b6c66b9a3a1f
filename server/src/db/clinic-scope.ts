import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './types.ts';

export type Tx = Transaction<DB>;

/**
 * Runs `work` in one transaction fenced to a clinic: row-level security sees only that clinic's rows
 * because the transaction runs as the non-owner role with `openkap.clinic_id` set (both LOCAL, so
 * they end with the transaction and never leak across pooled connections).
 */
export async function inClinic<T>(
  db: Kysely<DB>,
  clinicId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`select set_config('openkap.clinic_id', ${clinicId}, true), set_config('role', 'openkap_app', true)`.execute(
      tx,
    );
    return work(tx);
  });
}

/** The time zone of the clinic this transaction is fenced to (read through the fence's own setting). */
export async function clinicTimeZone(tx: Tx): Promise<string> {
  const { rows } = await sql<{ time_zone: string }>`
    select time_zone from clinics where id = current_setting('openkap.clinic_id')::uuid`.execute(tx);
  return rows[0]?.time_zone ?? 'UTC';
}
