import type { Kysely } from 'kysely';
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
