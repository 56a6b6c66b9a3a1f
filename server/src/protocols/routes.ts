import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '@openkap/domain/patients/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function protocolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/protocols', async (request) => ({
    protocols: await service.listProtocols(ctx.db, callerOf(request)),
  }));
  r.put(
    '/api/protocols/:id',
    { schema: { params: z.object({ id: z.string().regex(/^[a-z0-9-]{2,60}$/) }) } },
    async (request) => ({
      protocol: await service.saveProtocol(ctx.db, callerOf(request), request.params.id, request.body),
    }),
  );
  r.post(
    '/api/patients/:id/plan',
    { schema: { params: IdParam, body: z.object({ protocolId: z.string().min(1).max(60) }) } },
    async (request, reply) =>
      reply.status(201).send({
        patient: await service.startPlan(
          ctx.db,
          callerOf(request),
          request.params.id,
          request.body.protocolId,
          ctx.now(),
        ),
      }),
  );
}
