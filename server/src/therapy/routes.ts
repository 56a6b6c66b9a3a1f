import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '@openkap/domain/patients/schema';
import { TherapySessionInput } from '@openkap/domain/therapy/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function therapyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/patients/:id/therapy-sessions',
    { schema: { params: IdParam, body: TherapySessionInput } },
    async (request, reply) =>
      reply.status(201).send({
        session: await service.recordSession(
          ctx.db,
          callerOf(request),
          request.params.id,
          request.body,
          ctx.now(),
        ),
      }),
  );
  r.get('/api/patients/:id/therapy-sessions', { schema: { params: IdParam } }, async (request) => ({
    sessions: await service.listSessions(ctx.db, callerOf(request), request.params.id),
  }));
}
