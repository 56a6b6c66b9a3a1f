import { z } from 'zod';
import { entryKinds } from './types.ts';

// Response bodies of the ledger's follow-up routes (settings, compliance, DEA notice, loss review),
// shared by the server's serializer and the web app's types.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One ledger entry as the API shows it (server/src/ledger/views.ts). */
export const LedgerEntryView = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(entryKinds),
  locationId: z.string(),
  containerId: z.string().nullable(),
  containerLabel: z.string().nullable(),
  infusionId: z.string().nullable(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable(),
  quantityUg: z.number().int(),
  containerDeltaUg: z.number().int(),
  drawnDeltaUg: z.number().int(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  witnessId: z.string().nullable(),
  witnessName: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  refersToSeq: z.number().int().nullable(),
  toLocationId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  correctable: z.boolean(),
});
export const LedgerEntriesResponse = z.object({ entries: z.array(LedgerEntryView) });

export const LedgerSettingsView = z.object({
  backdateLimitDays: z.number().int(),
  lossReviewAboveMg: z.number(),
  /** No change recorded yet: these are the defaults. */
  isDefault: z.boolean(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
});
export type LedgerSettingsView = z.infer<typeof LedgerSettingsView>;
export const LedgerSettingsResponse = z.object({ settings: LedgerSettingsView });

/** A theft or loss whose written DEA notice is still to be sent (followups.ts). */
export const OpenNoticeView = z.object({
  seq: z.number().int(),
  kind: z.enum(['loss', 'adjust']),
  containerId: z.string().nullable(),
  containerLabel: z.string().nullable(),
  locationId: z.string(),
  lostUg: z.number().int(),
  discoveredAt: z.string(),
  discoveredOn: isoDate,
  /** Send by the end of this clinic-local day. */
  dueOn: isoDate,
  state: z.enum(['due', 'due_today', 'overdue']),
});
export type OpenNoticeView = z.infer<typeof OpenNoticeView>;

/** A negative adjustment above the clinic's threshold awaiting a significant-loss review. */
export const PendingReviewView = z.object({
  seq: z.number().int(),
  containerId: z.string().nullable(),
  containerLabel: z.string().nullable(),
  locationId: z.string(),
  lostUg: z.number().int(),
  adjustedAt: z.string(),
  /** The adjustment's own reason. */
  reason: z.string().nullable(),
});
export type PendingReviewView = z.infer<typeof PendingReviewView>;

/** Where a registered location stands with its initial and biennial inventories (inventory-schedule.ts). */
export const LocationInventoryView = z.object({
  locationId: z.string(),
  initialAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  lastKind: z.enum(['initial', 'biennial']).nullable(),
  /** The last day the next biennial inventory may be taken. */
  dueOn: isoDate.nullable(),
  state: z.enum(['initial_needed', 'initial_missing', 'ok', 'due_soon', 'overdue']),
});
export type LocationInventoryView = z.infer<typeof LocationInventoryView>;

export const ComplianceView = z.object({
  /** The clinic's date (yyyy-mm-dd). */
  today: isoDate,
  settings: LedgerSettingsView,
  notices: z.array(OpenNoticeView),
  reviews: z.array(PendingReviewView),
  inventories: z.array(LocationInventoryView),
});
export type ComplianceView = z.infer<typeof ComplianceView>;
