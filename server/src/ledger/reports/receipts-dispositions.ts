/**
 * Receipts and dispositions per registered location (21 CFR 1304.21, 1304.22(c)): containers received
 * (actual date, invoice, supplier name, address and DEA number), and everything that left the stock
 * other than by administration: disposals (DEA Form 41 data, witnessed), thefts and losses (DEA Form
 * 106 data), transfers out and in, adjustments with their reasons. Corrections made in the period are
 * listed; an entry that was corrected is not (it is not what happened).
 */
import type { Tx } from '../../db/clinic-scope.ts';
import * as store from '../store.ts';
import { correctionsOf } from './store.ts';
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

interface Party {
  name: string;
  address: string;
  deaRegistration: string;
}

export interface ReceiptRow {
  /** The actual date of receipt (21 CFR 1304.21(d)). */
  receivedAt: string;
  receivedLocal: string;
  invoiceNumber: string;
  supplier: Party;
  product: { name: string; ndc: string; strength: string; form: string; containerMl: number };
  containers: { label: string; lot: string; expiresOn: string }[];
  containerCount: number;
  quantityMg: number;
  recordedBy: string;
  seqs: number[];
}

export type DispositionKind = 'dispose' | 'loss' | 'transfer_out' | 'transfer_in' | 'adjust';

export interface DispositionRow {
  seq: number;
  kind: DispositionKind;
  occurredAt: string;
  occurredLocal: string;
  container: string;
  lot: string | null;
  product: string;
  /** Signed for adjustments (+ found, − missing); what moved otherwise. */
  quantityMg: number;
  /** DEA-41 / DEA-106 where the disposition has a form. */
  form: 'DEA-41' | 'DEA-106' | null;
  /** One readable line: method and reverse distributor, loss type and police report, the other location. */
  detail: string;
  reason: string | null;
  actor: string;
  witness: string | null;
}

export interface CorrectionRow {
  seq: number;
  occurredAt: string;
  occurredLocal: string;
  correctsSeq: number;
  correctsKind: string;
  reason: string | null;
  actor: string;
}

export interface ReceiptsSection {
  location: LocationHead;
  receipts: ReceiptRow[];
  dispositions: DispositionRow[];
  corrections: CorrectionRow[];
  totals: {
    receivedContainers: number;
    receivedMg: number;
    disposedMg: number;
    lostMg: number;
    transferredOutMg: number;
    transferredInMg: number;
    adjustedMg: number;
  };
}

