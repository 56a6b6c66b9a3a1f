import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';

/**
 * Staff rows of the clinic the transaction is fenced to. The staff table has no row-level policy (sign-in
 * reads it before a clinic is known), so every query here names the fence's clinic itself.
 */
const fenceClinic = sql<string>`current_setting('openkap.clinic_id')::uuid`;

/** Active staff in these roles, by name: e.g. who may give a dose, for the console's picker. */
export function listActiveStaff(tx: Tx, roles: readonly string[]) {
  return tx
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('clinic_id', '=', fenceClinic)
    .where('disabled_at', 'is', null)
    .where('role', 'in', [...roles])
    .orderBy('name')
    .execute();
}

/** One active staff member of this clinic, or undefined (another clinic's, disabled or unknown). */
export function findActiveStaff(tx: Tx, id: string) {
  return tx
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('id', '=', id)
    .where('clinic_id', '=', fenceClinic)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Names of staff by id (this clinic only), for timelines. */
export async function staffNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .where('clinic_id', '=', fenceClinic)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
