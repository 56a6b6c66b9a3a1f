import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { ping } from '../db/database.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/health', async (_request, reply) => {
    let status = 'ok';
    try {
      await ping(ctx.db);
    } catch {
      status = 'database_unreachable';
    }
    const body = {
      status,
      database: ctx.databaseKind,
      durable: ctx.durable,
      version: ctx.config.version,
      ...(ctx.durable
        ? {}
        : { warning: 'Embedded PGlite database: no fsync, for evaluation and development only.' }),
    };
    return reply.status(status === 'ok' ? 200 : 503).send(body);
  });
}
