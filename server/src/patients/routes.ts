import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcknowledgeFlagInput,
  HeightInput,
  IdParam,
  MedicationInput,
  PatientInput,
  PatientSearchQuery,
  PatientUpdate,
  WeightInput,
} from '@openkap/domain/patients/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function patientRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/patients', { schema: { querystring: PatientSearchQuery } }, async (request) => ({
    patients: await service.searchPatients(ctx.db, callerOf(request), request.query.q || undefined),
  }));
  r.post('/api/patients', { schema: { body: PatientInput } }, async (request, reply) =>
    reply
      .status(201)
      .send({ patient: await service.createPatient(ctx.db, callerOf(request), request.body, ctx.now()) }),
  );
  r.get('/api/patients/:id', { schema: { params: IdParam } }, async (request) => ({
    patient: await service.getPatient(ctx.db, callerOf(request), request.params.id, ctx.now()),
  }));
  r.patch('/api/patients/:id', { schema: { params: IdParam, body: PatientUpdate } }, async (request) => ({
    patient: await service.updatePatient(
      ctx.db,
      callerOf(request),
      request.params.id,
      request.body,
      ctx.now(),
    ),
  }));
  r.post(
    '/api/patients/:id/weights',
    { schema: { params: IdParam, body: WeightInput } },
    async (request, reply) =>
      reply.status(201).send({
        patient: await service.addWeight(
          ctx.db,
          callerOf(request),
          request.params.id,
          request.body,
          ctx.now(),
        ),
      }),
  );
  r.post(
    '/api/patients/:id/heights',
    { schema: { params: IdParam, body: HeightInput } },
    async (request, reply) =>
      reply.status(201).send({
        patient: await service.addHeight(
          ctx.db,
          callerOf(request),
          request.params.id,
          request.body,
          ctx.now(),
        ),
      }),
  );
  r.post(
    '/api/patients/:id/medications',
    { schema: { params: IdParam, body: MedicationInput } },
    async (request, reply) =>
      reply.status(201).send({
        patient: await service.addMedication(
          ctx.db,
          callerOf(request),
          request.params.id,
          request.body,
          ctx.now(),
        ),
      }),
  );
  r.post(
    '/api/patients/:id/medications/:medicationId/stop',
    { schema: { params: IdParam.extend({ medicationId: z.string().uuid() }) } },
    async (request) => ({
      patient: await service.stopMedication(
        ctx.db,
        callerOf(request),
        request.params.id,
        request.params.medicationId,
        ctx.now(),
      ),
    }),
  );
  r.post(
    '/api/patients/:id/flags/:code/acknowledge',
    {
      schema: {
        params: IdParam.extend({ code: z.string().regex(/^[a-z0-9_]{1,60}$/) }),
        body: AcknowledgeFlagInput,
      },
    },
    async (request) => ({
      patient: await service.acknowledgeFlag(
        ctx.db,
        callerOf(request),
        request.params.id,
        request.params.code,
        request.body.note,
        ctx.now(),
      ),
    }),
  );
}
