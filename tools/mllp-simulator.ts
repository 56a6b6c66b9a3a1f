/**
 * Bedside-monitor simulator that speaks HL7 v2 over MLLP (IHE PCD-01 `ORU^R01`), for demos and load:
 * N monitors (one long-lived TCP connection each), a message rate, the message style of a vendor
 * (GE VSP, NIST-style gateway, Mindray; layouts from ../shared/reference/interop.md §2), and an
 * optional scripted blood-pressure rise. Prints ACK counts and ACK latency when done.
 *
 *   npm run simulate:mllp -- [--host 127.0.0.1] [--port 2575] [--monitors 1] [--rate 1] [--duration 30]
 *                            [--style ge|nist|mindray|mixed] [--mrn K1001,K1002] [--bed "Chair 1"] [--bp-rise]
 *
 * --rate is messages per second per monitor; --mrn values are handed to the monitors in turn (none:
 * the PID is empty and the server matches by --bed or by the device's chair, else keeps it for review).
 * Without an offset in their clock (GE, Mindray) monitors send UTC wall time here.
 */
import net from 'node:net';
import { parseArgs } from 'node:util';
import { MllpDecoder, frame } from '../server/src/hl7/framing.ts';
import { jitterFor, monitorMessage, reading, styles, type Style } from './monitor-messages.ts';

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '2575' },
    monitors: { type: 'string', default: '1' },
    rate: { type: 'string', default: '1' },
    duration: { type: 'string', default: '30' },
    style: { type: 'string', default: 'ge' },
    mrn: { type: 'string', default: '' },
    bed: { type: 'string', default: '' },
    'bp-rise': { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    `usage: npm run simulate:mllp -- [--host] [--port 2575] [--monitors 1] [--rate 1] [--duration 30] [--style ge|nist|mindray|mixed] [--mrn K1001,K1002] [--bed "Chair 1"] [--bp-rise]`,
  );
  process.exit(0);
}

const monitors = Number(values.monitors);
const rate = Number(values.rate);
const durationMs = Number(values.duration) * 1000;
const mrns = values.mrn ? values.mrn.split(',') : [];
if (
  !(monitors >= 1) ||
  !(rate > 0) ||
  !(durationMs > 0) ||
  !(values.style === 'mixed' || styles.includes(values.style as Style))
) {
  console.error(
    'usage: npm run simulate:mllp -- --monitors N --rate R --duration S --style ge|nist|mindray|mixed',
  );
  process.exit(2);
}

const counts: Record<string, number> = { AA: 0, CA: 0, AE: 0, CE: 0, AR: 0, CR: 0, other: 0 };
const latencies: number[] = [];
let sent = 0;
const reasons = new Map<string, number>();

async function runMonitor(index: number): Promise<number> {
  const style: Style = values.style === 'mixed' ? (styles[index % 3] as Style) : (values.style as Style);
  const device = `0800A1FFFE${index.toString(16).toUpperCase().padStart(6, '0')}`;
  const mrn = mrns.length ? (mrns[index % mrns.length] as string) : '';
  const socket = net.connect(Number(values.port), values.host);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const decoder = new MllpDecoder();
  const pending = new Map<string, number>();
  socket.on('data', (chunk: Buffer) => {
    for (const f of decoder.push(chunk)) {
      const msaLine =
        f
          .toString('utf8')
          .split('\r')
          .find((l) => l.startsWith('MSA|')) ?? '';
      const [, code = '', controlId = '', text = ''] = msaLine.split('|');
      const started = pending.get(controlId);
      if (started !== undefined) {
        latencies.push(performance.now() - started);
        pending.delete(controlId);
      }
      counts[code in counts ? code : 'other'] = (counts[code in counts ? code : 'other'] ?? 0) + 1;
      if ((code !== 'AA' && code !== 'CA') || text.startsWith('Kept')) {
        reasons.set(`${code} ${text}`, (reasons.get(`${code} ${text}`) ?? 0) + 1);
      }
    }
  });
  socket.on('error', (err) => console.error(`monitor ${index}: ${err.message}`));
  const every = 1000 / rate;
  const start = Date.now();
  // Spread the monitors over the first interval so they do not all send at once.
  await new Promise((r) => setTimeout(r, (index * every) / monitors));
  const jitter = jitterFor(index);
  for (let n = 0; Date.now() - start < durationMs; n++) {
    const id = `${device.slice(-6)}-${n}`;
    // Device clocks tick in seconds: one reading per second per monitor at most.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    pending.set(id, performance.now());
    socket.write(
      frame(
        monitorMessage({
          style,
          device,
          controlId: id,
          mrn,
          bed: values.bed,
          at,
          reading: reading((Date.now() - start) / durationMs, jitter, values['bp-rise']),
        }),
      ),
    );
    sent++;
    await new Promise((r) => setTimeout(r, every));
  }
  const deadline = Date.now() + 5000;
  while (pending.size > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  socket.end();
  return pending.size;
}

const began = performance.now();
const missing = (await Promise.all(Array.from({ length: monitors }, (_, i) => runMonitor(i)))).reduce(
  (a, b) => a + b,
  0,
);
const seconds = (performance.now() - began) / 1000;
latencies.sort((x, y) => x - y);
const pct = (p: number): string =>
  latencies.length
    ? `${latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1)} ms`
    : '–';
console.log(`monitors ${monitors} · style ${values.style} · ${sent} messages in ${seconds.toFixed(1)} s`);
console.log(
  `ACKs: AA/CA ${(counts.AA ?? 0) + (counts.CA ?? 0)} · AE/CE ${(counts.AE ?? 0) + (counts.CE ?? 0)} · AR/CR ${(counts.AR ?? 0) + (counts.CR ?? 0)} · other ${counts.other} · none ${missing}`,
);
console.log(`ACK latency: p50 ${pct(0.5)} · p99 ${pct(0.99)} · max ${pct(1)}`);
for (const [reason, n] of reasons) {
  console.log(`  ${n} × ${reason}`);
}
process.exit(missing > 0 || counts.AE || counts.CE || counts.AR || counts.CR ? 1 : 0);
