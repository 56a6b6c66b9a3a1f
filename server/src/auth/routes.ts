import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginRequest } from '@openkap/domain/auth/schema';
import { AppError } from '../http/errors.ts';
import type { Caller } from './caller.ts';
import * as service from './service.ts';
import type { AppContext } from '../context.ts';

export const SESSION_COOKIE = 'openkap_session';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | undefined;
  }
}

/** The signed-in caller, or a 401. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) {
    throw new AppError(401, 'signed_out', 'Please sign in.');
  }
  return request.caller;
}

export function authPlugin(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async (request) => {
    const session = request.cookies[SESSION_COOKIE];
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (session || bearer) {
      request.caller = await service.resolveCaller(ctx.db, { session, bearer }, ctx.now());
    }
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  // Slows password guessing: 10 tries per 5 minutes per address and email (per server process).
  const signInLimit = {
    max: 10,
    timeWindow: '5 minutes',
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as { email?: unknown } | undefined;
      return `${request.ip}|${typeof body?.email === 'string' ? body.email.toLowerCase() : ''}`;
    },
    // After validation, so the key can use the email from the parsed body.
    hook: 'preHandler' as const,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new AppError(429, 'too_many_attempts', `Too many sign-in attempts. Try again in ${context.after}.`),
  };
  r.post(
    '/api/auth/login',
    { schema: { body: LoginRequest }, config: { rateLimit: signInLimit } },
    async (request, reply) => {
      const { user, token, expiresAt } = await service.signIn(
        ctx.db,
        request.body.email,
        request.body.password,
        ctx.now(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.production,
        path: '/',
        expires: expiresAt,
      });
      return { user };
    },
  );
  r.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await service.signOut(ctx.db, token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
  r.get('/api/auth/me', async (request) => ({ user: await service.currentUser(ctx.db, callerOf(request)) }));
  r.post(
    '/api/auth/tokens',
    { schema: { body: z.object({ label: z.string().trim().min(1).max(100) }) } },
    async (request, reply) => {
      const token = await service.issueApiToken(ctx.db, callerOf(request), request.body.label);
      return reply.status(201).send({ token });
    },
  );
}
