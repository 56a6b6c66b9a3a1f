import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '@openkap/domain/patients/schema';
import {
  AdjustInput,
  CorrectionInput,
  CountInput,
  DisposeInput,
  DrawInput,
  LocationInput,
  LossInput,
  ProductInput,
  ReceiveInput,
  ReturnInput,
  TransferInput,
  WasteInput,
} from '@openkap/domain/ledger/schema';
import type { AppContext } from '../context.ts';
import { callerOf } from '../auth/routes.ts';
import * as service from './service.ts';
import { infusionLedgerFor, recentEntries, stock } from './reads.ts';
import { recordCount } from './counts.ts';
import { verifyForCaller } from './verify.ts';
import { followupRoutes } from './followups/routes.ts';
import { locationView, productView, type EntryView } from './views.ts';
import type { Caller } from '../auth/caller.ts';

const EntriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().positive().optional(),
});

export function ledgerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/ledger/stock', async (request) => stock(ctx, callerOf(request)));
  r.get('/api/ledger/entries', { schema: { querystring: EntriesQuery } }, async (request) => ({
    entries: await recentEntries(ctx, callerOf(request), request.query),
  }));
  r.get('/api/ledger/verify', async (request) => verifyForCaller(ctx.db, callerOf(request)));
  r.get('/api/infusions/:id/ledger', { schema: { params: IdParam } }, async (request) =>
    infusionLedgerFor(ctx, callerOf(request), request.params.id),
  );

  r.post('/api/ledger/locations', { schema: { body: LocationInput } }, async (request, reply) =>
    reply
      .status(201)
      .send({ location: locationView(await service.createLocation(ctx, callerOf(request), request.body)) }),
  );
  r.post('/api/ledger/products', { schema: { body: ProductInput } }, async (request, reply) =>
    reply
      .status(201)
      .send({ product: productView(await service.createProduct(ctx, callerOf(request), request.body)) }),
  );

  // Each movement answers 201 with the entries it appended (numbered, hashed).
  const movement = <S extends z.ZodType>(
    path: string,
    body: S,
    handler: (deps: AppContext, caller: Caller, input: z.output<S>) => Promise<EntryView[]>,
  ): void => {
    r.post(path, { schema: { body } }, async (request, reply) =>
      reply.status(201).send({ entries: await handler(ctx, callerOf(request), request.body as z.output<S>) }),
    );
  };
  movement('/api/ledger/receipts', ReceiveInput, service.receive);
  movement('/api/ledger/draws', DrawInput, service.draw);
  movement('/api/ledger/waste', WasteInput, service.waste);
  movement('/api/ledger/returns', ReturnInput, service.returnToStock);
  movement('/api/ledger/transfers', TransferInput, service.transfer);
  movement('/api/ledger/disposals', DisposeInput, service.dispose);
  movement('/api/ledger/losses', LossInput, service.loss);
  movement('/api/ledger/adjustments', AdjustInput, service.adjust);
  movement('/api/ledger/corrections', CorrectionInput, service.correct);
  r.post('/api/ledger/counts', { schema: { body: CountInput } }, async (request, reply) =>
    reply.status(201).send(await recordCount(ctx, callerOf(request), request.body)),
  );
  followupRoutes(app, ctx);
}
