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
