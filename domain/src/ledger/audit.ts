import { DomainError } from '../errors.ts';
import type { ContainerFacts, LedgerEntry } from './types.ts';

/**
 * The accountability audit a DEA investigator runs for one drug product at one registered location
 * over a period: opening + received + transferred in − transferred out − administered − wasted −
 * disposed − lost ± adjusted = expected closing, set against what was counted (domain.md §4).
 *
 * Decisions:
 * - Periods are half-open [from, to) on occurredAt (the actual date, 21 CFR 1304.21(d)); entries are
 *   taken in occurredAt order (seq breaks ties), so a late-recorded entry counts when it happened.
 * - A correction takes effect when it is made and is counted, negatively, under the heading of the
 *   entry it reverses (voiding a receipt from last month shows as −500 mg received this month). An
 *   audit of a closed period therefore never changes afterwards, as an append-only record should
 *   not. A correction whose original is not among `entries` counts for nothing: pass the whole
 *   ledger up to `to`.
 * - Drug drawn and not yet given stays in the stock of the location (and product) of the vial it was
 *   drawn from until it is administered, wasted or returned. An infusion's administrations and waste
 *   use up its draws first-drawn first. Drug that crosses locations other than by a transfer (returned
 *   to a vial that has moved since the draw) is counted as transferred out of one and into the other.
 * - Entries for containers missing from `containers` are left out: their product and location are
 *   unknown.
 * - countedClosingUg is `inventoryAtEnd` when given (the whole closing inventory the caller counted,
 *   µg, including anything still drawn). Otherwise it comes from the count entries in the period:
 *   every container of the product at the location at `to` that holds drug (by the ledger) or was
 *   counted must have a count in the period after which nothing but an adjustment touched it; the
 *   counted amounts are summed with the drawn drug still held (a syringe is not counted). With no
 *   such count at all it is null. An adjustment made after a count explains the difference the count
 *   found, so it is part of expectedClosingUg.
 */

export interface AccountabilityQuery {
  containers: readonly ContainerFacts[];
  entries: readonly LedgerEntry[];
  locationId: string;
  productId: string;
  /** ISO 8601 instant, inclusive. */
  from: string;
  /** ISO 8601 instant, exclusive. */
  to: string;
  /** µg physically counted at `to`; overrides the count entries. */
  inventoryAtEnd?: number | null;
}

export interface Accountability {
  openingUg: number;
  receivedUg: number;
  transferredInUg: number;
  transferredOutUg: number;
  administeredUg: number;
  wastedUg: number;
  disposedUg: number;
  lostUg: number;
  /** Signed: + found, − missing. */
  adjustedUg: number;
  expectedClosingUg: number;
  /** The ledger at `to`: containers at the location plus drug drawn from them and still held. */
  closingUg: number;
  countedClosingUg: number | null;
  /** counted − expected. */
  differenceUg: number | null;
  /** A difference no entry explains (or, never expected, a ledger that does not add up). */
  unexplained: boolean;
}

function instant(value: string, field: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new DomainError('invalid_date', `${field} "${value}" is not an ISO 8601 date-time`, {
      field,
      value,
    });
  }
  return t;
}

type Heading = 'receivedUg' | 'administeredUg' | 'wastedUg' | 'disposedUg' | 'lostUg' | 'adjustedUg';

/** Headings that count what left the stock as a positive amount. */
const outgoing: ReadonlySet<Heading> = new Set<Heading>([
  'administeredUg',
  'wastedUg',
  'disposedUg',
  'lostUg',
]);

/** Drug drawn for one infusion from vials of one location and product. */
interface Bucket {
  infusionId: string;
  locationId: string | null;
  productId: string | null;
  ug: number;
  /** What was given or wasted out of it, so that it can be charged to another bucket instead. */
  used: { administeredUg: number; wastedUg: number };
}

/**
 * One change to one place where drug sits: a vial, or what an infusion holds. Changes without a
 * heading move drug within the stock (a draw, a return); if they do not cancel out within one
 * location and product, the rest crossed locations and is counted as transferred.
 */
