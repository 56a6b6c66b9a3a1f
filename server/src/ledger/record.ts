import { randomUUID } from 'node:crypto';
import type {
  ContainerFacts,
  EntryKind,
  LedgerEntry,
  LedgerRefusal,
  LedgerState,
} from '@openkap/domain/ledger/types';
import { ledgerState, applyEntry } from '@openkap/domain/ledger/state';
import { admit } from '@openkap/domain/ledger/admit';
import { effectOf } from '@openkap/domain/ledger/effects';
import { lateEntryRefusal } from '@openkap/domain/ledger/late-entry';
import type { Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { AppError, refused } from '../http/errors.ts';
import { clinicDay } from '../clinic-day.ts';
import { chainDrafts, type EntryDraft } from './chain.ts';
import * as store from './store.ts';

export function containerFacts(c: store.ContainerRow): ContainerFacts {
  return {
    id: c.id,
    productId: c.product_id,
    locationId: c.location_id,
    capacityUg: Number(c.capacity_ug),
    mgPerMl: Number(c.mg_per_ml),
    expiresOn: c.expires_on,
  };
}

export function domainEntry(r: store.EntryRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    kind: r.kind as EntryKind,
    containerId: r.container_id,
    infusionId: r.infusion_id,
    quantityUg: Number(r.quantity_ug),
    actorId: r.actor_id,
    witnessId: r.witness_id,
    occurredAt: new Date(r.occurred_at).toISOString(),
    refersToSeq: r.refers_to_seq == null ? null : Number(r.refers_to_seq),
    toLocationId: r.to_location_id,
    reason: r.reason,
  };
}

/** The part of the ledger these containers, infusions and entries stand in, replayed. */
export async function stateAround(
  tx: Tx,
  q: { containerIds?: readonly string[]; infusionIds?: readonly string[]; seqs?: readonly number[] },
): Promise<{ state: LedgerState; containers: Map<string, store.ContainerRow> }> {
  const entries = await store.entriesTouching(tx, q);
  const ids = new Set([...(q.containerIds ?? []), ...entries.flatMap((e) => e.container_id ?? [])]);
  const rows = await store.containersByIds(tx, [...ids]);
  return {
    state: ledgerState(rows.map(containerFacts), entries.map(domainEntry)),
    containers: new Map(rows.map((c) => [c.id, c])),
  };
}

/** What a service asks to write; the rest (seq, effect, hash) is worked out here. */
export interface EntrySpec {
  kind: EntryKind;
  locationId: string;
  containerId?: string | null;
  infusionId?: string | null;
  patientId?: string | null;
  quantityUg: number;
  witness?: { staffId: string; at: Date } | null;
  occurredAt: Date;
  refersToSeq?: number | null;
  toLocationId?: string | null;
  reason?: string | null;
  /** Why an entry dated past the clinic's back-dating limit is recorded late; kept in its details. */
  lateReason?: string | null | undefined;
  details?: Record<string, unknown>;
}

const refusalStatus: Partial<Record<LedgerRefusal['code'], number>> = {
  unknown_container: 404,
  unknown_entry: 404,
  invalid_quantity: 400,
  reason_required: 400,
  witness_required: 400,
  late_reason_required: 400,
  initial_inventory_required: 409,
};

export function refusalError(r: LedgerRefusal): AppError {
  const status = refusalStatus[r.code];
  return status ? new AppError(status, r.code, r.message) : refused(r.code, r.message);
}

/**
 * Appends entries to the clinic's chain, one rule check at a time: takes the chain lock, replays the
 * containers and infusions they touch, refuses the first entry a rule refuses (nothing is written),
 * then stores each with its balance effect and hash. Runs inside the caller's clinic transaction.
 * With `backdateLimitDays` (the clinic's rule; the services pass it), an entry dated further back
 * than that needs a lateReason, which is kept in its (hashed) details.
 */
export async function recordEntries(
  tx: Tx,
  caller: Pick<Caller, 'clinicId' | 'staffId'>,
  specs: readonly EntrySpec[],
  opts: { timeZone: string; now: Date; backdateLimitDays?: number },
): Promise<store.EntryRow[]> {
  if (opts.backdateLimitDays !== undefined) {
    for (const s of specs) {
      const late = lateEntryRefusal({
        occurredAt: s.occurredAt.toISOString(),
        recordedAt: opts.now.toISOString(),
        limitDays: opts.backdateLimitDays,
        lateReason: s.lateReason,
      });
      if (late) {
        throw refusalError(late);
      }
    }
  }
  const head = await store.lockChainHead(tx, caller.clinicId);
  let { state } = await stateAround(tx, {
    containerIds: specs.flatMap((s) => s.containerId ?? []),
    infusionIds: specs.flatMap((s) => s.infusionId ?? []),
    seqs: specs.flatMap((s) => s.refersToSeq ?? []),
  });
  // A correction reverses an entry: everything that entry touched must be in the replay too.
  const corrected = specs.flatMap((s) =>
    s.kind === 'correction' && s.refersToSeq != null ? [s.refersToSeq] : [],
  );
  if (corrected.length > 0) {
    const targets = await store.entriesTouching(tx, { seqs: corrected });
    ({ state } = await stateAround(tx, {
      containerIds: [
        ...specs.flatMap((s) => s.containerId ?? []),
        ...targets.flatMap((t) => t.container_id ?? []),
      ],
      infusionIds: [
        ...specs.flatMap((s) => s.infusionId ?? []),
        ...targets.flatMap((t) => t.infusion_id ?? []),
      ],
      seqs: corrected,
    }));
  }
  const drafts: EntryDraft[] = [];
  specs.forEach((s, i) => {
    const entry: LedgerEntry = {
      seq: head.seq + i + 1,
      kind: s.kind,
      containerId: s.containerId ?? null,
      infusionId: s.infusionId ?? null,
      quantityUg: s.quantityUg,
      actorId: caller.staffId,
      witnessId: s.witness?.staffId ?? null,
      occurredAt: s.occurredAt.toISOString(),
      refersToSeq: s.refersToSeq ?? null,
      toLocationId: s.toLocationId ?? null,
      reason: s.reason ?? null,
    };
    const refusal = admit(state, entry, clinicDay(s.occurredAt, opts.timeZone));
    if (refusal) {
      throw refusalError(refusal);
    }
    const effect = effectOf(entry, state);
    state = applyEntry(state, entry);
    drafts.push({
      id: randomUUID(),
      clinic_id: caller.clinicId,
      kind: s.kind,
      location_id: s.locationId,
      container_id: entry.containerId,
      infusion_id: entry.infusionId,
      patient_id: s.patientId ?? null,
      quantity_ug: s.quantityUg,
      container_delta_ug: effect.containerDeltaUg,
      drawn_delta_ug: effect.drawnDeltaUg,
      actor_id: caller.staffId,
      witness_id: entry.witnessId,
      witnessed_at: s.witness ? s.witness.at : null,
      occurred_at: s.occurredAt,
      recorded_at: opts.now,
      refers_to_seq: entry.refersToSeq,
      to_location_id: entry.toLocationId,
      reason: entry.reason,
      details: s.lateReason?.trim() ? { ...s.details, lateReason: s.lateReason.trim() } : (s.details ?? {}),
    });
  });
  const chained = chainDrafts(head, drafts);
  await store.insertEntries(
    tx,
    chained.map((c) => c.insert),
  );
  return chained.map((c) => c.row);
}
