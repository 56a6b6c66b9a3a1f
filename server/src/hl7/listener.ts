/**
 * The MLLP listener (issue 3): one TCP server, any number of long-lived monitor connections. Per
 * connection, frames are processed one after another so ACKs go back in the order the messages came;
 * each ACK is written only after ingestMessage has committed the outcome. Bad input never ends the
 * process: unreadable frames get AR, a frame over 1 MiB gets AR and the connection is closed, socket
 * errors only close that socket.
 *
 * Clinic: one deployment serves one clinic, like public lead capture (leads/store.ts homeClinicId):
 * messages go to the first clinic created, looked up when the first message arrives.
 */
import net from 'node:net';
import type { AppContext } from '../context.ts';
import { homeClinicId } from '../leads/store.ts';
import { MllpDecoder, frame } from './framing.ts';
import { buildAck, shouldAck } from './ack.ts';
import { ingestMessage, type IngestResult } from './ingest.ts';

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

  const handle = async (payload: Buffer): Promise<Buffer | undefined> => {
    const text = payload.toString('utf8');
    let result: IngestResult;
    try {
      clinicId ??= await homeClinicId(ctx.db);
      if (!clinicId) {
        throw new Error('no clinic');
      }
      result = await ingestMessage(ctx, clinicId, text);
    } catch (err) {
      log(`mllp: message not processed: ${err instanceof Error ? err.message : String(err)}`);
      result = {
        code: 'AE',
        text: 'The message could not be stored; please send it again',
        errorCode: '207',
        header: undefined,
        status: 'rejected',
        stored: 0,
        infusionId: null,
      };
    }
    opts.onMessage?.(result);
    return shouldAck(result.header, result.code)
      ? frame(buildAck(result.header, result, ctx.now()))
      : undefined;
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    const decoder = new MllpDecoder();
    let queue = Promise.resolve();
    queues.set(socket, queue);
    socket.on('data', (chunk: Buffer) => {
      const frames = decoder.push(chunk);
      const overflowed = decoder.overflowed;
      if (overflowed) {
        socket.pause();
      }
      queue = queue.then(async () => {
        for (const payload of frames) {
          const ack = await handle(payload);
          if (ack && !socket.destroyed) {
            socket.write(ack);
          }
        }
        if (overflowed && !socket.destroyed) {
          const ack = buildAck(
            undefined,
            { code: 'AR', text: 'Message larger than 1 MiB', errorCode: '100' },
            ctx.now(),
          );
          socket.end(frame(ack));
        }
      });
      // Never an unhandled rejection: whatever went wrong ends this connection only.
      queue = queue.catch((err: unknown) => {
        log(`mllp: connection closed: ${err instanceof Error ? err.message : String(err)}`);
        socket.destroy();
      });
      queues.set(socket, queue);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      void queue.then(() => queues.delete(socket));
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
