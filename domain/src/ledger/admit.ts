import { DomainError } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { movementOf } from './effects.ts';
import { holdingOf } from './holding.ts';
import { applyEntry } from './state.ts';
import type { ContainerBalance, EntryKind, LedgerEntry, LedgerRefusal, LedgerState } from './types.ts';
import { formatMg } from './units.ts';

/**
 * The rules a NEW ledger entry must pass before it is written. Stored entries are replayed without
 * them (state.ts). Checks run in this order, and the first failure is the answer: the amount, the
 * witness, the reason, then what the entry names (container, infusion, earlier entry), then balances.
 *
 * Decisions:
 * - A transfer's quantityUg must equal the container's balance: the record states what moved, and a
 *   stale screen cannot record an amount that is not there.
 * - No balance below 0 and no container above its capacity, after any entry, corrections included.
 * - A correction repeats the containerId, infusionId and quantityUg of the entry it reverses (the
 *   server stores its effect on the same rows). A transfer is corrected only while the container is
 *   still where it was sent; it then goes back to where it was.
 * - An adjust may name (refersToSeq) the count of the same container it reconciles.
 * - The state must hold what the rules read: the container, the infusion's earlier entries, and
 *   for a correction the entry it reverses.
 *
 * Malformed input that a schema should have stopped (duplicate seq, unparseable dates) throws a
 * DomainError; a refusal is a normal answer the nurse can act on.
 */

type Code = LedgerRefusal['code'];

function refuse(code: Code, message: string): LedgerRefusal {
  return { code, message };
}

/**
 * Witnessed: waste (federal rules are silent; states and DEA auditors expect it, domain.md §4),
 * disposal (the DEA Form 41 record names witnesses) and counts (a count nobody checked proves little).
 */
const witnessed: ReadonlySet<EntryKind> = new Set<EntryKind>(['waste', 'dispose', 'count']);
/** Entries that change the record without a dispensing event must say why. */
const reasoned: ReadonlySet<EntryKind> = new Set<EntryKind>([
  'adjust',
  'correction',
  'loss',
  'dispose',
  // The written reasoning of a significant-loss review (21 CFR 1301.76(b)(1)–(6)).
  'loss_review',
]);

const kindLabel: Record<EntryKind, string> = {
  receive: 'A receipt',
  draw: 'A draw',
  administer: 'An administration',
  waste: 'Wasting',
  return: 'A return',
  transfer: 'A transfer',
  dispose: 'A disposal',
  loss: 'A loss',
  adjust: 'An adjustment',
  count: 'A count',
  correction: 'A correction',
  dea_notice: 'A DEA notice',
  loss_review: 'A significant-loss review',
};

function blank(value: string | null): boolean {
  return value === null || value.trim() === '';
}

function checkQuantity(entry: LedgerEntry): LedgerRefusal | null {
  const q = entry.quantityUg;
  if (!Number.isSafeInteger(q)) {
    return refuse('invalid_quantity', 'The amount must be a whole number of micrograms.');
  }
  switch (entry.kind) {
    case 'adjust':
      return q === 0 ? refuse('invalid_quantity', 'An adjustment must add or remove some amount.') : null;
    case 'count':
      return q < 0 ? refuse('invalid_quantity', 'A counted amount cannot be below 0 mg.') : null;
    case 'transfer':
    case 'correction':
    case 'dea_notice':
    case 'loss_review':
      // Checked against the container's balance / the entry referred to, below.
      return null;
    default:
      return q <= 0 ? refuse('invalid_quantity', 'The amount must be more than 0 mg.') : null;
  }
}

function checkPeople(entry: LedgerEntry): LedgerRefusal | null {
  if (witnessed.has(entry.kind) && blank(entry.witnessId)) {
    return refuse(
      'witness_required',
      `${kindLabel[entry.kind]} must be witnessed by a second member of staff.`,
    );
  }
  if (entry.witnessId !== null && entry.witnessId === entry.actorId) {
    return refuse('self_witness', 'The witness must be someone other than the person recording the entry.');
  }
  if (reasoned.has(entry.kind) && blank(entry.reason)) {
    return refuse('reason_required', `${kindLabel[entry.kind]} needs a reason.`);
  }
  return null;
}

