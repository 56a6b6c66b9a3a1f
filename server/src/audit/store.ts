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

/** Many audit rows in one statement (group-committed device messages); same rows as audit() writes. */
export async function auditMany(
  tx: Tx,
  clinicId: string,
  entries: readonly (AuditEntry & { actor: string })[],
): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await tx
    .insertInto('audit_events')
    .values(
      entries.map((e) => ({
        clinic_id: clinicId,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId ?? null,
        patient_id: e.patientId ?? null,
        detail: JSON.stringify(e.detail ?? {}),
      })),
    )
    .execute();
}
