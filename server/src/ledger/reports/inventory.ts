/**
 * The latest initial or biennial inventory of each registered location taken before the end of the
 * report's last day (21 CFR 1304.11): date, opening or close of business, and per product the name,
 * strength, form, units per container, number of containers (an open vial estimated by volume) and
 * the total. A location that has none gets the ledger's stock at that moment instead, marked as an
 * unsigned draft: balances are not an inventory until someone counts them.
 */
import { ledgerState } from '@openkap/domain/ledger/state';
import { inventoryLines, type InventoryProduct } from '@openkap/domain/ledger/inventory';
import type { LedgerState } from '@openkap/domain/ledger/types';
import type { Tx } from '../../db/clinic-scope.ts';
import { clinicDay } from '../../clinic-day.ts';
import { containerFacts, domainEntry } from '../record.ts';
import * as store from '../store.ts';
import { latestInventoryCounts, type InventoryCountRow } from './store.ts';
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

export const DRAFT_NOTICE =
  'UNSIGNED DRAFT - ledger balances, not an inventory: no initial or biennial inventory was taken at this location.';

export interface InventoryContainerRow {
  label: string;
  lot: string;
  expiresOn: string;
  sealed: boolean;
  /** An open vial's remaining volume, to 0.01 mL (Schedule III may be estimated). */
  estimatedMl: number;
  quantityMg: number;
  expired: boolean;
}

export interface InventoryLineRow {
  product: string;
  ndc: string;
  strength: string;
  form: string;
  /** Units per container, mL. */
  containerMl: number;
  sealedContainers: number;
  openContainers: number;
  expiredContainers: number;
  sealedMg: number;
  openMg: number;
  /** What the open containers hold, by volume. */
  openEstimatedMl: number;
  totalMg: number;
  totalMl: number;
  containers: InventoryContainerRow[];
}

export interface InventorySection {
  location: LocationHead;
  status: 'inventory' | 'draft';
  /** Set on a draft. */
  notice: string | null;
  kind: 'initial' | 'biennial' | null;
  timing: 'opening' | 'close' | null;
  /** When the count was taken, or (draft) the moment the balances stand at. */
  takenAt: string;
  takenLocal: string;
  countedBy: string | null;
  witnessedBy: string | null;
  seqs: number[];
  lines: InventoryLineRow[];
  totals: { containers: number; totalMg: number };
}

export interface InventoryReport extends ReportHeader {
  report: 'inventory';
  sections: InventorySection[];
}

