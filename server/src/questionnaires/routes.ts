import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  QuestionnaireInput,
  QuestionnaireLinkInput,
  QuestionnaireLinkSubmission,
} from '@openkap/domain/instruments/schema';
import { IdParam } from '@openkap/domain/patients/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

const TokenParam = z.object({ token: z.string().min(20).max(100) });

export function questionnaireRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/instruments', async (request) => ({
    instruments: await service.catalogFor(ctx.db, request.caller),
  }));
  r.post(
    '/api/patients/:id/questionnaires',
    { schema: { params: IdParam, body: QuestionnaireInput } },
    async (request, reply) => {
      const { response, score } = await service.enterResponse(
        ctx.db,
        callerOf(request),
        request.params.id,
        request.body,
        ctx.now(),
      );
      return reply.status(201).send({ response, score });
    },
  );
  r.post(
    '/api/patients/:id/questionnaire-links',
    { schema: { params: IdParam, body: QuestionnaireLinkInput } },
    async (request, reply) => {
      const body = {
        instruments: request.body.instruments,
        expiresInHours: request.body.expiresInHours ?? 72,
      };
      return reply
        .status(201)
        .send(
          await service.createLink(
            ctx.db,
            callerOf(request),
            request.params.id,
            body,
            ctx.now(),
            ctx.config.publicUrl,
          ),
        );
    },
  );
  r.get('/api/q/:token', { schema: { params: TokenParam } }, async (request) =>
    service.openLink(ctx.db, request.params.token, ctx.now()),
  );
  r.post(
    '/api/q/:token',
    { schema: { params: TokenParam, body: QuestionnaireLinkSubmission } },
    async (request) => {
      await service.submitLink(ctx.db, request.params.token, request.body.responses, ctx.now());
      return { ok: true };
    },
  );
  r.get('/api/safety-alerts', async (request) => ({
    alerts: await service.openSafetyAlerts(ctx.db, callerOf(request)),
  }));
  r.post(
    '/api/safety-alerts/:id/acknowledge',
    {
      schema: {
        params: IdParam,
        body: z.object({ note: z.string().trim().min(1, 'say what was done').max(1000) }),
      },
    },
    async (request, reply) => {
      await service.acknowledgeSafetyAlert(
        ctx.db,
        callerOf(request),
        request.params.id,
        request.body.note,
        ctx.now(),
      );
      return reply.status(204).send();
    },
  );
}
