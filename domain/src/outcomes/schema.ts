import { z } from 'zod';
import { outcomeCriteria } from './criteria.ts';
import { followUpRules } from './response.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** GET /api/reports/outcomes: an instrument with a response/remission definition and a date range. */
export const OutcomeReportQuery = z
  .object({
    instrument: z
      .string()
      .refine(
        (id) => Object.hasOwn(outcomeCriteria, id),
        `unknown instrument for outcomes: use one of ${Object.keys(outcomeCriteria).join(', ')}`,
      ),
    from: isoDate,
    to: isoDate,
    indication: z.enum(['depression', 'ptsd', 'chronic_pain', 'substance_use', 'kap']).optional(),
    protocol: z
      .string()
      .regex(/^[a-z0-9-]{2,60}$/)
      .optional(),
    /** Which follow-up score is the outcome (response.ts): the end of the series, or the latest since. */
    followUp: z.enum(followUpRules).default('end_of_series'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });
export type OutcomeReportQuery = z.infer<typeof OutcomeReportQuery>;
