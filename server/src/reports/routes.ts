import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OutcomeReportQuery } from '@openkap/domain/outcomes/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import { clinicOutcomes, clinicOutcomesForPdf, outcomePatients } from './service.ts';
import { boosterSignals } from './boosters.ts';
import { outcomeGroups, outcomeReportCsv, outcomeReportJson } from './view.ts';
import { outcomeReportPdf } from './pdf.ts';

/**
 * The report's query, with the PDF for the medical director and the board beside JSON and CSV. Zod
 * will not widen a key of a refined object, so the domain's range check is restated here; adding
 * 'pdf' to OutcomeReportQuery's formats in domain/src/outcomes/schema.ts would make this go away.
 */
const OutcomeReportRequest = z
  .object({ ...OutcomeReportQuery.shape, format: z.enum(['json', 'csv', 'pdf']).default('json') })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });

/** The same filters, and which headline figure to list the patients of, a page at a time. */
const OutcomePatientsRequest = OutcomeReportQuery.safeExtend({
  format: z.literal('json').default('json'),
  group: z.enum(outcomeGroups),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reports/outcomes',
    { schema: { querystring: OutcomeReportRequest } },
    async (request, reply) => {
      const q = request.query;
      const file = `outcomes-${q.instrument}-${q.from}-to-${q.to}`;
      if (q.format === 'pdf') {
        const data = await clinicOutcomesForPdf(ctx.db, callerOf(request), q, ctx.now());
        // Drawn after the transaction has ended: the PDF needs no database.
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file}.pdf"`)
          .send(await outcomeReportPdf(data));
      }
      const { report, mrns } = await clinicOutcomes(ctx.db, callerOf(request), { ...q, format: q.format });
      if (q.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file}.csv"`)
          .send(outcomeReportCsv(report, mrns));
      }
      return outcomeReportJson(report, q);
    },
  );
  r.get(
    '/api/reports/outcomes/patients',
    { schema: { querystring: OutcomePatientsRequest } },
    async (request) => {
      const q = request.query;
      const { report, total, patients } = await outcomePatients(ctx.db, callerOf(request), q);
      return {
        instrument: report.instrumentId,
        from: q.from,
        to: q.to,
        group: q.group,
        total,
        offset: q.offset,
        limit: q.limit,
        patients,
      };
    },
  );
  r.get('/api/booster-signals', async (request) => ({
    patients: await boosterSignals(ctx.db, callerOf(request), ctx.now()),
  }));
}