function containerOf(state: LedgerState, entry: LedgerEntry): ContainerBalance | LedgerRefusal {
  const container = entry.containerId === null ? undefined : state.containers[entry.containerId];
  if (!container) {
    return entry.kind === 'receive'
      ? refuse('unknown_container', 'This vial is not registered; register it before recording its receipt.')
      : refuse('unknown_container', 'This vial is not in the ledger.');
  }
  return container;
}

function isRefusal(value: ContainerBalance | LedgerRefusal): value is LedgerRefusal {
  return 'code' in value;
}

function overCapacity(container: ContainerBalance, addUg: number): LedgerRefusal | null {
  if (container.balanceUg + addUg <= container.capacityUg) {
    return null;
  }
  return refuse(
    'over_capacity',
    `The vial holds ${formatMg(container.balanceUg)} and takes at most ${formatMg(container.capacityUg)}; ` +
      `adding ${formatMg(addUg)} would exceed it.`,
  );
}

/**
 * The clinic-local calendar day of the entry. `today` is that day as the server computed it in the
 * clinic's time zone; without it, occurredAt's own date part is used, which is right when the server
 * writes occurredAt with the clinic's UTC offset (2026-03-01T18:30:00-05:00), not in UTC.
 */
function entryDay(entry: LedgerEntry, today: string | undefined): string {
  const day = today ?? entry.occurredAt.slice(0, 10);
  isoDateToDay(day);
  return day;
}

/**
 * null when `entry` may be recorded next, else why not. `today` is the clinic-local day
 * (yyyy-mm-dd) on which the entry happened, for the expiry check; see entryDay.
 */
export function admit(state: LedgerState, entry: LedgerEntry, today?: string): LedgerRefusal | null {
  if (!Number.isSafeInteger(entry.seq) || entry.seq <= 0) {
    throw new DomainError('invalid_input', 'seq must be a positive whole number', { seq: entry.seq });
  }
  if (state.entries[entry.seq]) {
    throw new DomainError('invalid_input', `entry #${entry.seq} is already in the ledger`, {
      seq: entry.seq,
    });
  }
  if (Number.isNaN(Date.parse(entry.occurredAt))) {
    throw new DomainError('invalid_date', `"${entry.occurredAt}" is not an ISO 8601 date-time`, {
      occurredAt: entry.occurredAt,
    });
  }
  return (
    checkQuantity(entry) ??
    checkPeople(entry) ??
    checkBeforeReceipt(state, entry) ??
    checkKind(state, entry, today)
  );
}

/**
 * Nothing can happen to a vial before it arrived: the ledger keeps actual dates (21 CFR 1304.21(d)),
 * so an entry back-dated before the vial's receipt is a wrong date, not a late one.
 */
function checkBeforeReceipt(state: LedgerState, entry: LedgerEntry): LedgerRefusal | null {
  if (entry.kind === 'receive' || entry.containerId === null) {
    return null;
  }
  const receivedAt = state.containers[entry.containerId]?.receivedAt;
  if (receivedAt === undefined || Date.parse(entry.occurredAt) >= Date.parse(receivedAt)) {
    return null;
  }
  return refuse(
    'before_receipt',
    `${kindLabel[entry.kind]} cannot be dated before the vial was received; check the date and time.`,
  );
}

