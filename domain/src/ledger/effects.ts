import type { EntryEffect, LedgerEntry, LedgerState } from './types.ts';

/**
 * Everything one entry changes. `effectOf`, `applyEntry` and `admit` all read this one function, so
 * the stored effect, the replayed balance and the check before writing cannot disagree.
 */
export interface Movement {
  /** The container whose balance or location changes (null for administer and waste). */
  containerId: string | null;
  /** The infusion whose holding changes (null for stock movements). */
  infusionId: string | null;
  containerUg: number;
  /** Drawn and not yet accounted for: EntryEffect.drawnDeltaUg. */
  heldUg: number;
  drawnUg: number;
  administeredUg: number;
  wastedUg: number;
  returnedUg: number;
  /** Change to the infusion's netByContainer[containerId]. */
  netUg: number;
  /** The container's new location (transfer, or a corrected transfer moving it back). */
  moveTo: string | null;
}

const none: Movement = {
  containerId: null,
  infusionId: null,
  containerUg: 0,
  heldUg: 0,
  drawnUg: 0,
  administeredUg: 0,
  wastedUg: 0,
  returnedUg: 0,
  netUg: 0,
  moveTo: null,
};

/** −x without producing −0, so a corrected entry's effect compares equal to a fresh zero. */
function neg(x: number): number {
  return x === 0 ? 0 : -x;
}

export function movementOf(entry: LedgerEntry, state: LedgerState): Movement {
  const q = entry.quantityUg;
  const c = entry.containerId;
  const i = entry.infusionId;
  switch (entry.kind) {
    case 'receive':
      return { ...none, containerId: c, containerUg: q };
    case 'draw':
      return { ...none, containerId: c, infusionId: i, containerUg: neg(q), heldUg: q, drawnUg: q, netUg: q };
    case 'administer':
      return { ...none, infusionId: i, heldUg: neg(q), administeredUg: q };
    case 'waste':
      return { ...none, infusionId: i, heldUg: neg(q), wastedUg: q };
    case 'return':
      return {
        ...none,
        containerId: c,
        infusionId: i,
        containerUg: q,
        heldUg: neg(q),
        returnedUg: q,
        netUg: neg(q),
      };
    case 'transfer':
      // The whole container moves; its balance does not change (1304.22: the transfer is recorded).
      return { ...none, containerId: c, moveTo: entry.toLocationId };
    case 'dispose':
    case 'loss':
      return { ...none, containerId: c, containerUg: neg(q) };
    case 'adjust':
      return { ...none, containerId: c, containerUg: q };
    case 'count':
    case 'dea_notice':
    case 'loss_review':
      // A record about the vial that moves nothing.
      return { ...none, containerId: c };
    case 'correction':
      return correctionMovement(entry, state);
  }
}

/**
 * The exact reverse of the referenced entry. An entry whose original is not loaded (a partial
 * replay) or that names a count or correction moves nothing: `admit` refuses those for new entries,
 * and a replay must not throw on stored ones.
 */
function correctionMovement(entry: LedgerEntry, state: LedgerState): Movement {
  const original = entry.refersToSeq === null ? undefined : state.entries[entry.refersToSeq];
  if (!original || original.kind === 'correction' || original.kind === 'count') {
    return none;
  }
  const m = movementOf(original, state);
  return {
    containerId: m.containerId,
    infusionId: m.infusionId,
    containerUg: neg(m.containerUg),
    heldUg: neg(m.heldUg),
    drawnUg: neg(m.drawnUg),
    administeredUg: neg(m.administeredUg),
    wastedUg: neg(m.wastedUg),
    returnedUg: neg(m.returnedUg),
    netUg: neg(m.netUg),
    moveTo: original.kind === 'transfer' ? (state.locationBeforeTransfer?.[original.seq] ?? null) : null,
  };
}

/**
 * What an entry does to balances, for the server to store beside it so SQL can sum balances.
 * A correction is the exact negation of the entry it reverses (read from `state.entries`).
 */
export function effectOf(entry: LedgerEntry, state: LedgerState): EntryEffect {
  const m = movementOf(entry, state);
  return { containerDeltaUg: m.containerUg, drawnDeltaUg: m.heldUg };
}
