import { z } from 'zod';
import { imSites } from './session-safety.ts';

/**
 * Response shapes of the issue-10 parts of a session (GET /api/infusions/:id and every console
 * write answer them): the web derives its types from these.
 */
const isoDateTime = z.string();

export const AdministrationView = z.object({
  id: z.string(),
  route: z.enum(['im', 'intranasal']),
  at: isoDateTime,
  doseMg: z.number(),
  volumeMl: z.number().nullable(),
  site: z.string().nullable(),
  side: z.string().nullable(),
  devices: z.number().nullable(),
  nostril: z.string().nullable(),
  administeredBy: z.object({ id: z.string(), name: z.string() }),
  note: z.string().nullable(),
});
export type AdministrationView = z.infer<typeof AdministrationView>;

export const BpOverrideView = z.object({
  at: isoDateTime,
  readingAt: isoDateTime,
  sbp: z.number(),
  dbp: z.number(),
  reason: z.string(),
  byId: z.string(),
  byName: z.string(),
});

export const BpHoldView = z.object({
  held: z.boolean(),
  overridden: z.boolean(),
  reading: z.object({ at: isoDateTime, sbp: z.number(), dbp: z.number() }).nullable(),
  limit: z.object({ systolic: z.number(), diastolic: z.number() }),
  message: z.string().nullable(),
  overrides: z.array(BpOverrideView),
});
export type BpHoldView = z.infer<typeof BpHoldView>;

export const VitalsDueView = z.object({
  watching: z.boolean(),
  overdue: z.array(
    z.object({
      vital: z.enum(['bp', 'hr', 'spo2']),
      reason: z.enum(['interval', 'after_dose']),
      dueAt: isoDateTime,
      lastAt: isoDateTime.nullable(),
      message: z.string(),
    }),
  ),
  nextDueAt: isoDateTime.nullable(),
});
export type VitalsDueView = z.infer<typeof VitalsDueView>;

export const RecoveryScoreView = z.object({
  id: z.string(),
  scale: z.literal('aldrete'),
  items: z.record(z.string(), z.number()),
  total: z.number(),
  at: isoDateTime,
  by: z.string(),
});
export type RecoveryScoreView = z.infer<typeof RecoveryScoreView>;

export const SessionSafetyView = z.object({
  bpHold: z.object({ systolic: z.number(), diastolic: z.number() }),
  vitalsDue: z.object({
    dosingEveryMin: z.number(),
    recoveryEveryMin: z.number(),
    bpAfterDoseMin: z.number().nullable(),
  }),
  imSiteMaxMl: z.object(
    Object.fromEntries(imSites.map((s) => [s, z.number()])) as Record<(typeof imSites)[number], z.ZodNumber>,
  ),
});

export type SessionSafetyView = z.infer<typeof SessionSafetyView>;

export const ClinicianView = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type ClinicianView = z.infer<typeof ClinicianView>;
