/**
 * Load generator for the MLLP ingest benchmark, run as its own process so the monitors do not share
 * the server's event loop. N monitors, one TCP connection each, vendor styles mixed:
 *  - flood: each monitor sends its next message as soon as the previous one is acknowledged (as real
 *    monitors do), for the given time — measures throughput;
 *  - paced: each monitor sends `rate` messages a second — measures ACK latency at a set load. The
 *    first `spikes` monitors send one blood pressure of 190/112 half-way (the alert latency probe).
 * Messages are built before the clock starts, and ACKs are read only as far as MSA-1, so the load
 * process takes as little as it can of the CPU the server is measured on.
 * Prints one JSON line with counts, ACK latency percentiles and the spikes' send times (epoch ms).
 *
 *   tsx bench/mllp-load.ts '{"port":2575,"monitors":100,"mode":"flood","seconds":5,"mrns":["K1001"],"baseTime":…}'
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { MllpDecoder, frame } from '../server/src/hl7/framing.ts';
import { jitterFor, monitorMessage, reading, styles, type Style } from '../tools/monitor-messages.ts';

export interface LoadPlan {
  port: number;
  monitors: number;
  mode: 'flood' | 'paced';
  seconds: number;
  /** Messages per second per monitor (paced). */
  rate?: number;
  mrns: string[];
  /** Epoch ms of the first reading; each monitor's readings follow 10 ms (flood) or 1 s (paced) apart. */
  baseTime: number;
  spikes?: number;
  /** Distinguishes runs, so a re-run never repeats control ids or device ids. */
  run: string;
}

export interface LoadResult {
  sent: number;
  acked: number;
  codes: Record<string, number>;
  seconds: number;
  /** CPU time this load process used (user + system). */
  cpuMs: number;
  ackMs: { p50: number; p99: number; max: number };
  spikes: { mrn: string; sentAt: number }[];
}

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
const latencies: number[] = [];
const codes: Record<string, number> = {};
const spikes: LoadResult['spikes'] = [];
let sent = 0;
let acked = 0;
const epochNow = (): number => performance.timeOrigin + performance.now();

/** Frames are built before the clock starts (a real monitor spends none of this machine's CPU). */
const PREBUILT_FRAMES = 60_000;

interface Monitor {
  index: number;
  mrn: string;
  socket: net.Socket;
  frame(n: number): Buffer;
  spikeAt: number;
}

async function connectMonitor(index: number): Promise<Monitor> {
  const style: Style = styles[index % styles.length] ?? 'ge';
  const device = `${plan.run}${index.toString(16).toUpperCase().padStart(6, '0')}`.padStart(16, '0');
  const mrn = plan.mrns[index % plan.mrns.length] ?? '';
  const jitter = jitterFor(index);
  const every = plan.mode === 'paced' ? 1000 / (plan.rate ?? 1) : 0;
  const spikeAt = index < (plan.spikes ?? 0) ? Math.floor((plan.seconds * 1000) / every / 2) : -1;
  const build = (n: number): Buffer => {
    const r = reading(0.2, jitter);
    if (n === spikeAt) {
      Object.assign(r, { sbp: 190, dbp: 112 });
    }
    const text = monitorMessage({
      style,
      device,
      controlId: `${plan.run}-${index}-${n}`,
      mrn,
      bed: '',
      at: new Date(plan.baseTime + n * (every ? 1000 : 10)),
      reading: r,
      millis: !every,
    });
    return frame(text);
  };
  const count = every
    ? Math.ceil(plan.seconds * (plan.rate ?? 1)) + 1
    : Math.ceil(PREBUILT_FRAMES / plan.monitors);
  const frames = Array.from({ length: count }, (_, n) => build(n));
  const socket = net.connect(plan.port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { index, mrn, socket, frame: (n) => frames[n] ?? build(n), spikeAt };
}

/** MSA-1 of an ACK frame, read without decoding the whole frame. */
function msaCode(f: Buffer): string {
  const at = f.indexOf('MSA|');
  return at < 0 ? 'none' : f.toString('latin1', at + 4, at + 6);
}

async function run(m: Monitor, stopAt: number): Promise<void> {
  const { socket } = m;
  const decoder = new MllpDecoder();
  const waiting: number[] = [];
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    for (const f of decoder.push(chunk)) {
      const code = msaCode(f);
      codes[code] = (codes[code] ?? 0) + 1;
      const started = waiting.shift();
      if (started !== undefined) {
        latencies.push(performance.now() - started);
        acked++;
      }
      wake?.();
    }
  });
  socket.on('error', () => undefined);

  const every = plan.mode === 'paced' ? 1000 / (plan.rate ?? 1) : 0;
  if (every) {
    await new Promise((r) => setTimeout(r, (m.index * every) / plan.monitors));
  }
  const started = performance.now();
  for (let n = 0; performance.now() < stopAt; n++) {
    if (n === m.spikeAt) {
      spikes.push({ mrn: m.mrn, sentAt: epochNow() });
    }
    waiting.push(performance.now());
    socket.write(m.frame(n));
    sent++;
    if (every) {
      const next = started + (n + 1) * every;
      await new Promise((res) => setTimeout(res, Math.max(0, next - performance.now())));
    } else {
      await new Promise<void>((res) => (wake = res));
    }
  }
  const deadline = performance.now() + 10_000;
  while (waiting.length > 0 && performance.now() < deadline) {
    await new Promise<void>((res) => {
      wake = res;
      setTimeout(res, 100);
    });
  }
  socket.end();
}

const monitors = await Promise.all(Array.from({ length: plan.monitors }, (_, i) => connectMonitor(i)));
const cpuAtStart = process.cpuUsage();
const began = performance.now();
const stopAt = began + plan.seconds * 1000;
await Promise.all(monitors.map((m) => run(m, stopAt)));
const seconds = (performance.now() - began) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number): number =>
  latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
const result: LoadResult = {
  sent,
  acked,
  codes,
  seconds,
  cpuMs: ((used) => (used.user + used.system) / 1000)(process.cpuUsage(cpuAtStart)),
  ackMs: { p50: pct(0.5), p99: pct(0.99), max: pct(1) },
  spikes,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
