/**
 * Benchmark: bedside monitors → OpenKAP over MLLP (issue 3 "Benchmark"). End to end — TCP, framing,
 * PCD-01 parsing, patient matching, group-committed storage, alert rules, ACK after commit — with
 * 1, 100 and 1,000 simulated monitors (a separate load process, vendor styles mixed), on a PostgreSQL
 * server and on PGlite. Two baselines measured in the same run:
 *  - raw INSERT: the same observation rows into a bare table of the same columns with `pg`,
 *    1,000 rows per multi-row INSERT (each its own commit): what storing the rows alone costs;
 *  - bare MLLP receiver: the same load against a server that only frames, parses and acknowledges.
 * Targets (issue 3): ≥ 20,000 observations/s and ≥ 0.5 × raw INSERT on PostgreSQL; ACK p99 < 50 ms
 * at 1,000 monitors × 1 message/s.
 *
 *   npm run bench   (a throwaway PostgreSQL cluster unless OPENKAP_BENCH_DATABASE_URL is set)
 *   BENCH_SECONDS=5 BENCH_PACED_SECONDS=10 BENCH_MONITORS=1,100,1000
 */
import net from 'node:net';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ivDepression } from '@openkap/domain/plans/protocols';
import { openDatabase, type Database } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { inClinic } from '../server/src/db/clinic-scope.ts';
import { insertClinic, insertStaff } from '../server/src/demo/store.ts';
import { insertPatient } from '../server/src/patients/store.ts';
import { insertInfusion } from '../server/src/infusions/store.ts';
import { LiveInfusions } from '../server/src/infusions/live.ts';
import { startMllpListener } from '../server/src/hl7/listener.ts';
import { MllpDecoder, frame } from '../server/src/hl7/framing.ts';
import { parsePcd01 } from '../server/src/hl7/pcd01.ts';
import { readingsOf } from '../server/src/hl7/readings.ts';
import { vitalRowsOf } from '../server/src/infusions/vitals.ts';
import { buildAck, replyCodes } from '../server/src/hl7/ack.ts';
import { benchServer } from './server.ts';
import type { LoadPlan, LoadResult } from './mllp-load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 10);
const MONITORS = (process.env.BENCH_MONITORS ?? '1,100,1000').split(',').map(Number);
const PATIENTS = Math.max(...MONITORS);
const SPIKES = 10;

interface Row {
  run: string;
  monitors: number;
  mode: string;
  msgPerS: number;
  obsPerS: number;
  ackP50: number;
  ackP99: number;
  notAccepted: number;
  /** CPU seconds per second of run: the load process, and this process (OpenKAP or the bare receiver). */
  cpu: { load: number; server: number };
  extra?: string;
}
const rows: Row[] = [];

function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', new URL('./mllp-load.ts', import.meta.url).pathname, JSON.stringify(plan)],
      { maxBuffer: 1 << 24 },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`${err.message}\n${stderr}`));
          return;
        }
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadResult);
      },
    );
  });
}

const cpuShare = (r: LoadResult, since: NodeJS.CpuUsage): Row['cpu'] => {
  const used = process.cpuUsage(since);
  return { load: r.cpuMs / 1000 / r.seconds, server: (used.user + used.system) / 1e6 / r.seconds };
};

/** One table row: what the load saw, and the observations the server stored (or, bare, parsed). */
function rowOf(
  run: string,
  monitors: number,
  mode: string,
  r: LoadResult,
  observations: number,
  cpu: NodeJS.CpuUsage,
): Row {
  return {
    run,
    monitors,
    mode,
    msgPerS: r.acked / r.seconds,
    obsPerS: observations / r.seconds,
    ackP50: r.ackMs.p50,
    ackP99: r.ackMs.p99,
    notAccepted: notAccepted(r),
    cpu: cpuShare(r, cpu),
  };
}

const notAccepted = (r: LoadResult): number =>
  Object.entries(r.codes)
    .filter(([code]) => code !== 'AA' && code !== 'CA')
    .reduce((n, [, v]) => n + v, 0) +
  (r.sent - r.acked);

let runCounter = 0;
const runId = (): string => `B${(runCounter++).toString(16).toUpperCase().padStart(3, '0')}`;