type Flow =
  | { vial: string; ug: number; heading: Heading | null }
  | { bucket: Bucket; ug: number; heading: Heading | null }
  | { relocate: string; to: string };

/** What an entry did, kept so that a correction can undo exactly that. */
interface Done {
  flows: Flow[];
  /** A transfer: where the vial was before it. */
  from?: string;
}

/** Where `ug` is taken from, in order; what the buckets lack comes from `fallback` (a broken ledger). */
function portions(buckets: readonly Bucket[], ug: number, fallback: Bucket | undefined): [Bucket, number][] {
  const out: [Bucket, number][] = [];
  let left = ug;
  for (const bucket of buckets) {
    const part = Math.min(Math.max(bucket.ug, 0), left);
    if (part > 0) {
      out.push([bucket, part]);
      left -= part;
    }
  }
  if (left > 0 && fallback) {
    out.push([fallback, left]);
  }
  return out;
}

export function accountability(query: AccountabilityQuery): Accountability {
  const from = instant(query.from, 'from');
  const to = instant(query.to, 'to');
  if (to < from) {
    throw new DomainError('invalid_input', 'the period ends before it starts', {
      from: query.from,
      to: query.to,
    });
  }
  const { locationId, productId } = query;
  const facts = new Map(query.containers.map((c) => [c.id, c]));
  const location = new Map(query.containers.map((c) => [c.id, c.locationId]));
  const balance = new Map<string, number>();
  const held = new Map<string, Bucket[]>();
  const done = new Map<number, Done>();
  /** Last count in the period per container, and whether anything but an adjustment followed it. */
  const counts = new Map<string, { ug: number; current: boolean }>();
  const totals = {
    receivedUg: 0,
    transferredInUg: 0,
    transferredOutUg: 0,
    administeredUg: 0,
    wastedUg: 0,
    disposedUg: 0,
    lostUg: 0,
    adjustedUg: 0,
  };

  const isTarget = (loc: string | null | undefined, product: string | null | undefined): boolean =>
    loc === locationId && product === productId;

  const bucketFor = (infusionId: string, loc: string | null, product: string | null): Bucket => {
    const list = held.get(infusionId) ?? [];
    held.set(infusionId, list);
    let bucket = list.find((b) => b.locationId === loc && b.productId === product);
    if (!bucket) {
      bucket = {
        infusionId,
        locationId: loc,
        productId: product,
        ug: 0,
        used: { administeredUg: 0, wastedUg: 0 },
      };
      list.push(bucket);
    }
    return bucket;
  };

  const heldHere = (): number => {
    let total = 0;
    for (const list of held.values()) {
      for (const b of list) {
        total += isTarget(b.locationId, b.productId) ? b.ug : 0;
      }
    }
    return total;
  };
  const stock = (): number => {
    let total = heldHere();
    for (const [id, ug] of balance) {
      total += isTarget(location.get(id), facts.get(id)?.productId) ? ug : 0;
    }
    return total;
  };

  /** Applies one entry's flows in order; the period's headings count only what touches the target. */
  const apply = (flows: readonly Flow[], inPeriod: boolean, keepsCounts: boolean): void => {
    let crossing = 0;
    for (const flow of flows) {
      if ('relocate' in flow) {
        location.set(flow.relocate, flow.to);
        continue;
      }
      let target: boolean;
      if ('vial' in flow) {
        balance.set(flow.vial, (balance.get(flow.vial) ?? 0) + flow.ug);
        target = isTarget(location.get(flow.vial), facts.get(flow.vial)?.productId);
        const counted = counts.get(flow.vial);
        if (inPeriod && counted && !keepsCounts) {
          counted.current = false;
        }
      } else {
        flow.bucket.ug += flow.ug;
        if (flow.heading === 'administeredUg' || flow.heading === 'wastedUg') {
          flow.bucket.used[flow.heading] -= flow.ug;
        }
        target = isTarget(flow.bucket.locationId, flow.bucket.productId);
      }
      if (!target || !inPeriod) {
        continue;
      }
      if (flow.heading === null) {
        crossing += flow.ug;
      } else {
        totals[flow.heading] += outgoing.has(flow.heading) ? -flow.ug : flow.ug;
      }
    }
    if (crossing > 0) {
      totals.transferredInUg += crossing;
    } else if (crossing < 0) {
      totals.transferredOutUg -= crossing;
    }
  };

  /**
   * First-drawn-first is a guess: when drug later goes back to a vial (or a draw is corrected), the
   * bucket it leaves can come up short because its drug was charged to an administration that in fact
   * used another draw. Charge that administration (or waste) to the infusion's other draws instead.
   */
  const settle = (flows: readonly Flow[], inPeriod: boolean): void => {
    for (const flow of flows) {
      if (!('bucket' in flow) || flow.bucket.ug >= 0) {
        continue;
      }
      const short = flow.bucket;
      const fixes: Flow[] = [];
      let need = -short.ug;
      const used = { ...short.used };
      for (const other of held.get(short.infusionId) ?? []) {
        let spare = other === short ? 0 : other.ug;
        for (const heading of ['administeredUg', 'wastedUg'] as const) {
          const x = Math.min(need, spare, used[heading]);
          if (x > 0) {
            fixes.push({ bucket: short, ug: x, heading }, { bucket: other, ug: -x, heading });
            need -= x;
            spare -= x;
            used[heading] -= x;
          }
        }
      }
      apply(fixes, inPeriod, true);
    }
  };

  /** The flows of a new entry, worked out against the state before it. */
  const flowsOf = (entry: LedgerEntry): Done | undefined => {
    const q = entry.quantityUg;
    if (entry.kind === 'administer' || entry.kind === 'waste') {
      const list = entry.infusionId === null ? undefined : held.get(entry.infusionId);
      if (!list) {
        return undefined;
      }
      const heading = entry.kind === 'administer' ? 'administeredUg' : 'wastedUg';
      return { flows: portions(list, q, list[0]).map(([bucket, ug]) => ({ bucket, ug: -ug, heading })) };
    }
    const c = entry.containerId === null ? undefined : facts.get(entry.containerId);
    if (!c) {
      // An unknown vial's draws still feed the infusion, so that later administrations are not
      // charged to the wrong stock.
      return entry.kind === 'draw' && entry.infusionId !== null
        ? { flows: [{ bucket: bucketFor(entry.infusionId, null, null), ug: q, heading: null }] }
        : undefined;
    }
    const here = location.get(c.id) ?? c.locationId;
    switch (entry.kind) {
      case 'receive':
        return { flows: [{ vial: c.id, ug: q, heading: 'receivedUg' }] };
      case 'dispose':
        return { flows: [{ vial: c.id, ug: -q, heading: 'disposedUg' }] };
      case 'loss':
        return { flows: [{ vial: c.id, ug: -q, heading: 'lostUg' }] };
      case 'adjust':
        return { flows: [{ vial: c.id, ug: q, heading: 'adjustedUg' }] };
      case 'draw':
        if (entry.infusionId === null) {
          return undefined;
        }
        return {
          flows: [
            { vial: c.id, ug: -q, heading: null },
            { bucket: bucketFor(entry.infusionId, here, c.productId), ug: q, heading: null },
          ],
        };
      case 'return': {
        if (entry.infusionId === null) {
          return undefined;
        }
        const own = bucketFor(entry.infusionId, here, c.productId);
        const others = (held.get(entry.infusionId) ?? []).filter(
          (b) => b !== own && b.productId === c.productId,
        );
        return {
          flows: [
            ...portions([own, ...others], q, own).map(([bucket, ug]): Flow => ({
              bucket,
              ug: -ug,
              heading: null,
            })),
            { vial: c.id, ug: q, heading: null },
          ],
        };
      }
      case 'transfer':
        return entry.toLocationId === null || entry.toLocationId === here
          ? undefined
          : { flows: moveFlows(c.id, entry.toLocationId), from: here };
      case 'count':
      case 'correction':
      case 'dea_notice':
      case 'loss_review':
        return undefined;
    }
  };

  /** The whole vial, as it stands, leaves one location and arrives at another. */
  const moveFlows = (id: string, dest: string): Flow[] => {
    const ug = balance.get(id) ?? 0;
    return [
      { vial: id, ug: -ug, heading: null },
      { relocate: id, to: dest },
      { vial: id, ug, heading: null },
    ];
  };

  /** A correction undoes exactly what its original did; a transfer moves the vial back. */
  const reversal = (original: Done): Flow[] => {
    const first = original.flows.find((f): f is Extract<Flow, { relocate: string }> => 'relocate' in f);
    if (original.from !== undefined && first) {
      return moveFlows(first.relocate, original.from);
    }
    return original.flows.map((f): Flow => ('relocate' in f ? f : { ...f, ug: 0 - f.ug })).reverse();
  };

  const timed = query.entries
    .map((entry) => ({ entry, t: instant(entry.occurredAt, 'occurredAt') }))
    .sort((a, b) => a.t - b.t || a.entry.seq - b.entry.seq);

  let openingUg: number | null = null;
  for (const { entry, t } of timed) {
    if (t >= to) {
      break;
    }
    if (openingUg === null && t >= from) {
      openingUg = stock();
    }
    const inPeriod = t >= from;
    if (entry.kind === 'count') {
      if (inPeriod && entry.containerId !== null && facts.has(entry.containerId)) {
        counts.set(entry.containerId, { ug: entry.quantityUg, current: true });
      }
      continue;
    }
    if (entry.kind === 'correction') {
      const original = entry.refersToSeq === null ? undefined : done.get(entry.refersToSeq);
      if (original && entry.refersToSeq !== null) {
        done.delete(entry.refersToSeq);
        const flows = reversal(original);
        apply(flows, inPeriod, false);
        settle(flows, inPeriod);
      }
      continue;
    }
    const d = flowsOf(entry);
    if (d) {
      done.set(entry.seq, d);
      apply(d.flows, inPeriod, entry.kind === 'adjust');
      settle(d.flows, inPeriod);
    }
  }
  const opening = openingUg ?? stock();
  const closingUg = stock();
  const expectedClosingUg =
    opening +
    totals.receivedUg +
    totals.transferredInUg -
    totals.transferredOutUg -
    totals.administeredUg -
    totals.wastedUg -
    totals.disposedUg -
    totals.lostUg +
    totals.adjustedUg;

  const countedClosingUg = countedClosing(query, counts, balance, location, facts, heldHere());
  const differenceUg = countedClosingUg === null ? null : countedClosingUg - expectedClosingUg;
  return {
    openingUg: opening,
    ...totals,
    expectedClosingUg,
    closingUg,
    countedClosingUg,
    differenceUg,
    unexplained: (differenceUg !== null && differenceUg !== 0) || expectedClosingUg !== closingUg,
  };
}

function countedClosing(
  query: AccountabilityQuery,
  counts: ReadonlyMap<string, { ug: number; current: boolean }>,
  balance: ReadonlyMap<string, number>,
  location: ReadonlyMap<string, string>,
  facts: ReadonlyMap<string, ContainerFacts>,
  heldUg: number,
): number | null {
  if (query.inventoryAtEnd !== undefined && query.inventoryAtEnd !== null) {
    if (!Number.isSafeInteger(query.inventoryAtEnd) || query.inventoryAtEnd < 0) {
      throw new DomainError('invalid_input', 'inventoryAtEnd must be a whole number of µg, 0 or more', {
        field: 'inventoryAtEnd',
        value: query.inventoryAtEnd,
      });
    }
    return query.inventoryAtEnd;
  }
  let total = 0;
  let any = false;
  for (const [id, c] of facts) {
    if (location.get(id) !== query.locationId || c.productId !== query.productId) {
      continue;
    }
    const count = counts.get(id);
    if (!count && (balance.get(id) ?? 0) === 0) {
      continue;
    }
    if (!count || !count.current) {
      return null;
    }
    any = true;
    total += count.ug;
  }
  return any ? total + heldUg : null;
}