export async function loadInventory(tx: Tx, scope: ReportScope): Promise<InventoryReport> {
  const [counts, containers, products, entries] = await Promise.all([
    latestInventoryCounts(tx, scope.end),
    store.allContainers(tx),
    store.listProducts(tx),
    store.allEntries(tx, { before: scope.end }),
  ]);
  const byId = new Map(containers.map((c) => [c.id, c]));
  const facts = containers.map(containerFacts);
  const domainEntries = entries.map(domainEntry);
  const inventoryProducts: InventoryProduct[] = products.map((p) => ({
    id: p.id,
    name: p.name,
    ndc: p.ndc,
    mgPerMl: Number(p.mg_per_ml),
    containerMl: Number(p.container_ml),
    form: p.form,
  }));

  const lines = (state: LedgerState, locationId: string, at: Date): InventoryLineRow[] =>
    inventoryLines(state, inventoryProducts, locationId, clinicDay(at, scope.timeZone)).map((l) => ({
      product: l.name,
      ndc: l.ndc,
      strength: l.strength,
      form: l.form,
      containerMl: l.containerMl,
      sealedContainers: l.sealedContainers,
      openContainers: l.openContainers,
      expiredContainers: l.expiredContainers,
      sealedMg: mg(l.sealedUg),
      openMg: mg(l.openUg),
      openEstimatedMl:
        Math.round(l.containers.filter((c) => !c.sealed).reduce((s, c) => s + c.estimatedMl, 0) * 100) / 100,
      totalMg: mg(l.totalUg),
      totalMl: l.totalMl,
      containers: l.containers
        .map((c) => {
          const row = byId.get(c.containerId);
          return {
            label: row?.label ?? c.containerId,
            lot: row?.lot ?? '',
            expiresOn: c.expiresOn,
            sealed: c.sealed,
            estimatedMl: c.estimatedMl,
            quantityMg: mg(c.balanceUg),
            expired: c.expired,
          };
        })
        .sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true })),
    }));

  type Taken = Omit<InventorySection, 'location' | 'totals'>;

  /** The inventory as counted; the ledger up to that moment says which vials had been opened. */
  const countedSection = (locationId: string, first: InventoryCountRow, rows: InventoryCountRow[]): Taken => {
    const at = new Date(first.occurred_at);
    const replayed = ledgerState(
      facts,
      domainEntries.filter((e) => Date.parse(e.occurredAt) <= at.getTime()),
    );
    const state: LedgerState = {
      ...replayed,
      containers: Object.fromEntries(
        rows.flatMap((r) => {
          const c = r.container_id ? replayed.containers[r.container_id] : undefined;
          return c ? [[c.id, { ...c, balanceUg: Number(r.quantity_ug), locationId }]] : [];
        }),
      ),
    };
    return {
      status: 'inventory',
      notice: null,
      kind: first.details.countKind === 'biennial' ? 'biennial' : 'initial',
      timing: first.details.timing === 'close' ? 'close' : 'opening',
      takenAt: iso(at),
      takenLocal: localTime(at, scope.timeZone),
      countedBy: first.actor_name,
      witnessedBy: first.witness_name,
      seqs: rows.map((r) => Number(r.seq)),
      lines: lines(state, locationId, at),
    };
  };

  /** No inventory on record: the balances at the end of the last day (or now, if that is to come). */
  const draftSection = (locationId: string): Taken => {
    const at = new Date(Math.min(scope.end.getTime(), Date.parse(scope.header.generatedAt)));
    return {
      status: 'draft',
      notice: DRAFT_NOTICE,
      kind: null,
      timing: null,
      takenAt: iso(at),
      takenLocal: localTime(at, scope.timeZone),
      countedBy: null,
      witnessedBy: null,
      seqs: [],
      lines: lines(ledgerState(facts, domainEntries), locationId, at),
    };
  };

  const sections = scope.locations.map((location): InventorySection => {
    const counted = counts.filter((c) => c.location_id === location.id);
    const [first] = counted;
    const taken = first ? countedSection(location.id, first, counted) : draftSection(location.id);
    return {
      ...taken,
      location: locationHead(location),
      totals: {
        containers: taken.lines.reduce((s, l) => s + l.sealedContainers + l.openContainers, 0),
        totalMg: mg(taken.lines.reduce((s, l) => s + Math.round(l.totalMg * 1000), 0)),
      },
    };
  });
  return { ...scope.header, report: 'inventory', sections };
}

export function inventoryCsv(r: InventoryReport): string {
  const header = [
    'location',
    'dea_registration',
    'status',
    'inventory',
    'taken_at',
    'timing',
    'product',
    'ndc',
    'strength',
    'form',
    'units_per_container_ml',
    'sealed_containers',
    'open_containers',
    'open_estimated_ml',
    'expired_containers',
    'total_mg',
    'total_ml',
    'counted_by',
    'witness',
  ];
  const rows = r.sections.flatMap((s) =>
    s.lines.map((l) => [
      s.location.name,
      s.location.deaRegistration,
      s.status === 'draft' ? 'UNSIGNED DRAFT (not an inventory)' : 'inventory',
      s.kind,
      s.takenLocal,
      s.timing === 'close' ? 'close of business' : s.timing === 'opening' ? 'opening of business' : null,
      l.product,
      l.ndc,
      l.strength,
      l.form,
      l.containerMl,
      l.sealedContainers,
      l.openContainers,
      l.openEstimatedMl,
      l.expiredContainers,
      l.totalMg,
      l.totalMl,
      s.countedBy,
      s.witnessedBy,
    ]),
  );
  return csvTable(header, rows);
}
