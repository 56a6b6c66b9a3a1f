import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LeadInput } from '@openkap/domain/leads/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function leadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/leads', { schema: { body: LeadInput } }, async (request, reply) => {
    await service.submitLead(ctx.db, request.body);
    return reply.status(201).send({ ok: true });
  });
  r.get('/api/leads', async (request) => ({ leads: await service.listLeads(ctx.db, callerOf(request)) }));
}
