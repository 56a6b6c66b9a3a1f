import type { Kysely } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { DB } from '../db/types.ts';

export async function clinicCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('clinics')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertClinic(
  db: Kysely<DB>,
  c: { name: string; timeZone: string; isDemo: boolean },
): Promise<string> {
  const row = await db
    .insertInto('clinics')
    .values({ name: c.name, time_zone: c.timeZone, is_demo: c.isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStaff(
  db: Kysely<DB>,
  s: { clinicId: string; email: string; name: string; role: string; passwordHash: string },
): Promise<string> {
  const row = await db
    .insertInto('staff')
    .values({
      clinic_id: s.clinicId,
      email: s.email.toLowerCase(),
      name: s.name,
      role: s.role,
      password_hash: s.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The clinic's infusion chairs, in board order; answers their ids. */
export async function insertChairs(tx: Tx, clinicId: string, names: string[]): Promise<string[]> {
  const rows = await tx
    .insertInto('chairs')
    .values(names.map((name, position) => ({ clinic_id: clinicId, name, position })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
