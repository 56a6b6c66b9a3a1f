import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParam } from '@openkap/domain/patients/schema';
import { RelapseInput } from '@openkap/domain/outcomes/relapse';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function relapseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/patients/:id/relapses',
    { schema: { params: IdParam, body: RelapseInput } },
    async (request, reply) =>
      reply.status(201).send({
        relapse: await service.recordRelapse(
          ctx.db,
          callerOf(request),
          request.params.id,
          request.body,
          ctx.now(),
        ),
      }),
  );
  r.get('/api/patients/:id/relapses', { schema: { params: IdParam } }, async (request) => ({
    relapses: await service.listRelapses(ctx.db, callerOf(request), request.params.id),
  }));
}
