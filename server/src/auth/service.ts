import type { Kysely } from 'kysely';
import { StaffRole, type StaffUser } from '@openkap/domain/auth/schema';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import { audit } from '../audit/store.ts';
import { AppError } from '../http/errors.ts';
import type { Caller } from './caller.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';
import * as store from './store.ts';
import { requirePermission } from './permissions.ts';

const SESSION_HOURS = 12;

type StaffRow = NonNullable<Awaited<ReturnType<typeof store.findStaffById>>>;

function toUser(row: StaffRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: StaffRole.parse(row.role),
    clinicId: row.clinic_id,
    clinicName: row.clinic_name,
    clinicTimeZone: row.time_zone,
  };
}

export async function signIn(
  db: Kysely<DB>,
  email: string,
  password: string,
  now: Date,
): Promise<{ user: StaffUser; token: string; expiresAt: Date }> {
  const row = await store.findStaffByEmail(db, email);
  const ok = row
    ? await verifyPassword(row.password_hash, password)
    : (await verifyPassword(await decoyHash(), password), false);
  if (!row || !ok || row.disabled_at) {
    throw new AppError(401, 'bad_credentials', 'Email or password is not right.');
  }
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await store.insertSession(db, { tokenHash: hash, staffId: row.id, clinicId: row.clinic_id, expiresAt });
  await inClinic(db, row.clinic_id, (tx) =>
    audit(
      tx,
      { clinicId: row.clinic_id, staffId: row.id },
      { action: 'sign_in', entity: 'staff', entityId: row.id },
    ),
  );
  return { user: toUser(row), token, expiresAt };
}

export async function signOut(db: Kysely<DB>, token: string): Promise<void> {
  await store.deleteSession(db, hashToken(token));
}

/** Resolves a session cookie or a bearer token to the staff member, or undefined. */
export async function resolveCaller(
  db: Kysely<DB>,
  credential: { session?: string; bearer?: string },
  now: Date,
): Promise<Caller | undefined> {
  let staffId: string | undefined;
  let via: Caller['via'] = 'session';
  if (credential.session) {
    staffId = (await store.findLiveSession(db, hashToken(credential.session), now))?.staff_id;
  } else if (credential.bearer) {
    staffId = (await store.findLiveApiToken(db, hashToken(credential.bearer)))?.staff_id;
    via = 'token';
  }
  if (!staffId) {
    return undefined;
  }
  const row = await store.findStaffById(db, staffId);
  if (!row || row.disabled_at) {
    return undefined;
  }
  return {
    staffId: row.id,
    clinicId: row.clinic_id,
    role: StaffRole.parse(row.role),
    name: row.name,
    email: row.email,
    via,
  };
}

export async function currentUser(db: Kysely<DB>, caller: Caller): Promise<StaffUser> {
  const row = await store.findStaffById(db, caller.staffId);
  if (!row) {
    throw new AppError(401, 'signed_out', 'Please sign in.');
  }
  return toUser(row);
}

/** A bearer token for a system integration (FHIR client, monitor gateway) acting as this staff member. */
export async function issueApiToken(db: Kysely<DB>, caller: Caller, label: string): Promise<string> {
  requirePermission(caller, 'tokens.manage');
  const { token, hash } = newToken();
  await store.insertApiToken(db, {
    tokenHash: hash,
    staffId: caller.staffId,
    clinicId: caller.clinicId,
    label,
  });
  await inClinic(db, caller.clinicId, (tx) =>
    audit(tx, caller, { action: 'create', entity: 'api_token', detail: { label } }),
  );
  return token;
}
