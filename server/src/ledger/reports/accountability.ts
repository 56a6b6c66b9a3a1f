/**
 * The accountability audit an inspector runs, per registered location and product: opening balance +
 * receipts + transfers in − transfers out − administered − wasted − disposed − lost ± adjustments =
 * expected closing, set against the ledger's closing balance and the counted closing where counts
 * cover every container (domain/src/ledger/audit.ts). Each difference is listed with what explains
 * it: adjustments and their reasons, losses, and counts that found a difference (reconciled by an
 * adjustment that names the count, or not).
 */
import { accountability } from '@openkap/domain/ledger/audit';
import type { Tx } from '../../db/clinic-scope.ts';
import { containerFacts, domainEntry } from '../record.ts';
import * as store from '../store.ts';
import { lossTypes } from './receipts-dispositions.ts';
import {
  csvTable,
  iso,
  localTime,
  locationHead,
  mg,
  type LocationHead,
  type ReportHeader,
  type ReportScope,
} from './common.ts';

export interface Explanation {
  seq: number;
  kind: 'adjust' | 'loss' | 'count';
  occurredAt: string;
  occurredLocal: string;
  container: string;
  /** Signed change the entry explains: an adjustment as recorded, a loss as −, a count's counted − expected. */
  differenceMg: number;
  reason: string | null;
  detail: string;
  actor: string;
  /** False for a count difference that no adjustment reconciles. */
  explained: boolean;
}

export interface AccountabilityLine {
  product: { id: string; name: string; ndc: string; strength: string; form: string; containerMl: number };
  openingMg: number;
  receivedMg: number;
  transferredInMg: number;
  transferredOutMg: number;
  administeredMg: number;
  wastedMg: number;
  disposedMg: number;
  lostMg: number;
  /** Signed: + found, − missing. */
  adjustedMg: number;
  expectedClosingMg: number;
  /** The ledger's balance at the end: containers here plus drug drawn from them and still held. */
  closingMg: number;
  /** Null unless counts in the period cover every container at the end. */
  countedClosingMg: number | null;
  /** counted − expected. */
  differenceMg: number | null;
  /** A difference nothing explains, or a ledger that does not add up: the line to look at. */
  unexplained: boolean;
  explanations: Explanation[];
}

export interface AccountabilitySection {
  location: LocationHead;
  lines: AccountabilityLine[];
}

export interface AccountabilityReport extends ReportHeader {
  report: 'accountability';
  sections: AccountabilitySection[];
}

