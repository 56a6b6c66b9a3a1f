// Builders shared by the ledger's tests (not used by the application).
import { record } from './admit.ts';
import { addContainer, emptyLedger } from './state.ts';
import type { ContainerFacts, EntryKind, LedgerEntry, LedgerState } from './types.ts';

/** 10 mL of 50 mg/mL: 500 mg. */
export const FULL_VIAL_UG = 500_000;

export function vial(id: string, overrides: Partial<ContainerFacts> = {}): ContainerFacts {
  return {
    id,
    productId: 'ket50',
    locationId: 'main',
    capacityUg: FULL_VIAL_UG,
    mgPerMl: 50,
    expiresOn: '2027-01-31',
    ...overrides,
  };
}

/** 2026-03-02T09:00Z plus `minutes`. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 2, 2, 9, 0) + minutes * 60_000).toISOString();
}

/** An entry with neutral defaults: actor "nurse", no witness, no reason, at(seq). */
export function entry(seq: number, kind: EntryKind, fields: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    seq,
    kind,
    containerId: null,
    infusionId: null,
    quantityUg: 0,
    actorId: 'nurse',
    witnessId: null,
    occurredAt: at(seq),
    refersToSeq: null,
    toLocationId: null,
    reason: null,
    ...fields,
  };
}

/** Registers the containers and records the entries through every check; throws on a refusal. */
export function build(containers: readonly ContainerFacts[], entries: readonly LedgerEntry[]): LedgerState {
  let state = containers.reduce(addContainer, emptyLedger());
  for (const e of entries) {
    const result = record(state, e);
    if (!result.ok) {
      throw new Error(
        `entry #${e.seq} (${e.kind}) refused: ${result.refusal.code}: ${result.refusal.message}`,
      );
    }
    state = result.state;
  }
  return state;
}
