import { createHash } from 'node:crypto';
import { chainInput } from '@openkap/domain/ledger/canonical';
import type { EntryRow, NewEntryRow } from './store.ts';

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

/**
 * Everything an entry says, as hashed: every stored column but the hash itself (prev_hash is the
 * chain link in chainInput). Built the same way when writing and when verifying, from the row.
 */
export function hashedContent(row: Omit<EntryRow, 'hash' | 'prev_hash'>): Record<string, unknown> {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    seq: Number(row.seq),
    kind: row.kind,
    locationId: row.location_id,
    containerId: row.container_id,
    infusionId: row.infusion_id,
    patientId: row.patient_id,
    quantityUg: Number(row.quantity_ug),
    containerDeltaUg: Number(row.container_delta_ug),
    drawnDeltaUg: Number(row.drawn_delta_ug),
    actorId: row.actor_id,
    witnessId: row.witness_id,
    witnessedAt: iso(row.witnessed_at),
    occurredAt: iso(row.occurred_at),
    recordedAt: iso(row.recorded_at),
    refersToSeq: row.refers_to_seq == null ? null : Number(row.refers_to_seq),
    toLocationId: row.to_location_id,
    reason: row.reason,
    details: row.details,
  };
}

export function entryHash(prevHash: string, row: Omit<EntryRow, 'hash' | 'prev_hash'>): string {
  return createHash('sha256')
    .update(chainInput(prevHash, hashedContent(row)))
    .digest('hex');
}

export interface EntryDraft {
  id: string;
  clinic_id: string;
  kind: string;
  location_id: string;
  container_id?: string | null;
  infusion_id?: string | null;
  patient_id?: string | null;
  quantity_ug: number;
  container_delta_ug: number;
  drawn_delta_ug: number;
  actor_id: string;
  witness_id?: string | null;
  witnessed_at?: Date | null;
  occurred_at: Date;
  recorded_at: Date;
  refers_to_seq?: number | null;
  to_location_id?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Numbers and links a batch of drafts after the head, each hashed over the one before. */
export function chainDrafts(
  head: { seq: number; hash: string },
  drafts: readonly EntryDraft[],
): { insert: NewEntryRow; row: EntryRow }[] {
  let { seq, hash } = head;
  return drafts.map((d) => {
    seq += 1;
    const row = {
      id: d.id,
      clinic_id: d.clinic_id,
      seq,
      kind: d.kind,
      location_id: d.location_id,
      container_id: d.container_id ?? null,
      infusion_id: d.infusion_id ?? null,
      patient_id: d.patient_id ?? null,
      quantity_ug: d.quantity_ug,
      container_delta_ug: d.container_delta_ug,
      drawn_delta_ug: d.drawn_delta_ug,
      actor_id: d.actor_id,
      witness_id: d.witness_id ?? null,
      // Millisecond instants: what JavaScript hashes is exactly what PostgreSQL keeps.
      witnessed_at: d.witnessed_at ?? null,
      occurred_at: d.occurred_at,
      recorded_at: d.recorded_at,
      refers_to_seq: d.refers_to_seq ?? null,
      to_location_id: d.to_location_id ?? null,
      reason: d.reason ?? null,
      details: d.details ?? {},
    };
    const next = entryHash(hash, row);
    const linked = { prev_hash: hash, hash: next };
    hash = next;
    return {
      insert: { ...row, ...linked, details: JSON.stringify(row.details) },
      row: { ...row, ...linked },
    };
  });
}
