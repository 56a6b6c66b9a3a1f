import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClinicSettingsUpdate, ClinicSettingsView } from '@openkap/domain/clinics/settings';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';

export function clinicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/clinic-settings', { schema: { response: { 200: ClinicSettingsView } } }, async (request) =>
    service.readSettings(ctx.db, callerOf(request)),
  );
  r.patch(
    '/api/clinic-settings',
    { schema: { body: ClinicSettingsUpdate, response: { 200: ClinicSettingsView } } },
    async (request) => service.updateSettings(ctx.db, callerOf(request), request.body, ctx.now()),
  );
}
