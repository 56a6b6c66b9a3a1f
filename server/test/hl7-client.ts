import net from 'node:net';
import { MllpDecoder } from '../src/hl7/framing.ts';
import { startMllpListener, type MllpListener } from '../src/hl7/listener.ts';
import type { TestClinic } from './harness.ts';

/** A test monitor: writes raw bytes exactly as given (no framing help) and collects the ACKs it gets. */
export class TestMonitor {
  readonly acks: string[] = [];
  closed = false;
  private waiters: (() => void)[] = [];
  private readonly decoder = new MllpDecoder();

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const f of this.decoder.push(chunk)) {
        this.acks.push(f.toString('utf8'));
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<TestMonitor> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new TestMonitor(s)));
      s.setNoDelay(true);
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Writes one chunk and waits for it to leave (so the next write is a separate TCP segment). */
  async write(bytes: Buffer | string): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.socket.write(bytes, (err) => (err ? reject(err) : resolve())),
    );
    await new Promise((r) => setTimeout(r, 15));
  }

  async waitForAcks(n: number, timeoutMs = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.acks.length < n) {
      if (this.closed || Date.now() > deadline) {
        throw new Error(`got ${this.acks.length} of ${n} ACKs${this.closed ? ' (closed)' : ''}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.acks.slice(0, n);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** MSA-1 and MSA-2 of an ACK. */
export function msa(ack: string): { code: string; controlId: string; text: string } {
  const line = ack.split('\r').find((l) => l.startsWith('MSA|')) ?? '';
  const [, code = '', controlId = '', text = ''] = line.split('|');
  return { code, controlId, text };
}

/** The MLLP listener on an ephemeral port, against the test clinic's database, clock and live fan-out. */
export function listenFor(t: TestClinic): Promise<MllpListener> {
  return startMllpListener({
    port: 0,
    host: '127.0.0.1',
    clinicId: t.clinicId,
    ctx: { db: t.database.db, now: () => t.clock.now, live: t.live },
  });
}
