import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateToDay } from '@openkap/domain/plans/dates';
import { LedgerReportQuery } from '@openkap/domain/ledger/schema';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../auth/routes.ts';
import { notFound } from '../../http/errors.ts';
import { reportNames, type ReportName } from './common.ts';
import { ledgerReport } from './service.ts';

const calendarDay = (d: string): boolean => {
  try {
    isoDateToDay(d);
    return true;
  } catch {
    return false;
  }
};

/** LedgerReportQuery, with real calendar days in order and, for administrations, one patient. */
export const LedgerReportRequest = LedgerReportQuery.extend({
  from: LedgerReportQuery.shape.from.refine(calendarDay, 'not a calendar date'),
  to: LedgerReportQuery.shape.to.refine(calendarDay, 'not a calendar date'),
  patientId: z.string().uuid().optional(),
}).refine((q) => !calendarDay(q.from) || !calendarDay(q.to) || q.from <= q.to, {
  path: ['to'],
  message: 'the period ends before it starts',
});

const ReportParams = z.object({ report: z.string() });

const isReport = (name: string): name is ReportName => (reportNames as readonly string[]).includes(name);

/**
 * GET /api/ledger/reports/:report?from&to&locationId&patientId&format: the DEA inspector's reports
 * (administrations, receipts-dispositions, inventory, accountability) as JSON, CSV or PDF.
 */
export function ledgerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/ledger/reports/:report',
    { schema: { params: ReportParams, querystring: LedgerReportRequest } },
    async (request, reply) => {
      const name = request.params.report;
      if (!isReport(name)) {
        throw notFound(`report ${name} (reports: ${reportNames.join(', ')})`);
      }
      const q = request.query;
      const rendered = await ledgerReport(ctx, callerOf(request), name, q);
      const file = `ledger-${name}-${q.from}-to-${q.to}`;
      if (q.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file}.csv"`)
          .send(rendered.csv());
      }
      if (q.format === 'pdf') {
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${file}.pdf"`)
          .send(await rendered.pdf());
      }
      return rendered.data;
    },
  );
}
