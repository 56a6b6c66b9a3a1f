import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignDeviceMessageInput,
  DeviceIdParam,
  DeviceMessageIdParam,
  DeviceMessageListQuery,
  DeviceSettingsInput,
  DismissDeviceMessageInput,
  RegisterDeviceInput,
} from '@openkap/domain/devices/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function deviceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // serverTime lets a screen say "heard 2 min ago" by the server's clock, not the tablet's.
  r.get('/api/devices', async (request) => ({
    devices: await service.listDevices(ctx.db, callerOf(request)),
    serverTime: ctx.now().toISOString(),
  }));
  r.post('/api/devices', { schema: { body: RegisterDeviceInput } }, async (request, reply) =>
    reply.status(201).send({ device: await service.registerDevice(ctx.db, callerOf(request), request.body) }),
  );
  r.patch(
    '/api/devices/:id',
    { schema: { params: DeviceIdParam, body: DeviceSettingsInput } },
    async (request) => ({
      device: await service.updateDeviceSettings(ctx.db, callerOf(request), request.params.id, request.body),
    }),
  );
  r.get('/api/device-messages', { schema: { querystring: DeviceMessageListQuery } }, async (request) => ({
    messages: await service.listDeviceMessages(ctx.db, callerOf(request), request.query.status),
  }));
  r.get('/api/device-messages/count', async (request) => ({
    unmatched: await service.countOpenDeviceMessages(ctx.db, callerOf(request)),
  }));
  r.post(
    '/api/device-messages/:id/assign',
    { schema: { params: DeviceMessageIdParam, body: AssignDeviceMessageInput } },
    async (request) => ({
      message: await service.assignDeviceMessage(
        ctx,
        callerOf(request),
        request.params.id,
        request.body.patientId,
      ),
    }),
  );
  r.post(
    '/api/device-messages/:id/dismiss',
    { schema: { params: DeviceMessageIdParam, body: DismissDeviceMessageInput } },
    async (request) => ({
      message: await service.dismissDeviceMessage(
        ctx.db,
        callerOf(request),
        request.params.id,
        request.body.note,
        ctx.now(),
      ),
    }),
  );
}
