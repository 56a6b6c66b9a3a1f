import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcknowledgeAlertInput,
  AdministrationInput,
  BpOverrideInput,
  DischargeInput,
  RecoveryScoreInput,
  DoseOrderInput,
  InterventionInput,
  PrecheckInput,
  PumpEventInput,
  ScheduleInfusionInput,
  SideEffectInput,
  VitalsInput,
} from '@openkap/domain/infusions/schema';
import { IdParam } from '@openkap/domain/patients/schema';
import { interventions, modifiedAldrete, padss, sideEffectSeverities, sideEffects } from '@openkap/domain';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';
import { recordVitals } from './vitals.ts';
import { streamInfusion } from './stream.ts';
import { recordAdministration } from './administrations.ts';
import { overrideBpHold, recordRecoveryScore } from './recovery.ts';
import { clinicians } from './clinicians.ts';

export function infusionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, live: ctx.live, now: ctx.now };
  const one = { schema: { params: IdParam } };

  r.get('/api/chairs', async (request) => ({ chairs: await service.chairs(deps, callerOf(request)) }));
  r.get('/api/infusions/board', async (request) => service.board(deps, callerOf(request)));
  r.get('/api/infusions/clinicians', async (request) => ({
    clinicians: await clinicians(deps, callerOf(request)),
  }));
  r.get('/api/infusions/catalog', async () => ({
    sideEffects,
    severities: sideEffectSeverities,
    interventions,
    dischargeScales: [padss, modifiedAldrete],
  }));
  r.post('/api/infusions', { schema: { body: ScheduleInfusionInput } }, async (request, reply) =>
    reply
      .status(201)
      .send({ infusion: await service.scheduleInfusion(deps, callerOf(request), request.body) }),
  );
  r.get('/api/infusions/:id', one, async (request) => ({
    infusion: await service.getInfusion(deps, callerOf(request), request.params.id),
  }));
  r.get('/api/infusions/:id/live', one, async (request, reply) =>
    streamInfusion(deps, callerOf(request), request.params.id, request, reply),
  );
  r.post(
    '/api/infusions/:id/prechecks',
    { schema: { params: IdParam, body: PrecheckInput } },
    async (request) => ({
      infusion: await service.recordPrechecks(deps, callerOf(request), request.params.id, request.body),
    }),
  );
  r.post(
    '/api/infusions/:id/dose-order',
    { schema: { params: IdParam, body: DoseOrderInput } },
    async (request) => ({
      infusion: await service.orderDose(deps, callerOf(request), request.params.id, request.body),
    }),
  );
  r.post(
    '/api/infusions/:id/pump',
    { schema: { params: IdParam, body: PumpEventInput } },
    async (request) => ({
      infusion: await service.pumpEvent(deps, callerOf(request), request.params.id, request.body),
    }),
  );
  r.post(
    '/api/infusions/:id/administrations',
    { schema: { params: IdParam, body: AdministrationInput } },
    async (request, reply) =>
      reply.status(201).send({
        infusion: await recordAdministration(deps, callerOf(request), request.params.id, request.body),
      }),
  );
  r.post(
    '/api/infusions/:id/bp-override',
    { schema: { params: IdParam, body: BpOverrideInput } },
    async (request) => ({
      infusion: await overrideBpHold(deps, callerOf(request), request.params.id, request.body),
    }),
  );
  r.post(
    '/api/infusions/:id/recovery-scores',
    { schema: { params: IdParam, body: RecoveryScoreInput } },
    async (request, reply) =>
      reply.status(201).send({
        infusion: await recordRecoveryScore(deps, callerOf(request), request.params.id, request.body),
      }),
  );
  r.post(
    '/api/infusions/:id/vitals',
    { schema: { params: IdParam, body: VitalsInput } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ infusion: await recordVitals(deps, callerOf(request), request.params.id, request.body) }),
  );
  r.post(
    '/api/infusions/:id/side-effects',
    { schema: { params: IdParam, body: SideEffectInput } },
    async (request, reply) =>
      reply.status(201).send({
        infusion: await service.recordSideEffect(deps, callerOf(request), request.params.id, request.body),
      }),
  );
  r.post(
    '/api/infusions/:id/interventions',
    { schema: { params: IdParam, body: InterventionInput } },
    async (request, reply) =>
      reply.status(201).send({
        infusion: await service.recordIntervention(deps, callerOf(request), request.params.id, request.body),
      }),
  );
  r.post(
    '/api/infusions/:id/alerts/:alertId/acknowledge',
    { schema: { params: IdParam.extend({ alertId: z.string().uuid() }), body: AcknowledgeAlertInput } },
    async (request) => ({
      infusion: await service.acknowledgeAlert(
        deps,
        callerOf(request),
        request.params.id,
        request.params.alertId,
        request.body.note,
      ),
    }),
  );
  r.post(
    '/api/infusions/:id/device-alarms/:alarmId/acknowledge',
    { schema: { params: IdParam.extend({ alarmId: z.string().uuid() }), body: AcknowledgeAlertInput } },
    async (request) => ({
      infusion: await service.acknowledgeDeviceAlarm(
        deps,
        callerOf(request),
        request.params.id,
        request.params.alarmId,
        request.body.note,
      ),
    }),
  );
  r.post(
    '/api/infusions/:id/discharge',
    { schema: { params: IdParam, body: DischargeInput } },
    async (request) => ({
      infusion: await service.discharge(deps, callerOf(request), request.params.id, request.body),
    }),
  );
}