/** A clinic with one patient per monitor, each in an open session (readings attach, rules run). */
async function clinicWithPatients(
  database: Database,
  now: Date,
): Promise<{ clinicId: string; mrns: string[]; infusionOf: Map<string, string> }> {
  await migrate(database.db);
  const clinicId = await insertClinic(database.db, { name: 'Bench', timeZone: 'UTC', isDemo: false });
  const nurseId = await insertStaff(database.db, {
    clinicId,
    email: 'nurse@bench.clinic',
    name: 'Nurse',
    role: 'nurse',
    passwordHash: 'x',
  });
  const protocol = ivDepression;
  const mrns: string[] = [];
  const infusionOf = new Map<string, string>();
  await inClinic(database.db, clinicId, async (tx) => {
    for (let i = 0; i < PATIENTS; i++) {
      const mrn = `B${100000 + i}`;
      const patientId = await insertPatient(tx, {
        clinicId,
        mrn,
        givenName: 'Bench',
        familyName: `Patient ${i}`,
        birthDate: '1980-01-01',
        sex: 'unknown',
        indicationCode: 'F33.2',
        allergies: [],
        conditions: {},
      });
      const infusionId = await insertInfusion(tx, {
        clinicId,
        patientId,
        planId: null,
        chairId: null,
        scheduledAt: new Date(now.getTime() - 3600_000),
        protocol: protocol as unknown as Record<string, unknown>,
        createdBy: nurseId,
      });
      mrns.push(mrn);
      infusionOf.set(mrn, infusionId);
    }
  });
  return { clinicId, mrns, infusionOf };
}

async function benchOpenKap(label: string, databaseUrl: string | undefined): Promise<void> {
  const database = await openDatabase({ databaseUrl });
  const now = new Date();
  const setup = performance.now();
  const { clinicId, mrns, infusionOf } = await clinicWithPatients(database, now);
  console.log(
    `${label}: ${PATIENTS} patients in open sessions set up in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );
  const live = new LiveInfusions();
  let stored = 0;
  const listener = await startMllpListener({
    port: 0,
    host: '127.0.0.1',
    clinicId,
    ctx: { db: database.db, now: () => new Date(), live },
    concurrency: database.kind === 'postgres' ? Number(process.env.BENCH_CONCURRENCY ?? 2) : 1,
    onMessage: (r) => {
      stored += r.stored;
    },
  });
  // A base time per run keeps every run's readings new (re-sends would be skipped as duplicates).
  let base = now.getTime() - 100 * 60_000;
  for (const monitors of MONITORS) {
    stored = 0;
    const cpu = process.cpuUsage();
    const r = await load({
      port: listener.port,
      monitors,
      mode: 'flood',
      seconds: SECONDS,
      mrns,
      baseTime: base,
      run: runId(),
    });
    base += 60_000;
    rows.push(rowOf(label, monitors, 'flood', r, stored, cpu));
  }

  // Paced: 1,000 monitors × 1 message/s, ten of them send a high blood pressure half-way.
  const alertAt = new Map<string, number>();
  const unsubscribe: (() => void)[] = [];
  for (const mrn of mrns.slice(0, SPIKES)) {
    const infusionId = infusionOf.get(mrn) ?? '';
    unsubscribe.push(
      live.subscribe(infusionId, () => {
        const at = performance.timeOrigin + performance.now();
        if (alertAt.has(mrn)) {
          return;
        }
        void database.db
          .selectFrom('vital_alerts')
          .select('id')
          .where('infusion_id', '=', infusionId)
          .where('code', 'in', ['sbp_high', 'dbp_high'])
          .executeTakeFirst()
          .then((found) => {
            if (found && !alertAt.has(mrn)) {
              alertAt.set(mrn, at);
            }
          });
      }),
    );
  }
  stored = 0;
  const pacedCpu = process.cpuUsage();
  const paced = Math.max(...MONITORS);
  base = now.getTime() - 40 * 60_000;
  const r = await load({
    port: listener.port,
    monitors: paced,
    mode: 'paced',
    rate: 1,
    seconds: PACED_SECONDS,
    mrns,
    baseTime: base,
    spikes: SPIKES,
    run: runId(),
  });
  await new Promise((res) => setTimeout(res, 200));
  unsubscribe.forEach((u) => u());
  const alertMs = r.spikes.map((s) => (alertAt.get(s.mrn) ?? NaN) - s.sentAt).sort((a, b) => a - b);
  const seen = alertMs.filter(Number.isFinite);
  rows.push({
    ...rowOf(label, paced, '1 msg/s', r, stored, pacedCpu),
    extra: `reading→alert p50 ${fmt(seen[Math.floor(seen.length / 2)] ?? NaN)} ms, max ${fmt(seen.at(-1) ?? NaN)} ms (${seen.length}/${r.spikes.length} alerts)`,
  });
  await listener.close();
  await database.close();
}

/** Baseline: frames, parses and acknowledges, nothing stored. */
async function benchBareReceiver(): Promise<void> {
  let observations = 0;
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const decoder = new MllpDecoder();
    socket.on('data', (chunk: Buffer) => {
      for (const payload of decoder.push(chunk)) {
        const report = parsePcd01(payload.toString('utf8'));
        for (const set of readingsOf(report, null).sets) {
          observations += vitalRowsOf(set, {
            clinicId: '',
            patientId: '',
            infusionId: null,
            effectiveAt: set.takenAt,
            source: 'device',
            device: '',
            recordedBy: null,
          }).length;
        }
        const now = new Date();
        for (const code of replyCodes(report.header, 'AA')) {
          socket.write(frame(buildAck(report.header, { code, text: 'ok' }, now)));
        }
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as net.AddressInfo).port;
  const mrns = Array.from({ length: PATIENTS }, (_, i) => `B${100000 + i}`);
  for (const monitors of MONITORS) {
    observations = 0;
    const cpu = process.cpuUsage();
    const r = await load({
      port,
      monitors,
      mode: 'flood',
      seconds: SECONDS,
      mrns,
      baseTime: Date.now() - 3600_000,
      run: runId(),
    });
    rows.push(rowOf('bare MLLP receiver', monitors, 'flood', r, observations, cpu));
  }
  await new Promise<void>((res) => server.close(() => res()));
}

/** Baseline: the same kind of rows, 1,000 per multi-row INSERT, straight into a bare table with `pg`. */
async function benchRawInsert(url: string, total: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop table if exists bench_raw_vitals`);
  await client.query(`create table bench_raw_vitals (
    id uuid primary key default gen_random_uuid(), clinic_id uuid not null, patient_id uuid not null,
    infusion_id uuid, kind text not null, value numeric not null, diastolic numeric,
    effective_at timestamptz not null, source text not null, device text, recorded_by uuid,
    created_at timestamptz not null default now())`);
  const ids = Array.from({ length: 100 }, () => crypto.randomUUID());
  const kinds = ['hr', 'bp', 'spo2', 'rr', 'temp'];
  const perStatement = 1000;
  const started = performance.now();
  for (let done = 0; done < total; done += perStatement) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < perStatement; i++) {
      const n = done + i;
      const kind = kinds[n % kinds.length] ?? 'hr';
      const p = params.length;
      tuples.push(
        `($${p + 1},$${p + 2},$${p + 3},$${p + 4},$${p + 5},$${p + 6},$${p + 7},$${p + 8},$${p + 9})`,
      );
      params.push(
        ids[0],
        ids[n % ids.length],
        ids[(n + 1) % ids.length],
        kind,
        60 + (n % 40),
        kind === 'bp' ? 80 : null,
        new Date(Date.now() - n * 10),
        'device',
        `DEV${n % 1000}`,
      );
    }
    await client.query(
      `insert into bench_raw_vitals (clinic_id, patient_id, infusion_id, kind, value, diastolic, effective_at, source, device) values ${tuples.join(',')}`,
      params,
    );
  }
  const rate = total / ((performance.now() - started) / 1000);
  await client.query(`drop table bench_raw_vitals`);
  await client.end();
  return rate;
}

