// The controlled-substance ledger over HTTP (server/src/ledger/routes.ts). The shapes below mirror the
// server's views (views.ts, reads.ts, counts.ts, verify.ts); request bodies are the domain's schemas.
import type {
  AdjustInput,
  CorrectionInput,
  CountInput,
  DisposeInput,
  DrawInput,
  LocationInput,
  LossInput,
  NoticeInput,
  ProductInput,
  ReceiveInput,
  ReturnInput,
  ReviewInput,
  TransferInput,
  WasteInput,
} from '@openkap/domain/ledger/schema';
import type { LedgerSettingsInput } from '@openkap/domain/ledger/settings';
import type { ComplianceView, LedgerSettingsView } from '@openkap/domain/ledger/responses';
import type { EntryKind, InfusionHolding } from '@openkap/domain/ledger/types';
import type { z } from 'zod';
import { api, query } from '../api/client.ts';

export interface LedgerEntry {
  id: string;
  seq: number;
  kind: EntryKind;
  locationId: string;
  containerId: string | null;
  containerLabel: string | null;
  infusionId: string | null;
  patientId: string | null;
  patientName: string | null;
  /** µg, never negative except for an adjustment (+ found, − missing). */
  quantityUg: number;
  containerDeltaUg: number;
  drawnDeltaUg: number;
  actorId: string;
  actorName: string | null;
  witnessId: string | null;
  witnessName: string | null;
  occurredAt: string;
  recordedAt: string;
  refersToSeq: number | null;
  toLocationId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  hash: string;
  /** The server's word: not a count or correction, not already reversed, its session still open. */
  correctable: boolean;
}

export type ContainerStatus = 'sealed' | 'open' | 'empty' | 'expired';

export interface LedgerContainer {
  id: string;
  label: string;
  lot: string;
  expiresOn: string;
  productId: string;
  productName: string;
  ndc: string;
  mgPerMl: number;
  containerMl: number;
  locationId: string;
  capacityUg: number;
  balanceUg: number;
  status: ContainerStatus;
}

export interface LedgerLocation {
  id: string;
  name: string;
  deaRegistration: string;
  address: string;
  storage: string;
}

export interface LedgerProduct {
  id: string;
  name: string;
  ndc: string;
  form: string;
  mgPerMl: number;
  containerMl: number;
}

export interface OpenHolding extends InfusionHolding {
  infusionId: string;
  patientId: string | null;
  patientName: string | null;
  stage: string | null;
}

export interface Stock {
  locations: LedgerLocation[];
  products: LedgerProduct[];
  containers: LedgerContainer[];
  /** Drug drawn for sessions and not yet given, wasted or returned. */
  holdings: OpenHolding[];
  chain: { seq: number; hash: string };
  /** The clinic's date (yyyy-mm-dd): what "expired" is judged against. */
  today: string;
}

export interface InfusionLedger {
  /** False when the clinic keeps no ledger in OpenKAP: the console hides the panel. */
  inUse: boolean;
  holding: InfusionHolding;
  entries: LedgerEntry[];
  /** Containers a dose can be drawn from now (open first). */
  drawable: LedgerContainer[];
}

export interface ChainReport {
  clinicId: string;
  entries: number;
  headSeq: number;
  ok: boolean;
  firstBreak: { seq: number; kind: string | null; occurredAt: string | null; problem: string } | null;
}

export interface CountLine {
  containerId: string;
  label: string;
  expectedUg: number;
  countedUg: number;
  differenceUg: number;
  /** The count entry's seq: an adjustment names it. */
  seq: number;
}

type Entries = { entries: LedgerEntry[] };

/** What the ledger still asks of the clinic (DEA notices, loss reviews, inventories due) and its rules. */
export type Compliance = ComplianceView;
export type LedgerSettings = LedgerSettingsView;

export const ledgerReports = [
  'administrations',
  'receipts-dispositions',
  'inventory',
  'accountability',
] as const;
export type LedgerReport = (typeof ledgerReports)[number];

export const ledgerApi = {
  stock: (signal?: AbortSignal) => api.get<Stock>('/api/ledger/stock', { signal }),
  entries: (params: { limit?: number; beforeSeq?: number }, signal?: AbortSignal) =>
    api.get<Entries>(`/api/ledger/entries${query(params)}`, { signal }),
  verify: (signal?: AbortSignal) => api.get<ChainReport>('/api/ledger/verify', { signal }),
  forInfusion: (infusionId: string, signal?: AbortSignal) =>
    api.get<InfusionLedger>(`/api/infusions/${encodeURIComponent(infusionId)}/ledger`, { signal }),

  createLocation: (body: z.input<typeof LocationInput>) =>
    api.post<{ location: LedgerLocation }>('/api/ledger/locations', body),
  createProduct: (body: z.input<typeof ProductInput>) =>
    api.post<{ product: LedgerProduct }>('/api/ledger/products', body),

  receive: (body: z.input<typeof ReceiveInput>) => api.post<Entries>('/api/ledger/receipts', body),
  draw: (body: z.input<typeof DrawInput>) => api.post<Entries>('/api/ledger/draws', body),
  waste: (body: z.input<typeof WasteInput>) => api.post<Entries>('/api/ledger/waste', body),
  return: (body: z.input<typeof ReturnInput>) => api.post<Entries>('/api/ledger/returns', body),
  transfer: (body: z.input<typeof TransferInput>) => api.post<Entries>('/api/ledger/transfers', body),
  dispose: (body: z.input<typeof DisposeInput>) => api.post<Entries>('/api/ledger/disposals', body),
  loss: (body: z.input<typeof LossInput>) => api.post<Entries>('/api/ledger/losses', body),
  adjust: (body: z.input<typeof AdjustInput>) => api.post<Entries>('/api/ledger/adjustments', body),
  correct: (body: z.input<typeof CorrectionInput>) => api.post<Entries>('/api/ledger/corrections', body),
  count: (body: z.input<typeof CountInput>) =>
    api.post<{ lines: CountLine[]; entries: LedgerEntry[] }>('/api/ledger/counts', body),

  compliance: (signal?: AbortSignal) => api.get<Compliance>('/api/ledger/compliance', { signal }),
  notice: (body: z.input<typeof NoticeInput>) => api.post<Entries>('/api/ledger/notices', body),
  review: (body: z.input<typeof ReviewInput>) => api.post<Entries>('/api/ledger/loss-reviews', body),
  changeSettings: (body: LedgerSettingsInput) =>
    api.put<{ settings: LedgerSettings }>('/api/ledger/settings', body),

  /** A download link: the browser sends the session cookie, the server answers CSV or PDF. */
  reportUrl: (
    report: LedgerReport,
    params: { from: string; to: string; locationId?: string; patientId?: string; format: 'csv' | 'pdf' },
  ) => `/api/ledger/reports/${report}${query(params)}`,
};
