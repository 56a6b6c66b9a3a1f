import { z } from 'zod';

// Request bodies for the ledger API. Amounts arrive in mg or mL (what a nurse reads off a syringe)
// and are turned into whole µg by the server with units.ts.

const isoDateTime = z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a yyyy-mm-dd date');
/** Two letters and seven digits (21 CFR 1301; the check digit is not verified here). */
const deaRegistration = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}\d{7}$/, 'a DEA registration number is two letters and seven digits');
const text = (max: number) => z.string().trim().min(1).max(max);
const mg = z.number().positive('must be above 0 mg').max(10_000);
const reason = text(500);
/**
 * Why an entry dated more than the clinic's back-dating limit before it is recorded is recorded late
 * (late-entry.ts); kept on the entry.
 */
const lateReason = text(500).optional();

/** The witness signs with their own credentials at that moment: nobody witnesses with a session. */
export const WitnessCredentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});
export type WitnessCredentials = z.infer<typeof WitnessCredentials>;

export const LocationInput = z.object({
  name: text(120),
  deaRegistration,
  address: text(300),
  storage: text(200),
});
export type LocationInput = z.infer<typeof LocationInput>;

export const ProductInput = z.object({
  name: text(160),
  ndc: z
    .string()
    .trim()
    .regex(/^\d{4,5}-\d{3,4}-\d{1,2}$/, 'an NDC is three groups of digits, e.g. 0409-2051-05'),
  form: text(80).default('injection, solution (vial)'),
  mgPerMl: z.number().positive().max(500),
  containerMl: z.number().positive().max(100),
});
export type ProductInput = z.infer<typeof ProductInput>;

export const ReceiveInput = z.object({
  locationId: z.string().uuid(),
  productId: z.string().uuid(),
  /** The actual date the containers arrived (21 CFR 1304.21(d)). */
  receivedAt: isoDateTime,
  invoiceNumber: text(80),
  supplier: z.object({ name: text(160), address: text(300), deaRegistration }),
  containers: z
    .array(z.object({ label: text(40), lot: text(40), expiresOn: isoDate }))
    .min(1, 'at least one container')
    .max(200),
  lateReason,
});
export type ReceiveInput = z.infer<typeof ReceiveInput>;

export const DrawInput = z.object({
  infusionId: z.string().uuid(),
  containerId: z.string().uuid(),
  volumeMl: z.number().positive('must be above 0 mL').max(100),
  occurredAt: isoDateTime.optional(),
  lateReason,
});
export type DrawInput = z.infer<typeof DrawInput>;

export const WasteInput = z.object({
  infusionId: z.string().uuid(),
  quantityMg: mg,
  /** How it was made non-retrievable, e.g. "drug disposal pouch". */
  method: text(120),
  witness: WitnessCredentials,
  occurredAt: isoDateTime.optional(),
  lateReason,
});
export type WasteInput = z.infer<typeof WasteInput>;

export const ReturnInput = z.object({
  infusionId: z.string().uuid(),
  containerId: z.string().uuid(),
  quantityMg: mg,
  occurredAt: isoDateTime.optional(),
  lateReason,
});
export type ReturnInput = z.infer<typeof ReturnInput>;

export const TransferInput = z.object({
  containerId: z.string().uuid(),
  toLocationId: z.string().uuid(),
  occurredAt: isoDateTime,
  lateReason,
});
export type TransferInput = z.infer<typeof TransferInput>;

/** DEA Form 41: what was destroyed, how, and who saw it. */
export const DisposeInput = z.object({
  containerId: z.string().uuid(),
  /** Defaults to all that is left. */
  quantityMg: mg.optional(),
  method: z.enum(['reverse_distributor', 'witnessed_destruction']),
  reverseDistributor: z.object({ name: text(160), address: text(300), deaRegistration }).optional(),
  reason: reason,
  witness: WitnessCredentials,
  occurredAt: isoDateTime,
  lateReason,
});
export type DisposeInput = z.infer<typeof DisposeInput>;

