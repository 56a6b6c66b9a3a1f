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

type Style = 'ge' | 'nist' | 'mindray';
const styles: Style[] = ['ge', 'nist', 'mindray'];
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

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function hl7Time(d: Date, offset: boolean): string {
  const s = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return offset ? `${s}+0000` : s;
}

interface Reading {
  hr: number;
  sbp: number;
  dbp: number;
  spo2: number;
  rr: number;
  temp: number;
}

/** A plausible reading; with --bp-rise systolic climbs from ~125 to ~190 over the run. */
function reading(progress: number, jitter: () => number): Reading {
  const sbp = values['bp-rise'] ? 125 + 65 * progress : 128;
  return {
    hr: Math.round(78 + 10 * progress + jitter() * 4),
    sbp: Math.round(sbp + jitter() * 4),
    dbp: Math.round(sbp * 0.62 + jitter() * 3),
    spo2: Math.round(Math.min(100, 97 + jitter())),
    rr: Math.round(14 + jitter()),
    temp: Math.round((36.8 + jitter() * 0.1) * 10) / 10,
  };
}

function message(style: Style, device: string, id: string, mrn: string, at: Date, r: Reading): string {
  const seg: string[] = [];
  const bed = values.bed;
  if (style === 'ge') {
    const t = hl7Time(at, false);
    seg.push(
      `MSH|^~\\&|VSP^${device}^EUI-64|GE Healthcare|||${t}||ORU^R01^ORU_R01|${id}|P|2.6|||NE|AL||UNICODE UTF-8|||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
      `PID|||${mrn}^^^PID^MR||СИМУЛЯТОР^ТЕСТ^^^^^L|||`,
      `PV1||E|X^^${bed}`,
      `OBR|1|${device}${t}^VSP^${device}^EUI-64|${device}${t}^VSP^${device}^EUI-64|182777000^monitoring of patient^SCT|||${t}`,
      'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X',
      `OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.5.1.1|${r.hr}|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|3|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.22.1.2|${r.spo2}|262688^MDC_DIM_PERCENT^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|4|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.3.1.1|${r.sbp}|266016^MDC_DIM_MMHG^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|5|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.3.1.2|${r.dbp}|266016^MDC_DIM_MMHG^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|6|NM|151562^MDC_RESP_RATE^MDC|1.7.1.1|${r.rr}|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||||||${device}^B40_GE`,
    );
  } else if (style === 'nist') {
    const t = hl7Time(at, true);
    const obx = (n: number, code: string, sub: string, v: number, unit: string): string =>
      `OBX|${n}|NM|${code}|${sub}|${v}|${unit}^${unit}^UCUM|||||R|||${t}||||${device}^SIMULATOR`;
    seg.push(
      `MSH|^~\\&|SIM_Gateway^${device}^EUI-64|Simulator|||${t}||ORU^R01^ORU_R01|${id}|P|2.6|||AL|NE||UNICODE UTF-8|||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
      `PID|||${mrn}^^^SIM^PI||Simulator^Test^^^^^L|||`,
      `PV1||I|Infusion^Bay^${bed}|`,
      `OBR|1|${device}^SIM_Gateway^${device}^EUI-64|${device}^SIM_Gateway^${device}^EUI-64|182777000^monitoring of patient^SCT|||${t}`,
      'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X',
      obx(2, '150021^MDC_PRESS_BLD_NONINV_SYS^MDC', '1.1.1.1', r.sbp, 'mm[Hg]'),
      obx(3, '150022^MDC_PRESS_BLD_NONINV_DIA^MDC', '1.1.1.2', r.dbp, 'mm[Hg]'),
      obx(4, '149546^MDC_PULS_RATE_NON_INV^MDC', '1.1.1.4', r.hr, '{beat}/min'),
      obx(5, '150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.2.1.1', r.spo2, '%'),
      obx(6, '150364^MDC_TEMP_BODY^MDC', '1.5.1.1', r.temp, 'Cel'),
    );
  } else {
    const t = hl7Time(at, false);
    const obx = (code: string, sub: string, v: number | string, unit: string): string =>
      `OBX||NM|${code}|${sub}|${v}|${unit}||||||||${t}`;
    seg.push(
      `MSH|^~\\&|MONITOR^${device}^EUI-64||||${t}||ORU^R01|${id}|P|2.3.1|||AL|NE||UNICODE UTF-8`,
      `PID|||${mrn}^^^^PI||^^^^^^L|||||`,
      `PV1||I|^^${bed}^`,
      `OBR|1|${id}^MONITOR^${device}^EUI-64|${id}^MONITOR^${device}^EUI-64|182777000^monitoring of patient^SCT|||${t}`,
      obx('147842^MDC_ECG_HEART_RATE^MDC', '1.7.4.147842', r.hr, '264864^MDC_DIM_BEAT_PER_MIN^MDC'),
      obx('150301^MDC_PRESS_CUFF_SYS^MDC', '1.1.9.150301', r.sbp, 'mmHg'),
      obx('150302^MDC_PRESS_CUFF_DIA^MDC', '1.1.9.150302', r.dbp, 'mmHg'),
      obx('150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.3.1.150456', r.spo2, '%'),
      obx('150344^MDC_TEMP^MDC', '1.13.1.150344', '-99.9', '268192^MDC_DIM_DEGC^MDC'), // probe off: sentinel
    );
  }
  return seg.join('\r') + '\r';
}

const counts: Record<string, number> = { AA: 0, AE: 0, AR: 0, other: 0 };
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
      if (code !== 'AA' || text.startsWith('Kept')) {
        reasons.set(`${code} ${text}`, (reasons.get(`${code} ${text}`) ?? 0) + 1);
      }
    }
  });
  socket.on('error', (err) => console.error(`monitor ${index}: ${err.message}`));
  const every = 1000 / rate;
  const start = Date.now();
  // Spread the monitors over the first interval so they do not all send at once.
  await new Promise((r) => setTimeout(r, (index * every) / monitors));
  let seed = index + 1;
  const jitter = (): number => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 2 - 1;
  };
  for (let n = 0; Date.now() - start < durationMs; n++) {
    const id = `${device.slice(-6)}-${n}`;
    // Device clocks tick in seconds: one reading per second per monitor at most.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    pending.set(id, performance.now());
    socket.write(
      frame(message(style, device, id, mrn, at, reading((Date.now() - start) / durationMs, jitter))),
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
  `ACKs: AA ${counts.AA} · AE ${counts.AE} · AR ${counts.AR} · other ${counts.other} · none ${missing}`,
);
console.log(`ACK latency: p50 ${pct(0.5)} · p99 ${pct(0.99)} · max ${pct(1)}`);
for (const [reason, n] of reasons) {
  console.log(`  ${n} × ${reason}`);
}
process.exit(missing > 0 || counts.AE || counts.AR ? 1 : 0);
