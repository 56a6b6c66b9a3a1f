import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertChairs, insertClinic, insertStaff } from './store.ts';

/**
 * OPENKAP_DEMO=0 on a new database: one empty clinic with two chairs, and its first admin from
 * OPENKAP_ADMIN_EMAIL / OPENKAP_ADMIN_PASSWORD (at least 12 characters).
 */
export async function createEmptyClinic(db: Kysely<DB>, env: NodeJS.ProcessEnv): Promise<void> {
  const email = env.OPENKAP_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.OPENKAP_ADMIN_PASSWORD ?? '';
  if (!email || password.length < 12) {
    throw new Error(
      'A new clinic needs its first admin: set OPENKAP_ADMIN_EMAIL and OPENKAP_ADMIN_PASSWORD (12+ characters).',
    );
  }
  const clinicId = await insertClinic(db, {
    name: env.OPENKAP_CLINIC_NAME ?? 'My clinic',
    timeZone: env.OPENKAP_TIME_ZONE ?? 'America/New_York',
    isDemo: false,
  });
  await inClinic(db, clinicId, (tx) => insertChairs(tx, clinicId, ['Chair 1', 'Chair 2']));
  await insertStaff(db, {
    clinicId,
    email,
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  console.log(`Created an empty clinic with admin ${email}.`);
}
