import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';

export interface AuditEntry {
  action: 'read' | 'create' | 'update' | 'search' | 'acknowledge' | 'sign_in' | 'sign_out' | string;
  entity: string;
  entityId?: string;
  patientId?: string;
  detail?: Record<string, unknown>;
}

/** Written inside the same transaction as the read or write it describes. */
export async function audit(
  tx: Tx,
  caller: Pick<Caller, 'clinicId' | 'staffId'> | { clinicId: string; actor: string },
  entry: AuditEntry,
): Promise<void> {
  const actor = 'actor' in caller ? caller.actor : `staff:${caller.staffId}`;
  await tx
    .insertInto('audit_events')
    .values({
      clinic_id: caller.clinicId,
      actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      patient_id: entry.patientId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** Many audit rows in one INSERT … SELECT FROM unnest (group-committed device messages); the rows audit() writes. */
export async function auditMany(
  tx: Tx,
  clinicId: string,
  entries: readonly (AuditEntry & { actor: string })[],
): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  const column = <T>(f: (e: (typeof entries)[number]) => T): T[] => entries.map(f);
  await sql`
    insert into audit_events (clinic_id, actor, action, entity, entity_id, patient_id, detail)
    select ${clinicId}::uuid, e.actor, e.action, e.entity, e.entity_id, e.patient_id, e.detail::jsonb
    from unnest(
      ${column((e) => e.actor)}::text[], ${column((e) => e.action)}::text[], ${column((e) => e.entity)}::text[],
      ${column((e) => e.entityId ?? null)}::text[], ${column((e) => e.patientId ?? null)}::uuid[],
      ${column((e) => JSON.stringify(e.detail ?? {}))}::text[]
    ) as e(actor, action, entity, entity_id, patient_id, detail)`.execute(tx);
}