export async function loadAccountability(tx: Tx, scope: ReportScope): Promise<AccountabilityReport> {
  const [containers, products, entries, period] = await Promise.all([
    store.allContainers(tx),
    store.listProducts(tx),
    // The whole ledger: a correction made after the period still cancels the entry it reverses.
    store.allEntries(tx),
    store.entriesBetween(tx, scope.start, scope.end),
  ]);
  const facts = containers.map(containerFacts);
  const ledger = entries.map(domainEntry);
  const productOf = new Map(containers.map((c) => [c.id, c.product_id]));
  const reversed = new Set(
    entries.flatMap((e) => (e.kind === 'correction' ? [Number(e.refers_to_seq)] : [])),
  );
  const live = period.filter((e) => !reversed.has(Number(e.seq)));
  // Adjustments that name a count reconcile it.
  const reconciledBy = new Map<number, number>();
  for (const e of live) {
    if (e.kind === 'adjust' && e.refers_to_seq != null) {
      const seq = Number(e.refers_to_seq);
      reconciledBy.set(seq, (reconciledBy.get(seq) ?? 0) + Number(e.quantity_ug));
    }
  }

  const explanations = (locationId: string, productId: string): Explanation[] =>
    live.flatMap((e): Explanation[] => {
      if (e.location_id !== locationId || !e.container_id || productOf.get(e.container_id) !== productId) {
        return [];
      }
      const base = {
        seq: Number(e.seq),
        occurredAt: iso(e.occurred_at),
        occurredLocal: localTime(e.occurred_at, scope.timeZone),
        container: e.container_label ?? '',
        reason: e.reason,
        actor: e.actor_name,
      };
      const q = Number(e.quantity_ug);
      if (e.kind === 'adjust') {
        const detail =
          e.refers_to_seq != null ? `reconciles count #${Number(e.refers_to_seq)}` : 'adjustment';
        return [{ ...base, kind: 'adjust', differenceMg: mg(q), detail, explained: true }];
      }
      if (e.kind === 'loss') {
        const type = String(e.details.lossType ?? '');
        const detail = `DEA-106: ${lossTypes[type] ?? type}`;
        return [{ ...base, kind: 'loss', differenceMg: mg(-q), detail, explained: true }];
      }
      if (e.kind === 'count' && typeof e.details.expectedUg === 'number' && q !== e.details.expectedUg) {
        const difference = q - e.details.expectedUg;
        const reconciled = reconciledBy.get(Number(e.seq)) ?? 0;
        const explained = reconciled === difference;
        const kind = String(e.details.countKind ?? 'daily');
        return [
          {
            ...base,
            kind: 'count',
            differenceMg: mg(difference),
            detail: explained
              ? `${kind} count; reconciled by adjustment`
              : `${kind} count; ${reconciled === 0 ? 'no adjustment reconciles it' : `adjustments reconcile ${mg(reconciled)} mg of it`}`,
            explained,
          },
        ];
      }
      return [];
    });

  const sections = scope.locations.map((location): AccountabilitySection => {
    const lines = products.flatMap((p): AccountabilityLine[] => {
      const a = accountability({
        containers: facts,
        entries: ledger,
        locationId: location.id,
        productId: p.id,
        from: scope.start.toISOString(),
        to: scope.end.toISOString(),
      });
      const why = explanations(location.id, p.id);
      const flows = [
        a.openingUg,
        a.receivedUg,
        a.transferredInUg,
        a.transferredOutUg,
        a.administeredUg,
        a.wastedUg,
        a.disposedUg,
        a.lostUg,
        a.adjustedUg,
        a.closingUg,
      ];
      // A product this location never held in the period is not a line of its audit.
      if (flows.every((f) => f === 0) && a.countedClosingUg === null && why.length === 0) {
        return [];
      }
      return [
        {
          product: {
            id: p.id,
            name: p.name,
            ndc: p.ndc,
            strength: `${Number(p.mg_per_ml)} mg/mL`,
            form: p.form,
            containerMl: Number(p.container_ml),
          },
          openingMg: mg(a.openingUg),
          receivedMg: mg(a.receivedUg),
          transferredInMg: mg(a.transferredInUg),
          transferredOutMg: mg(a.transferredOutUg),
          administeredMg: mg(a.administeredUg),
          wastedMg: mg(a.wastedUg),
          disposedMg: mg(a.disposedUg),
          lostMg: mg(a.lostUg),
          adjustedMg: mg(a.adjustedUg),
          expectedClosingMg: mg(a.expectedClosingUg),
          closingMg: mg(a.closingUg),
          countedClosingMg: a.countedClosingUg === null ? null : mg(a.countedClosingUg),
          differenceMg: a.differenceUg === null ? null : mg(a.differenceUg),
          unexplained: a.unexplained || why.some((w) => !w.explained),
          explanations: why,
        },
      ];
    });
    return { location: locationHead(location), lines };
  });
  return { ...scope.header, report: 'accountability', sections };
}

export function accountabilityCsv(r: AccountabilityReport): string {
  const header = [
    'location',
    'dea_registration',
    'product',
    'ndc',
    'opening_mg',
    'received_mg',
    'transferred_in_mg',
    'transferred_out_mg',
    'administered_mg',
    'wasted_mg',
    'disposed_mg',
    'lost_mg',
    'adjusted_mg',
    'expected_closing_mg',
    'ledger_closing_mg',
    'counted_closing_mg',
    'difference_mg',
    'unexplained',
    'explanations',
  ];
  const rows = r.sections.flatMap((s) =>
    s.lines.map((l) => [
      s.location.name,
      s.location.deaRegistration,
      `${l.product.name} ${l.product.strength}`,
      l.product.ndc,
      l.openingMg,
      l.receivedMg,
      l.transferredInMg,
      l.transferredOutMg,
      l.administeredMg,
      l.wastedMg,
      l.disposedMg,
      l.lostMg,
      l.adjustedMg,
      l.expectedClosingMg,
      l.closingMg,
      l.countedClosingMg,
      l.differenceMg,
      l.unexplained ? 'UNEXPLAINED' : 'no',
      l.explanations.map(explanationText).join(' | '),
    ]),
  );
  return csvTable(header, rows);
}

/** "#12 2026-11-20 10:00 count K-0002 -2 mg: daily count; no adjustment reconciles it". */
export function explanationText(x: Explanation): string {
  const reason = x.reason ? ` (${x.reason})` : '';
  return `#${x.seq} ${x.occurredLocal} ${x.kind} ${x.container} ${x.differenceMg} mg: ${x.detail}${reason}${x.explained ? '' : ' [UNEXPLAINED]'}`;
}