function checkKind(state: LedgerState, entry: LedgerEntry, today: string | undefined): LedgerRefusal | null {
  const q = entry.quantityUg;
  switch (entry.kind) {
    case 'receive': {
      const c = containerOf(state, entry);
      return isRefusal(c) ? c : overCapacity(c, q);
    }
    case 'draw': {
      const c = containerOf(state, entry);
      if (isRefusal(c)) {
        return c;
      }
      if (entry.infusionId === null) {
        return refuse('unknown_infusion', 'A draw must name the infusion it is for.');
      }
      const day = entryDay(entry, today);
      // Same-format yyyy-mm-dd strings compare as dates; the vial is usable through its expiry day.
      if (day > c.expiresOn) {
        return refuse(
          'container_expired',
          `This vial expired on ${c.expiresOn} and cannot be drawn from on ${day}; set it aside for disposal.`,
        );
      }
      if (q > c.balanceUg) {
        return refuse(
          'overdraw',
          `The vial holds ${formatMg(c.balanceUg)}; ${formatMg(q)} cannot be drawn from it.`,
        );
      }
      return null;
    }
    case 'administer':
    case 'waste':
      return checkHeld(state, entry, entry.kind === 'administer' ? 'given' : 'wasted');
    case 'return':
      return checkReturn(state, entry);
    case 'transfer': {
      const c = containerOf(state, entry);
      if (isRefusal(c)) {
        return c;
      }
      if (entry.toLocationId === null || entry.toLocationId === c.locationId) {
        return refuse('same_location', 'A transfer must name a location other than where the vial is now.');
      }
      // The whole container moves; the recorded quantity must be what the ledger says it holds, so a
      // stale screen cannot record a transfer of an amount that is not there.
      if (q !== c.balanceUg) {
        return refuse(
          'invalid_quantity',
          `The vial holds ${formatMg(c.balanceUg)}; a transfer moves the whole vial, so record ${formatMg(c.balanceUg)}.`,
        );
      }
      return null;
    }
    case 'dispose':
    case 'loss': {
      const c = containerOf(state, entry);
      if (isRefusal(c)) {
        return c;
      }
      if (q > c.balanceUg) {
        const what = entry.kind === 'dispose' ? 'disposed of' : 'recorded as lost';
        return refuse(
          'overdraw',
          `The vial holds ${formatMg(c.balanceUg)}; ${formatMg(q)} cannot be ${what}.`,
        );
      }
      return null;
    }
    case 'adjust':
      return checkAdjust(state, entry);
    case 'count': {
      // An inventory of a location with nothing on hand is still taken and signed (21 CFR 1304.11(b):
      // "a zero inventory"): one count naming no vial, of 0 mg.
      if (entry.containerId === null) {
        return entry.quantityUg === 0
          ? null
          : refuse('invalid_quantity', 'A count naming no vial records that nothing is on hand: 0 mg.');
      }
      const c = containerOf(state, entry);
      return isRefusal(c) ? c : null;
    }
    case 'correction':
      return checkCorrection(state, entry);
    case 'dea_notice':
    case 'loss_review':
      return checkFollowUp(state, entry);
  }
}

/**
 * A DEA notice follows up a loss entry or a negative adjustment (a count that found drug missing); a
 * significant-loss review follows up a negative adjustment (a loss entry is already reported as a
 * theft or significant loss). Each names its entry's vial and amount, comes after it, and is recorded
 * once (a corrected one may be recorded anew).
 */
