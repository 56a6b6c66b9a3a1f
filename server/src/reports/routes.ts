import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OutcomeReportQuery } from '@openkap/domain/outcomes/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import { clinicOutcomes } from './service.ts';
import { boosterSignals } from './boosters.ts';
import { outcomeReportCsv, outcomeReportJson } from './view.ts';

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reports/outcomes', { schema: { querystring: OutcomeReportQuery } }, async (request, reply) => {
    const q = request.query;
    const { report, mrns } = await clinicOutcomes(ctx.db, callerOf(request), q);
    if (q.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="outcomes-${q.instrument}-${q.from}-to-${q.to}.csv"`,
        )
        .send(outcomeReportCsv(report, mrns));
    }
    return outcomeReportJson(report, q);
  });
  r.get('/api/booster-signals', async (request) => ({
    patients: await boosterSignals(ctx.db, callerOf(request), ctx.now()),
  }));
}
