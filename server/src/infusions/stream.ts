import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.ts';
import { getInfusion, type InfusionDeps } from './service.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for the infusion console: the whole session view after every committed change
 * (a new reading, an alert, a pump event), plus a heartbeat so proxies keep the stream open.
 * Changes arriving while a send is in flight are coalesced into one more send.
 */
export async function streamInfusion(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const first = await getInfusion(deps, caller, id); // 404/403 before the stream opens
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = (data: unknown): void => {
    res.write(`event: infusion\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send(first);

  let sending = false;
  let again = false;
  let closed = false;
  const push = async (): Promise<void> => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        const view = await getInfusion(deps, caller, id, { audit: false });
        if (!closed) {
          send(view);
        }
      } while (again && !closed);
    } catch (err) {
      request.log.warn({ err }, 'infusion stream update failed');
    } finally {
      sending = false;
    }
  };
  const unsubscribe = deps.live.subscribe(id, () => void push());
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  request.raw.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
  });
}
