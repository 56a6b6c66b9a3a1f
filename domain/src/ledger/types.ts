/**
 * The controlled-substance ledger for ketamine (Schedule III). What 21 CFR 1304.21/1304.22 asks a
 * practitioner to keep: every receipt, administration, waste, disposal, loss, with actual dates and
 * who did it; see ../shared/reference/domain.md §4.
 *
 * Quantities are whole micrograms (µg) so sums are exact: a 10 mL vial of 50 mg/mL holds 500,000 µg,
 * and 0.35 mL of it is exactly 17,500 µg. The UI shows mg and mL.
 */

export const entryKinds = [
  /** Containers arrive on an invoice (the receipt record for Schedule III). */
  'receive',
  /** Drug drawn from a container into a syringe or bag for one infusion. */
  'draw',
  /** Given to the patient: the infusion's recorded dose. */
  'administer',
  /** Drawn but not given, rendered non-retrievable, with a witness. */
  'waste',
  /** Drawn but not given, returned to the container it was drawn from. */
  'return',
  /** A whole container moved to another registered location. */
  'transfer',
  /** Stock destroyed or sent to a reverse distributor (DEA Form 41 data). */
  'dispose',
  /** Theft or significant loss (DEA Form 106 data). */
  'loss',
  /** A counted difference or a documented error, with a reason. */
  'adjust',
  /** A count of one container: daily, initial or biennial inventory. Moves nothing. */
  'count',
  /** Reverses one earlier entry exactly; the right entry is then recorded anew. */
  'correction',
  /**
   * The written notice of a theft or significant loss sent to the DEA Field Division (21 CFR
   * 1301.76(b)), for a loss or a negative adjustment. Moves nothing.
   */
  'dea_notice',
  /**
   * The registrant's judgement whether a negative adjustment is a significant loss, weighing
   * 21 CFR 1301.76(b)(1)–(6), with the written reasoning. Moves nothing.
   */
  'loss_review',
] as const;
export type EntryKind = (typeof entryKinds)[number];

/** The facts of a container that rules need; the rest (lot, NDC) is for records. */
export interface ContainerFacts {
  id: string;
  productId: string;
  locationId: string;
  /** Full contents as received, µg. */
  capacityUg: number;
  /** Strength, for mL ↔ µg. */
  mgPerMl: number;
  /** yyyy-mm-dd: the container may not be drawn from after this day. */
  expiresOn: string;
}

export type CountKind = 'daily' | 'initial' | 'biennial';

/**
 * One ledger entry as stored. `seq` is the clinic's running number (the hash chain's order).
 * Kind-specific facts live in `details` (see LedgerDetails); the fields here are what balances and
 * rules read.
 */
export interface LedgerEntry {
  seq: number;
  kind: EntryKind;
  /** The container moved or counted; null for administer and waste (they act on what was drawn). */
  containerId: string | null;
  /** The infusion for draw, administer, waste and return. */
  infusionId: string | null;
  /**
   * A non-negative amount in µg: moved (receive, draw, administer, waste, return, dispose, loss),
   * counted (count), or moved (transfer: the container's balance). For adjust, signed: + found, − missing.
   * For correction: the corrected entry's quantity. For dea_notice and loss_review: the amount lost
   * by the entry they follow up (positive).
   */
  quantityUg: number;
  /** Staff who did it (dispensing, wasting, counting). */
  actorId: string;
  /** Staff who re-authenticated to witness it; never the actor. */
  witnessId: string | null;
  /** The actual date and time it happened (1304.21(d)), ISO 8601. */
  occurredAt: string;
  /**
   * correction: the entry reversed. adjust: the count it reconciles, if any. dea_notice and
   * loss_review: the loss or adjustment they follow up.
   */
  refersToSeq: number | null;
  /** transfer: the destination location. */
  toLocationId: string | null;
  /** Required for adjust, correction, loss, dispose and loss_review. */
  reason: string | null;
}

/** What one entry does to balances: the server stores these so SQL can sum them. */
export interface EntryEffect {
  /** Change to the container's balance, µg. */
  containerDeltaUg: number;
  /** Change to the drug drawn and not yet reconciled for the infusion, µg. */
  drawnDeltaUg: number;
}

/** Where an infusion's drawn drug stands: drawn = administered + wasted + returned + held. */
export interface InfusionHolding {
  drawnUg: number;
  administeredUg: number;
  wastedUg: number;
  returnedUg: number;
  /** Still in the syringe or bag: must be 0 before the infusion closes. */
  heldUg: number;
  /** Drawn minus returned, per container: a return goes back only where it came from. */
  netByContainer: Record<string, number>;
}

export interface ContainerBalance extends ContainerFacts {
  balanceUg: number;
  /** Current location (after transfers). */
  locationId: string;
  /** When its receive entry says it arrived; nothing about it may be dated earlier. */
  receivedAt?: string;
}

export interface LedgerState {
  containers: Record<string, ContainerBalance>;
  infusions: Record<string, InfusionHolding>;
  /** Seqs already reversed by a correction (an entry is corrected at most once). */
  corrected: Record<number, true>;
  /** Every entry seen, by seq: corrections reverse them. */
  entries: Record<number, LedgerEntry>;
  /**
   * Transfer seq → the container's location just before that transfer, so that correcting it can
   * move the container back (a transfer entry names only the destination). Filled by applyEntry;
   * optional so that a hand-built state still type-checks (a transfer without it cannot be corrected).
   */
  locationBeforeTransfer?: Record<number, string>;
}

/** Why an entry is refused; the server answers 409/422 with it. */
export interface LedgerRefusal {
  code:
    | 'unknown_container'
    | 'unknown_infusion'
    | 'overdraw'
    | 'container_expired'
    | 'over_capacity'
    | 'exceeds_held'
    | 'return_to_other_container'
    | 'witness_required'
    | 'self_witness'
    | 'reason_required'
    | 'invalid_quantity'
    | 'unknown_entry'
    | 'already_corrected'
    | 'not_correctable'
    | 'same_location'
    | 'negative_after_correction'
    | 'before_receipt'
    | 'before_discovery'
    | 'not_a_loss'
    | 'already_noticed'
    | 'already_reviewed'
    | 'late_reason_required'
    | 'initial_inventory_required';
  message: string;
}
