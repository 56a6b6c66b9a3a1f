import { DomainError } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { movementOf } from './effects.ts';
import type { ContainerBalance, ContainerFacts, InfusionHolding, LedgerEntry, LedgerState } from './types.ts';

/**
 * Balances are never stored as truth: they are the replay of the entries (the record 21 CFR 1304.21
 * asks for). Replay trusts what is stored and checks nothing; `admit` checks new entries.
 */

export function emptyLedger(): LedgerState {
  return { containers: {}, infusions: {}, corrected: {}, entries: {}, locationBeforeTransfer: {} };
}

export function zeroHolding(): InfusionHolding {
  return { drawnUg: 0, administeredUg: 0, wastedUg: 0, returnedUg: 0, heldUg: 0, netByContainer: {} };
}

function balanceOf(facts: ContainerFacts): ContainerBalance {
  return { ...facts, balanceUg: 0 };
}

/**
 * Registers a container (empty until its receive entry) so that a new receive can be admitted.
 * `locationId` is where it is received; transfers move it from there.
 */
export function addContainer(state: LedgerState, facts: ContainerFacts): LedgerState {
  if (state.containers[facts.id]) {
    throw new DomainError('invalid_input', `container ${facts.id} is already in the ledger`, {
      id: facts.id,
    });
  }
  if (!Number.isSafeInteger(facts.capacityUg) || facts.capacityUg <= 0) {
    throw new DomainError('invalid_input', 'capacityUg must be a whole number of µg above 0', {
      field: 'capacityUg',
      value: facts.capacityUg,
    });
  }
  if (!Number.isFinite(facts.mgPerMl) || facts.mgPerMl <= 0) {
    throw new DomainError('invalid_input', 'mgPerMl must be above 0', {
      field: 'mgPerMl',
      value: facts.mgPerMl,
    });
  }
  isoDateToDay(facts.expiresOn);
  return { ...state, containers: { ...state.containers, [facts.id]: balanceOf(facts) } };
}

type RecordKey = 'containers' | 'infusions' | 'corrected' | 'entries' | 'locationBeforeTransfer';

/**
 * The state being built and which of its records are already private copies. A replay owns every
 * record from the start (O(1) per entry); applyEntry copies a record only the first time it writes
 * to it, and replaces (never mutates) the container and holding objects it changes.
 */
interface Draft {
  state: LedgerState;
  owned: Set<RecordKey>;
}

function writable<K extends RecordKey>(draft: Draft, key: K): NonNullable<LedgerState[K]> {
  if (!draft.owned.has(key)) {
    const copy = { ...(draft.state[key] ?? {}) } as NonNullable<LedgerState[K]>;
    draft.state[key] = copy;
    draft.owned.add(key);
  }
  return draft.state[key] as NonNullable<LedgerState[K]>;
}

function applyInto(draft: Draft, entry: LedgerEntry): void {
  // Read the movement before recording the entry: a correction reads the state as it stood.
  const m = movementOf(entry, draft.state);
  writable(draft, 'entries')[entry.seq] = entry;
  if (entry.kind === 'correction' && entry.refersToSeq !== null) {
    writable(draft, 'corrected')[entry.refersToSeq] = true;
  }

  if (m.containerId !== null) {
    // A container that is not loaded (a partial replay) keeps its entry but has no balance to move.
    const container = draft.state.containers[m.containerId];
    if (container) {
      if (entry.kind === 'transfer') {
        writable(draft, 'locationBeforeTransfer')[entry.seq] = container.locationId;
      }
      const locationId = m.moveTo ?? container.locationId;
      // The latest receipt of the vial (a corrected receipt recorded anew replaces the first).
      const receivedAt = entry.kind === 'receive' ? entry.occurredAt : container.receivedAt;
      if (m.containerUg !== 0 || locationId !== container.locationId || receivedAt !== container.receivedAt) {
        writable(draft, 'containers')[m.containerId] = {
          ...container,
          balanceUg: container.balanceUg + m.containerUg,
          locationId,
          ...(receivedAt === undefined ? {} : { receivedAt }),
        };
      }
    }
  }

  if (m.infusionId !== null) {
    // Holdings appear with the first entry that names the infusion, wherever replay starts.
    const holding = draft.state.infusions[m.infusionId] ?? zeroHolding();
    let netByContainer = holding.netByContainer;
    if (m.containerId !== null && m.netUg !== 0) {
      const { [m.containerId]: before = 0, ...others } = netByContainer;
      const after = before + m.netUg;
      // A container fully returned to (or a corrected draw) drops out: nothing of it is held.
      netByContainer = after === 0 ? others : { ...others, [m.containerId]: after };
    }
    writable(draft, 'infusions')[m.infusionId] = {
      drawnUg: holding.drawnUg + m.drawnUg,
      administeredUg: holding.administeredUg + m.administeredUg,
      wastedUg: holding.wastedUg + m.wastedUg,
      returnedUg: holding.returnedUg + m.returnedUg,
      heldUg: holding.heldUg + m.heldUg,
      netByContainer,
    };
  }
}

/**
 * One entry applied without checks; `state` is left untouched. Copies only the records it writes
 * (shallowly): use `ledgerState` to replay many entries.
 */
export function applyEntry(state: LedgerState, entry: LedgerEntry): LedgerState {
  const draft: Draft = { state: { ...state }, owned: new Set() };
  applyInto(draft, entry);
  return draft.state;
}

/**
 * Trusted replay of stored entries in seq order, O(n). Accepts any subset of the ledger (the entries
 * of one container and one infusion, say): holdings are created as entries name them, and an entry
 * for a container not in `containers` is kept in `entries` without moving any balance. A correction
 * needs the entry it reverses in the same replay, or it reverses nothing.
 *
 * `containers[].locationId` must be where each container was received, not where it is now:
 * the replayed transfers move it.
 */
export function ledgerState(
  containers: readonly ContainerFacts[],
  entries: readonly LedgerEntry[],
): LedgerState {
  const state = emptyLedger();
  for (const facts of containers) {
    state.containers[facts.id] = balanceOf(facts);
  }
  const draft: Draft = {
    state,
    owned: new Set<RecordKey>(['containers', 'infusions', 'corrected', 'entries', 'locationBeforeTransfer']),
  };
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  for (const entry of ordered) {
    applyInto(draft, entry);
  }
  return state;
}
