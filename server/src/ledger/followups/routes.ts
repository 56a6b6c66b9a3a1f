import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NoticeInput, ReviewInput } from '@openkap/domain/ledger/schema';
import { LedgerSettingsInput } from '@openkap/domain/ledger/settings';
import {
  ComplianceView,
  LedgerEntriesResponse,
  LedgerSettingsResponse,
} from '@openkap/domain/ledger/responses';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../auth/routes.ts';
import { compliance } from './compliance.ts';
import { recordNotice, recordReview } from './service.ts';
import { changeSettings, readSettings } from './settings.ts';

/** The ledger's follow-ups (DEA notices, significant-loss reviews, inventories due) and its rules. */
export function followupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/ledger/compliance', { schema: { response: { 200: ComplianceView } } }, async (request) =>
    compliance(ctx, callerOf(request)),
  );
  r.get(
    '/api/ledger/settings',
    { schema: { response: { 200: LedgerSettingsResponse } } },
    async (request) => ({
      settings: await readSettings(ctx, callerOf(request)),
    }),
  );
  r.put(
    '/api/ledger/settings',
    { schema: { body: LedgerSettingsInput, response: { 200: LedgerSettingsResponse } } },
    async (request) => ({ settings: await changeSettings(ctx, callerOf(request), request.body) }),
  );
  r.post(
    '/api/ledger/notices',
    { schema: { body: NoticeInput, response: { 201: LedgerEntriesResponse } } },
    async (request, reply) =>
      reply.status(201).send({ entries: await recordNotice(ctx, callerOf(request), request.body) }),
  );
  r.post(
    '/api/ledger/loss-reviews',
    { schema: { body: ReviewInput, response: { 201: LedgerEntriesResponse } } },
    async (request, reply) =>
      reply.status(201).send({ entries: await recordReview(ctx, callerOf(request), request.body) }),
  );
}