function checkFollowUp(state: LedgerState, entry: LedgerEntry): LedgerRefusal | null {
  const ref = entry.refersToSeq;
  const target = ref === null || ref >= entry.seq ? undefined : state.entries[ref];
  if (ref === null || !target) {
    return refuse(
      'unknown_entry',
      ref === null
        ? `${kindLabel[entry.kind]} must name the loss or adjustment it follows up.`
        : `There is no entry #${ref} to follow up.`,
    );
  }
  const missing = target.kind === 'adjust' && target.quantityUg < 0;
  if (entry.kind === 'loss_review' ? !missing : !(missing || target.kind === 'loss')) {
    return refuse(
      'not_a_loss',
      entry.kind === 'loss_review'
        ? `Entry #${ref} is not an adjustment that found drug missing; only those are reviewed.`
        : `Entry #${ref} records no theft or loss.`,
    );
  }
  if (state.corrected[ref]) {
    return refuse('already_corrected', `Entry #${ref} has been corrected: nothing was lost by it.`);
  }
  if (entry.containerId !== target.containerId) {
    return refuse('not_a_loss', `${kindLabel[entry.kind]} must name the vial of entry #${ref}.`);
  }
  const lostUg = Math.abs(target.quantityUg);
  if (entry.quantityUg !== lostUg) {
    return refuse('invalid_quantity', `Entry #${ref} lost ${formatMg(lostUg)}; record that amount.`);
  }
  if (Date.parse(entry.occurredAt) < Date.parse(target.occurredAt)) {
    return refuse(
      'before_discovery',
      `${kindLabel[entry.kind]} cannot be dated before the loss it follows up was discovered (entry #${ref}).`,
    );
  }
  const done = Object.values(state.entries).some(
    (e) => e.kind === entry.kind && e.refersToSeq === ref && !state.corrected[e.seq],
  );
  if (done) {
    return entry.kind === 'dea_notice'
      ? refuse('already_noticed', `The DEA notice for entry #${ref} is already recorded.`)
      : refuse('already_reviewed', `Entry #${ref} has already been reviewed.`);
  }
  return null;
}

function checkHeld(state: LedgerState, entry: LedgerEntry, verb: string): LedgerRefusal | null {
  if (entry.infusionId === null) {
    return refuse('unknown_infusion', `${kindLabel[entry.kind]} must name the infusion.`);
  }
  const held = holdingOf(state, entry.infusionId).heldUg;
  if (entry.quantityUg > held) {
    return refuse(
      'exceeds_held',
      held === 0
        ? `Nothing drawn for this infusion is left to account for; ${formatMg(entry.quantityUg)} cannot be ${verb}.`
        : `This infusion has ${formatMg(held)} drawn and not yet accounted for; ` +
            `${formatMg(entry.quantityUg)} cannot be ${verb}.`,
    );
  }
  return null;
}

function checkReturn(state: LedgerState, entry: LedgerEntry): LedgerRefusal | null {
  const c = containerOf(state, entry);
  if (isRefusal(c)) {
    return c;
  }
  const heldRefusal = checkHeld(state, entry, 'returned');
  if (heldRefusal || entry.infusionId === null) {
    return heldRefusal;
  }
  const net = holdingOf(state, entry.infusionId).netByContainer[c.id] ?? 0;
  if (net <= 0) {
    return refuse(
      'return_to_other_container',
      'Nothing was drawn from this vial for this infusion; return drug only to the vial it came from.',
    );
  }
  if (entry.quantityUg > net) {
    return refuse(
      'return_to_other_container',
      `Only ${formatMg(net)} was drawn from this vial for this infusion; ` +
        `${formatMg(entry.quantityUg)} cannot be returned to it.`,
    );
  }
  return overCapacity(c, entry.quantityUg);
}

function checkAdjust(state: LedgerState, entry: LedgerEntry): LedgerRefusal | null {
  const c = containerOf(state, entry);
  if (isRefusal(c)) {
    return c;
  }
  if (entry.refersToSeq !== null) {
    const count = state.entries[entry.refersToSeq];
    if (!count || count.kind !== 'count' || count.containerId !== c.id) {
      return refuse('unknown_entry', `Entry #${entry.refersToSeq} is not a count of this vial.`);
    }
  }
  if (c.balanceUg + entry.quantityUg < 0) {
    return refuse(
      'overdraw',
      `The vial holds ${formatMg(c.balanceUg)}; removing ${formatMg(-entry.quantityUg)} would leave less than nothing.`,
    );
  }
  return overCapacity(c, entry.quantityUg);
}

