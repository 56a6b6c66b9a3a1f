import { z } from 'zod';

/*
 * A relapse (issue 4): a clinician's judgement that depressive symptoms or substance use returned after
 * the induction series. It is dated by the clinic day symptoms or use returned, not the day it was
 * written down. The outcome report's Kaplan–Meier curve ends a patient's time at the first booster or
 * the first relapse on or after the end of the series, whichever comes first (report.ts).
 */
export const relapseKinds = ['depressive', 'substance_use', 'other'] as const;
export type RelapseKind = (typeof relapseKinds)[number];

export const relapseKindLabels: Readonly<Record<RelapseKind, string>> = {
  depressive: 'Depressive symptoms returned',
  substance_use: 'Return to substance use',
  other: 'Other relapse',
};

export const RELAPSE_NOTE_MAX = 2000;

/**
 * POST /api/patients/:id/relapses. "Not in the future" needs the clinic's day, so the server checks it
 * (server/src/relapses/service.ts); the shape is checked here.
 */
export const RelapseInput = z.object({
  notedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
    }, 'not a calendar date'),
  kind: z.enum(relapseKinds),
  note: z.string().trim().max(RELAPSE_NOTE_MAX).optional(),
});
export type RelapseInput = z.input<typeof RelapseInput>;

/** One relapse as the API answers it (GET /api/patients/:id/relapses, and the chart). */
export interface RelapseView {
  id: string;
  notedOn: string;
  kind: RelapseKind;
  note: string | null;
  recordedBy: { id: string; name: string };
  createdAt: string;
}
