import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

// Sign-in tables are read before any clinic is known, so these run outside the clinic fence.
export function findStaffByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('staff')
    .innerJoin('clinics', 'clinics.id', 'staff.clinic_id')
    .select([
      'staff.id',
      'staff.clinic_id',
      'staff.email',
      'staff.name',
      'staff.role',
      'staff.password_hash',
      'staff.disabled_at',
      'clinics.name as clinic_name',
      'clinics.time_zone',
    ])
    .where('staff.email', '=', email)
    .executeTakeFirst();
}

export function findStaffById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('staff')
    .innerJoin('clinics', 'clinics.id', 'staff.clinic_id')
    .select([
      'staff.id',
      'staff.clinic_id',
      'staff.email',
      'staff.name',
      'staff.role',
      'staff.disabled_at',
      'clinics.name as clinic_name',
      'clinics.time_zone',
    ])
    .where('staff.id', '=', id)
    .executeTakeFirst();
}

export async function insertSession(
  db: Kysely<DB>,
  row: { tokenHash: string; staffId: string; clinicId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: row.tokenHash,
      staff_id: row.staffId,
      clinic_id: row.clinicId,
      expires_at: row.expiresAt,
    })
    .execute();
}

export function findLiveSession(db: Kysely<DB>, tokenHash: string, now: Date) {
  return db
    .selectFrom('staff_sessions')
    .select(['staff_id', 'clinic_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export function findLiveApiToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['staff_id', 'clinic_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertApiToken(
  db: Kysely<DB>,
  row: { tokenHash: string; staffId: string; clinicId: string; label: string },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ token_hash: row.tokenHash, staff_id: row.staffId, clinic_id: row.clinicId, label: row.label })
    .execute();
}
