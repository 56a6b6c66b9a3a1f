import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { installErrorHandler } from './http/errors.ts';
import { authPlugin } from './auth/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import { protocolRoutes } from './protocols/routes.ts';
import { infusionRoutes } from './infusions/routes.ts';
import { questionnaireRoutes } from './questionnaires/routes.ts';
import { clinicRoutes } from './clinics/routes.ts';
import { therapyRoutes } from './therapy/routes.ts';
import { relapseRoutes } from './relapses/routes.ts';
import { leadRoutes } from './leads/routes.ts';
import { fhirRoutes } from './fhir/routes.ts';
import { deviceRoutes } from './devices/routes.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { ledgerReportRoutes } from './ledger/reports/routes.ts';
import { reportRoutes } from './reports/routes.ts';

/** Builds the whole HTTP app around an open database; used by main.ts and by tests via inject(). */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are always logged (a 500 must never pass silently); request lines only when asked.
    logger: { level: opts.logger ? 'info' : 'error' },
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  // Off globally; routes that need it (sign-in) opt in with their own limits.
  await app.register(rateLimit, { global: false });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  authPlugin(app, ctx);
  healthRoutes(app, ctx);
  patientRoutes(app, ctx);
  protocolRoutes(app, ctx);
  infusionRoutes(app, ctx);
  questionnaireRoutes(app, ctx);
  clinicRoutes(app, ctx);
  therapyRoutes(app, ctx);
  relapseRoutes(app, ctx);
  leadRoutes(app, ctx);
  deviceRoutes(app, ctx);
  reportRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  ledgerReportRoutes(app, ctx);
  await app.register(async (fhir) => fhirRoutes(fhir, ctx), { prefix: '/fhir/R4' });

  // The built web app (front door, staff app, patient questionnaire) with SPA fallback; API misses stay JSON.
  const spa = existsSync(ctx.config.webDist);
  if (spa) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      spa &&
      request.method === 'GET' &&
      // A missing /assets/ file is a 404, never index.html: the browser would run HTML as a script.
      !['/api', '/fhir', '/assets/'].some((prefix) => request.url.startsWith(prefix))
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } });
  });
  return app;
}
