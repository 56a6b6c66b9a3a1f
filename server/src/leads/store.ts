import type { Kysely } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { DB } from '../db/types.ts';

export async function homeClinicId(db: Kysely<DB>): Promise<string | undefined> {
  return (await db.selectFrom('clinics').select('id').orderBy('created_at').limit(1).executeTakeFirst())?.id;
}

export async function insertLead(
  tx: Tx,
  l: {
    clinicId: string;
    name: string;
    email?: string | undefined;
    phone?: string | undefined;
    interest: string;
    message?: string | undefined;
    preferredContact: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('leads')
    .values({
      clinic_id: l.clinicId,
      name: l.name,
      email: l.email ?? null,
      phone: l.phone ?? null,
      interest: l.interest,
      message: l.message ?? null,
      preferred_contact: l.preferredContact,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listLeads(tx: Tx) {
  return tx.selectFrom('leads').selectAll().orderBy('created_at', 'desc').limit(500).execute();
}
