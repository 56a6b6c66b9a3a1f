import type { Kysely } from 'kysely';
import { LeadInput } from '@openkap/domain/leads/schema';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { AppError } from '../http/errors.ts';
import * as store from './store.ts';

/** The public form has no clinic in its URL: one deployment serves one clinic (its first). */
export async function submitLead(db: Kysely<DB>, input: LeadInput): Promise<void> {
  const lead = LeadInput.parse(input);
  const clinicId = await store.homeClinicId(db);
  if (!clinicId) {
    throw new AppError(503, 'no_clinic', 'The clinic is not set up yet.');
  }
  await inClinic(db, clinicId, async (tx) => {
    const id = await store.insertLead(tx, { clinicId, ...lead });
    await audit(tx, { clinicId, actor: 'public' }, { action: 'create', entity: 'lead', entityId: id });
  });
}

export async function listLeads(db: Kysely<DB>, caller: Caller) {
  requirePermission(caller, 'leads.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.listLeads(tx);
    await audit(tx, caller, { action: 'search', entity: 'lead', detail: { results: rows.length } });
    return rows.map((l) => ({
      id: l.id,
      name: l.name,
      email: l.email,
      phone: l.phone,
      interest: l.interest,
      message: l.message,
      preferredContact: l.preferred_contact,
      status: l.status,
      createdAt: new Date(l.created_at).toISOString(),
    }));
  });
}