const fmt = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');

const server = benchServer(55434);
try {
  const url = new URL(await server.freshDatabase('openkap_bench_mllp'));

  // BENCH_ONLY=pg|pglite|bare (comma-separated) runs a part, for profiling.
  const only = (part: string): boolean =>
    !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(part);
  const rawRate = await benchRawInsert(url.toString(), 200_000);
  if (only('bare')) {
    await benchBareReceiver();
  }
  if (only('pg')) {
    await benchOpenKap('OpenKAP on PostgreSQL', url.toString());
  }
  if (only('pglite')) {
    await benchOpenKap('OpenKAP on PGlite', undefined);
  }

  console.log(
    `\nMLLP ingest, ${SECONDS} s per flood run, ${PACED_SECONDS} s paced (${process.env.BENCH_LABEL ?? 'this machine'})`,
  );
  console.log(`baseline raw INSERT (pg, 1,000 rows per statement): ${fmt(rawRate)} rows/s`);
  console.log(
    '| run | monitors | load | messages/s | observations/s | vs raw INSERT | ACK p50 | ACK p99 | not accepted | CPU cores: load / server process | |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.run} | ${r.monitors} | ${r.mode} | ${fmt(r.msgPerS)} | ${fmt(r.obsPerS)} | ${(r.obsPerS / rawRate).toFixed(2)}× | ${fmt(r.ackP50)} ms | ${fmt(r.ackP99)} ms | ${r.notAccepted} | ${r.cpu.load.toFixed(2)} / ${r.cpu.server.toFixed(2)} | ${r.extra ?? ''} |`,
    );
  }
} finally {
  server.stop();
}