function checkCorrection(state: LedgerState, entry: LedgerEntry): LedgerRefusal | null {
  const ref = entry.refersToSeq;
  const original = ref === null || ref >= entry.seq ? undefined : state.entries[ref];
  if (ref === null || !original) {
    return refuse(
      'unknown_entry',
      ref === null
        ? 'A correction must name the entry it reverses.'
        : `There is no entry #${ref} to correct.`,
    );
  }
  if (original.kind === 'count' || original.kind === 'correction') {
    return refuse(
      'not_correctable',
      original.kind === 'count'
        ? `Entry #${ref} is a count; record a new count instead.`
        : `Entry #${ref} is itself a correction; record the right entry anew instead.`,
    );
  }
  if (state.corrected[ref]) {
    return refuse('already_corrected', `Entry #${ref} has already been corrected.`);
  }
  if (entry.quantityUg !== original.quantityUg) {
    return refuse(
      'invalid_quantity',
      `A correction reverses entry #${ref} in full: ${formatMg(original.quantityUg)}.`,
    );
  }
  // The stored effect of the correction is summed per container and infusion in SQL, so it must
  // sit on the same rows as the entry it cancels.
  if (entry.containerId !== original.containerId || entry.infusionId !== original.infusionId) {
    return refuse('not_correctable', `A correction must name the same vial and infusion as entry #${ref}.`);
  }
  if (original.kind === 'transfer') {
    const c = containerOf(state, original);
    if (isRefusal(c)) {
      return c;
    }
    const back = state.locationBeforeTransfer?.[ref];
    if (back === undefined) {
      return refuse(
        'not_correctable',
        `Where the vial was before entry #${ref} is not known; it cannot be moved back.`,
      );
    }
    if (c.locationId !== original.toLocationId) {
      return refuse(
        'not_correctable',
        `The vial has moved again since entry #${ref}; correct the later transfer first.`,
      );
    }
    return null;
  }
  return checkReversal(state, entry, ref);
}

/** Reversing must leave every balance and holding it touches between 0 and the vial's capacity. */
function checkReversal(state: LedgerState, entry: LedgerEntry, ref: number): LedgerRefusal | null {
  const m = movementOf(entry, state);
  if (m.containerId !== null && m.containerUg !== 0) {
    const c = state.containers[m.containerId];
    if (!c) {
      return refuse('unknown_container', 'This vial is not in the ledger.');
    }
    const after = c.balanceUg + m.containerUg;
    if (after < 0) {
      return refuse(
        'negative_after_correction',
        `The vial now holds ${formatMg(c.balanceUg)}; reversing entry #${ref} would take ` +
          `${formatMg(-m.containerUg)} from it. Correct the later entries first.`,
      );
    }
    const capacity = overCapacity(c, m.containerUg);
    if (capacity) {
      return capacity;
    }
  }
  if (m.infusionId !== null) {
    const h = holdingOf(state, m.infusionId);
    const net = m.containerId === null ? 0 : (h.netByContainer[m.containerId] ?? 0);
    const negative =
      h.heldUg + m.heldUg < 0 ||
      h.drawnUg + m.drawnUg < 0 ||
      h.administeredUg + m.administeredUg < 0 ||
      h.wastedUg + m.wastedUg < 0 ||
      h.returnedUg + m.returnedUg < 0 ||
      net + m.netUg < 0;
    if (negative) {
      return refuse(
        'negative_after_correction',
        `This infusion has ${formatMg(h.heldUg)} drawn and not yet accounted for; reversing entry #${ref} ` +
          'would leave its record below zero. Correct the later entries first.',
      );
    }
  }
  return null;
}

export type RecordResult = { ok: true; state: LedgerState } | { ok: false; refusal: LedgerRefusal };

/** admit, then apply: the one way a new entry enters the state. */
export function record(state: LedgerState, entry: LedgerEntry, today?: string): RecordResult {
  const refusal = admit(state, entry, today);
  return refusal ? { ok: false, refusal } : { ok: true, state: applyEntry(state, entry) };
}