export interface ReceiptsDispositionsReport extends ReportHeader {
  report: 'receipts-dispositions';
  sections: ReceiptsSection[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function party(v: unknown): Party {
  const o = (v ?? {}) as Record<string, unknown>;
  return { name: text(o.name), address: text(o.address), deaRegistration: text(o.deaRegistration) };
}

/** The kind of entry a correction reverses (recorded in its details by the service). */
const correctsKind = (details: Record<string, unknown>): string =>
  text((details.corrects as { kind?: unknown } | undefined)?.kind);

/** mg back to whole µg, for exact sums. */
const ugOf = (mgAmount: number): number => Math.round(mgAmount * 1000);

const methods: Record<string, string> = {
  reverse_distributor: 'to reverse distributor',
  witnessed_destruction: 'witnessed destruction',
};
export const lossTypes: Record<string, string> = {
  theft: 'theft',
  significant_loss: 'significant loss',
  lost_in_transit: 'lost in transit',
};

export async function loadReceiptsDispositions(
  tx: Tx,
  scope: ReportScope,
): Promise<ReceiptsDispositionsReport> {
  const kinds = new Set(['receive', 'dispose', 'loss', 'transfer', 'adjust']);
  const period = (await store.entriesBetween(tx, scope.start, scope.end)).filter((e) =>
    kinds.has(e.kind === 'correction' ? correctsKind(e.details) : e.kind),
  );
  const corrected = new Set(
    (
      await correctionsOf(
        tx,
        period.map((e) => Number(e.seq)),
      )
    ).map((c) => Number(c.refers_to_seq)),
  );
  const entries = period.filter((e) => !corrected.has(Number(e.seq)));
  const [containers, products] = await Promise.all([store.allContainers(tx), store.listProducts(tx)]);
  const containerById = new Map(containers.map((c) => [c.id, c]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const locationName = (id: string | null): string => {
    const l = id ? scope.allLocations.get(id) : undefined;
    return l ? `${l.name} (${l.dea_registration})` : 'unknown location';
  };

  const sections = scope.locations.map((location): ReceiptsSection => {
    const receipts = new Map<string, ReceiptRow>();
    const dispositions: DispositionRow[] = [];
    const corrections: CorrectionRow[] = [];
    for (const e of entries) {
      const c = e.container_id ? containerById.get(e.container_id) : undefined;
      const q = Number(e.quantity_ug);
      const seq = Number(e.seq);
      const common = {
        seq,
        occurredAt: iso(e.occurred_at),
        occurredLocal: localTime(e.occurred_at, scope.timeZone),
        container: c?.label ?? '',
        lot: c?.lot ?? null,
        product: c ? `${c.product_name} ${Number(c.mg_per_ml)} mg/mL` : '',
        reason: e.reason,
        actor: e.actor_name,
        witness: e.witness_name,
      };
      if (e.kind === 'transfer' && e.to_location_id === location.id && e.location_id !== location.id) {
        dispositions.push({
          ...common,
          kind: 'transfer_in',
          quantityMg: mg(q),
          form: null,
          detail: `from ${locationName(e.location_id)}`,
        });
        continue;
      }
      if (e.location_id !== location.id) {
        continue;
      }
      switch (e.kind) {
        case 'receive': {
          const invoiceNumber = text(e.details.invoiceNumber);
          const productId = text(e.details.productId) || c?.product_id || '';
          const key = `${iso(e.occurred_at)}|${invoiceNumber}|${productId}`;
          const p = productById.get(productId);
          const row = receipts.get(key) ?? {
            receivedAt: iso(e.occurred_at),
            receivedLocal: localTime(e.occurred_at, scope.timeZone),
            invoiceNumber,
            supplier: party(e.details.supplier),
            product: {
              name: p?.name ?? c?.product_name ?? '',
              ndc: p?.ndc ?? c?.ndc ?? '',
              strength: `${Number(p?.mg_per_ml ?? c?.mg_per_ml)} mg/mL`,
              form: p?.form ?? c?.form ?? '',
              containerMl: Number(p?.container_ml ?? c?.container_ml),
            },
            containers: [],
            containerCount: 0,
            quantityMg: 0,
            recordedBy: e.actor_name,
            seqs: [],
          };
          receipts.set(key, row);
          row.containers.push({
            label: c?.label ?? text(e.details.label),
            lot: c?.lot ?? '',
            expiresOn: c?.expires_on ?? '',
          });
          row.containerCount += 1;
          // Kept in µg while summing, shown in mg below.
          row.quantityMg += q;
          row.seqs.push(seq);
          break;
        }
        case 'dispose': {
          const rd = e.details.reverseDistributor ? party(e.details.reverseDistributor) : null;
          const method = methods[text(e.details.method)] ?? text(e.details.method);
          dispositions.push({
            ...common,
            kind: 'dispose',
            quantityMg: mg(q),
            form: 'DEA-41',
            detail: rd ? `${method}: ${rd.name}, ${rd.address}, DEA ${rd.deaRegistration}` : method,
          });
          break;
        }
        case 'loss': {
          const police = text(e.details.policeReport);
          dispositions.push({
            ...common,
            kind: 'loss',
            quantityMg: mg(q),
            form: 'DEA-106',
            detail: [
              lossTypes[text(e.details.lossType)] ?? text(e.details.lossType),
              police ? `police report ${police}` : 'no police report',
              e.details.form106Filed === true ? 'DEA Form 106 filed' : 'DEA Form 106 not yet filed',
            ].join('; '),
          });
          break;
        }
        case 'transfer':
          dispositions.push({
            ...common,
            kind: 'transfer_out',
            quantityMg: mg(q),
            form: null,
            detail: `to ${locationName(e.to_location_id)}`,
          });
          break;
        case 'adjust':
          dispositions.push({
            ...common,
            kind: 'adjust',
            quantityMg: mg(q),
            form: null,
            detail: e.refers_to_seq != null ? `reconciles count #${Number(e.refers_to_seq)}` : '',
          });
          break;
        case 'correction':
          corrections.push({
            seq,
            occurredAt: common.occurredAt,
            occurredLocal: common.occurredLocal,
            correctsSeq: Number(e.refers_to_seq),
            correctsKind: correctsKind(e.details),
            reason: e.reason,
            actor: e.actor_name,
          });
          break;
      }
    }
    const receiptRows = [...receipts.values()].map((r) => ({ ...r, quantityMg: mg(r.quantityMg) }));
    const total = (kind: DispositionKind): number =>
      mg(dispositions.filter((d) => d.kind === kind).reduce((s, d) => s + ugOf(d.quantityMg), 0));
    return {
      location: locationHead(location),
      receipts: receiptRows,
      dispositions,
      corrections,
      totals: {
        receivedContainers: receiptRows.reduce((s, r) => s + r.containerCount, 0),
        receivedMg: mg(receiptRows.reduce((s, r) => s + ugOf(r.quantityMg), 0)),
        disposedMg: total('dispose'),
        lostMg: total('loss'),
        transferredOutMg: total('transfer_out'),
        transferredInMg: total('transfer_in'),
        adjustedMg: total('adjust'),
      },
    };
  });
  return { ...scope.header, report: 'receipts-dispositions', sections };
}

export function receiptsDispositionsCsv(r: ReceiptsDispositionsReport): string {
  const header = [
    'location',
    'dea_registration',
    'date_time',
    'entry',
    'invoice',
    'supplier_name',
    'supplier_address',
    'supplier_dea',
    'product',
    'containers',
    'lots',
    'container_count',
    'quantity_mg',
    'form',
    'detail',
    'reason',
    'recorded_by',
    'witness',
    'seq',
  ];
  const rows = r.sections.flatMap((s) => {
    const where = [s.location.name, s.location.deaRegistration];
    return [
      ...s.receipts.map((x) => [
        ...where,
        x.receivedLocal,
        'receive',
        x.invoiceNumber,
        x.supplier.name,
        x.supplier.address,
        x.supplier.deaRegistration,
        `${x.product.name} ${x.product.strength}, ${x.product.containerMl} mL (NDC ${x.product.ndc})`,
        x.containers.map((c) => c.label).join('; '),
        [...new Set(x.containers.map((c) => c.lot))].join('; '),
        x.containerCount,
        x.quantityMg,
        null,
        null,
        null,
        x.recordedBy,
        null,
        x.seqs.join('; '),
      ]),
      ...s.dispositions.map((d) => [
        ...where,
        d.occurredLocal,
        d.kind,
        null,
        null,
        null,
        null,
        d.product,
        d.container,
        d.lot,
        1,
        d.quantityMg,
        d.form,
        d.detail,
        d.reason,
        d.actor,
        d.witness,
        d.seq,
      ]),
      ...s.corrections.map((c) => [
        ...where,
        c.occurredLocal,
        'correction',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        `reverses #${c.correctsSeq} (${c.correctsKind})`,
        c.reason,
        c.actor,
        null,
        c.seq,
      ]),
    ];
  });
  return csvTable(header, rows);
}
