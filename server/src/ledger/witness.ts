import type { Kysely } from 'kysely';
import type { WitnessCredentials } from '@openkap/domain/ledger/schema';
import { roleCan } from '@openkap/domain/auth/permissions';
import { StaffRole } from '@openkap/domain/auth/schema';
import type { DB } from '../db/types.ts';
import type { Caller } from '../auth/caller.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { findStaffByEmail } from '../auth/store.ts';
import { refused } from '../http/errors.ts';

export interface Witness {
  staffId: string;
  name: string;
  at: Date;
}

/**
 * The witness types their own email and password at the moment of the waste, count or disposal: a
 * session cannot witness, and nobody witnesses themselves. Checked before the ledger lock is taken
 * (argon2 is slow on purpose). A wrong email costs the same as a wrong password.
 */
export async function verifyWitness(
  db: Kysely<DB>,
  caller: Caller,
  credentials: WitnessCredentials,
  now: Date,
): Promise<Witness> {
  const row = await findStaffByEmail(db, credentials.email);
  const ok = row
    ? await verifyPassword(row.password_hash, credentials.password)
    : (await verifyPassword(await decoyHash(), credentials.password), false);
  if (!row || !ok || row.disabled_at || row.clinic_id !== caller.clinicId) {
    throw refused('witness_not_verified', 'The witness’s email or password is not right.');
  }
  if (row.id === caller.staffId) {
    throw refused('self_witness', 'A second person must witness: you cannot witness your own entry.');
  }
  const role = StaffRole.safeParse(row.role);
  if (!role.success || !roleCan(role.data, 'ledger.witness')) {
    throw refused('witness_not_allowed', `${row.name} may not witness controlled-substance records.`);
  }
  return { staffId: row.id, name: row.name, at: now };
}
