/**
 * The MLLP listener (issue 3): one TCP server, any number of long-lived monitor connections. Frames go
 * to the group-commit queue (batch.ts) as soon as they are read, so messages from many monitors, and
 * several from one monitor, share a transaction; each connection's replies are still written in the
 * order its messages came, and only after their outcome is committed. A connection with more than
 * MAX_IN_FLIGHT messages unanswered is paused until the queue catches up (back-pressure on a flood).
 * Bad input never ends the process: unreadable frames get AR, a frame over 1 MiB gets AR and the
 * connection is closed, socket errors only close that socket.
 *
 * Clinic: one deployment serves one clinic, like public lead capture (leads/store.ts homeClinicId):
 * messages go to the first clinic created, looked up when the first message arrives.
 */
import net from 'node:net';
import type { AppContext } from '../context.ts';
import { homeClinicId } from '../leads/store.ts';
import { MllpDecoder, frame } from './framing.ts';
import { buildAck, replyCodes } from './ack.ts';
import { NOT_STORED, rejection, type IngestResult } from './ingest.ts';
import { IngestQueue } from './batch.ts';

const MAX_IN_FLIGHT = 256;

export interface MllpListener {
  port: number;
  close(): Promise<void>;
}

export async function startMllpListener(opts: {
  port: number;
  host?: string;
  ctx: Pick<AppContext, 'db' | 'now' | 'live'>;
  /** Defaults to the deployment's home clinic. */
  clinicId?: string;
  /** Group-commit batches in flight at once (see IngestQueue); 1 for PGlite. */
  concurrency?: number;
  /** Called after each message (tests, metrics). */
  onMessage?: (result: IngestResult) => void;
  log?: (message: string) => void;
}): Promise<MllpListener> {
  const { ctx } = opts;
  const log = opts.log ?? (() => undefined);
  let clinicId = opts.clinicId;
  const sockets = new Set<net.Socket>();
  /** Each connection's chain of messages in progress, awaited on close. */
  const queues = new Map<net.Socket, Promise<void>>();

  const queue = new IngestQueue(ctx, { log, concurrency: opts.concurrency ?? 1 });
  const failed = (): IngestResult => rejection(undefined, 'AE', NOT_STORED, '207');

  /** The message's outcome, committed, and the framed replies it asks for (possibly none). */
  const handle = async (payload: Buffer): Promise<Buffer[]> => {
    // PostgreSQL text and jsonb cannot hold NUL: one broken sender must not fail a shared transaction.
    const text = payload.toString('utf8').replace(/\0/g, '\uFFFD');
    let result: IngestResult;
    try {
      clinicId ??= await homeClinicId(ctx.db);
      result = clinicId ? await queue.submit(clinicId, text) : failed();
      if (!clinicId) {
        log('mllp: message not processed: no clinic');
      }
    } catch (err) {
      log(`mllp: message not processed: ${err instanceof Error ? err.message : String(err)}`);
      result = failed();
    }
    opts.onMessage?.(result);
    const now = ctx.now();
    return replyCodes(result.header, result.code).map((code) =>
      frame(buildAck(result.header, { ...result, code }, now)),
    );
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    const decoder = new MllpDecoder();
    let replies = Promise.resolve();
    let inFlight = 0;
    queues.set(socket, replies);
    socket.on('data', (chunk: Buffer) => {
      const frames = decoder.push(chunk);
      const overflowed = decoder.overflowed;
      // Submitted now (they may join the transaction being formed); answered below in order.
      const pending = frames.map((payload) => handle(payload));
      inFlight += pending.length;
      if (overflowed || inFlight > MAX_IN_FLIGHT) {
        socket.pause();
      }
      replies = replies.then(async () => {
        for (const answer of pending) {
          const acks = await answer;
          inFlight--;
          for (const ack of acks) {
            if (!socket.destroyed) {
              socket.write(ack);
            }
          }
        }
        if (overflowed && !socket.destroyed) {
          const ack = buildAck(
            undefined,
            { code: 'AR', text: 'Message larger than 1 MiB', errorCode: '100' },
            ctx.now(),
          );
          socket.end(frame(ack));
        } else if (inFlight <= MAX_IN_FLIGHT && socket.isPaused() && !socket.destroyed) {
          socket.resume();
        }
      });
      // Never an unhandled rejection: whatever went wrong ends this connection only.
      replies = replies.catch((err: unknown) => {
        log(`mllp: connection closed: ${err instanceof Error ? err.message : String(err)}`);
        socket.destroy();
      });
      queues.set(socket, replies);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      void replies.then(() => queues.delete(socket));
    });
  });
  server.on('error', (err) => log(`mllp: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    // Stops accepting, drops the connections (a message committed but not yet acknowledged is re-sent
    // by its monitor and stored once), and waits for the messages in progress to finish.
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) {
        s.destroy();
      }
      await Promise.all([...queues.values()]);
      await closed;
    },
  };
}