/** DEA Form 106: reported in writing within one business day of discovery. */
export const LossInput = z.object({
  containerId: z.string().uuid(),
  quantityMg: mg,
  lossType: z.enum(['theft', 'significant_loss', 'lost_in_transit']),
  discoveredAt: isoDateTime,
  policeReport: z.string().trim().max(80).optional(),
  form106Filed: z.boolean().default(false),
  reason: reason,
  lateReason,
});
export type LossInput = z.infer<typeof LossInput>;

export const AdjustInput = z.object({
  containerId: z.string().uuid(),
  /** + found, − missing. */
  quantityMg: z
    .number()
    .refine((v) => v !== 0 && Number.isFinite(v) && Math.abs(v) <= 10_000, 'a non-zero amount in mg'),
  reason: reason,
  /** The count this adjustment reconciles. */
  countSeq: z.number().int().positive().optional(),
  occurredAt: isoDateTime.optional(),
  lateReason,
});
export type AdjustInput = z.infer<typeof AdjustInput>;

export const CorrectionInput = z.object({
  seq: z.number().int().positive(),
  reason: reason,
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const countKinds = ['daily', 'initial', 'biennial'] as const;
/** Start-of-day count, or an initial/biennial inventory (21 CFR 1304.11). */
export const CountInput = z.object({
  locationId: z.string().uuid(),
  kind: z.enum(countKinds),
  timing: z.enum(['opening', 'close']),
  lines: z
    .array(
      z.object({
        containerId: z.string().uuid(),
        /** An open vial is estimated by volume; a sealed one counts as full. */
        countedMl: z.number().min(0).max(100),
      }),
    )
    .max(2000),
  witness: WitnessCredentials,
  occurredAt: isoDateTime.optional(),
  lateReason,
});
export type CountInput = z.infer<typeof CountInput>;

/** How the written notice of 21 CFR 1301.76(b) went to the DEA Field Division. */
export const noticeMethods = ['email', 'fax', 'mail', 'hand_delivered'] as const;

/** Records that the written notice of a theft or loss (entry `seq`) was sent to the DEA. */
export const NoticeInput = z.object({
  seq: z.number().int().positive(),
  sentAt: isoDateTime,
  method: z.enum(noticeMethods),
  /** The Field Division office it went to, e.g. "New Orleans Division". */
  sentTo: z.string().trim().max(200).optional(),
  /** Whether DEA Form 106 was also submitted (it is due within 45 days of discovery). */
  form106Filed: z.boolean().default(false),
  lateReason,
});
export type NoticeInput = z.infer<typeof NoticeInput>;

/**
 * The factors of 21 CFR 1301.76(b)(1)–(6) for judging whether a loss is significant, in our words
 * (https://deadiversion.usdoj.gov/faq/theft-loss-faq.html).
 */
export const lossFactors = {
  quantity: 'The amount lost, for a clinic of this kind',
  substance: 'Which controlled substance was lost',
  access: 'Whether it links to particular people with access, or to particular activities',
  pattern: 'A pattern of losses over time, whether they look random, and what was done to stop them',
  diversion: 'Whether the drug is a likely candidate for diversion',
  local_trends: 'Local trends and other signs of its diversion potential',
} as const;
export type LossFactor = keyof typeof lossFactors;
const lossFactorKeys = Object.keys(lossFactors) as [LossFactor, ...LossFactor[]];

/** The registrant's finding on a negative adjustment (entry `seq`): significant or not, and why. */
export const ReviewInput = z.object({
  seq: z.number().int().positive(),
  significant: z.boolean(),
  /** The factors that point towards a significant loss. */
  factors: z.array(z.enum(lossFactorKeys)).max(lossFactorKeys.length).default([]),
  /** The written reasoning. */
  reason: text(2000),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const LedgerReportQuery = z.object({
  from: isoDate,
  to: isoDate,
  locationId: z.string().uuid().optional(),
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
});
export type LedgerReportQuery = z.infer<typeof LedgerReportQuery>;
