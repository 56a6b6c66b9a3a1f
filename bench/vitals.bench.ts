/**
 * Benchmark: one infusion session's vital signs, the hot path of the infusion room.
 *  A. insert — one FHIR Observation (heart rate) POSTed per reading, through the whole stack
 *     (HTTP, validation, clinic fence, audit, alert re-evaluation), vs a bare `pg` INSERT;
 *  B. search — FHIR Observation search for the session's last 10 minutes, vs a bare `pg` SELECT.
 * The baseline runs on the same PostgreSQL server in the same run; OpenKAP on PGlite is shown too.
 *
 *   npm run bench   (starts a throwaway PostgreSQL cluster unless OPENKAP_BENCH_DATABASE_URL is set)
 */
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { buildApp } from '../server/src/app.ts';
import { readConfig } from '../server/src/config.ts';
import { LiveInfusions } from '../server/src/infusions/live.ts';
import { hashPassword } from '../server/src/auth/passwords.ts';
import { insertClinic, insertStaff } from '../server/src/demo/store.ts';
import { benchServer } from './server.ts';

const READINGS = Number(process.env.BENCH_READINGS ?? 600); // one a second for 10 minutes
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const start = Date.parse('2026-11-20T15:00:00Z');

interface Figures {
  insertMs: number[];
  searchMs: number[];
  rows: number;
  /** From POSTing an out-of-range reading to the console's stream showing the alert (real HTTP). */
  alertMs: number[];
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

async function benchOpenKap(databaseUrl: string | undefined): Promise<Figures> {
  const database = await openDatabase({ databaseUrl });
  await migrate(database.db);
  const clock = { now: new Date(start) };
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    durable: database.durable,
    config: { ...readConfig({}), webDist: '/none' },
    now: () => clock.now,
    live: new LiveInfusions(),
  });
  const clinicId = await insertClinic(database.db, { name: 'Bench', timeZone: 'UTC', isDemo: false });
  await insertStaff(database.db, {
    clinicId,
    email: 'nurse@bench.clinic',
    name: 'Nurse',
    role: 'nurse',
    passwordHash: await hashPassword('bench-password'),
  });
  await insertStaff(database.db, {
    clinicId,
    email: 'doc@bench.clinic',
    name: 'Doc',
    role: 'physician',
    passwordHash: await hashPassword('bench-password'),
  });
  const login = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'bench-password' },
    });
    return { cookie: `openkap_session=${res.cookies.find((c) => c.name === 'openkap_session')?.value}` };
  };
  const nurse = await login('nurse@bench.clinic');
  const doc = await login('doc@bench.clinic');
  const patient = await app.inject({
    method: 'POST',
    url: '/api/patients',
    headers: nurse,
    payload: {
      givenName: 'Bench',
      familyName: 'Patient',
      birthDate: '1980-01-01',
      indicationCode: 'F33.2',
      weightKg: 70,
    },
  });
  const patientId = (JSON.parse(patient.body) as { patient: { id: string } }).patient.id;
  await app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/plan`,
    headers: doc,
    payload: { protocolId: 'iv-depression' },
  });
  const infusion = await app.inject({
    method: 'POST',
    url: '/api/infusions',
    headers: nurse,
    payload: { patientId },
  });
  const infusionId = (JSON.parse(infusion.body) as { infusion: { id: string } }).infusion.id;

  const insertMs: number[] = [];
  for (let i = 0; i < READINGS; i++) {
    clock.now = new Date(start + i * 1000);
    const body = {
      resourceType: 'Observation',
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
          ],
        },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: clock.now.toISOString(),
      valueQuantity: {
        value: 70 + (i % 20),
        unit: '/min',
        system: 'http://unitsofmeasure.org',
        code: '/min',
      },
    };
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/R4/Observation',
      headers: { ...nurse, 'content-type': 'application/fhir+json' },
      payload: body,
    });
    insertMs.push(performance.now() - t0);
    if (res.statusCode !== 201) {
      throw new Error(`insert failed ${res.statusCode}: ${res.body}`);
    }
  }
  const since = new Date(start + (READINGS - 1) * 1000 - 10 * 60_000).toISOString();
  const searchMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const t0 = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: `/fhir/R4/Observation?patient=${patientId}&category=vital-signs&date=ge${since}&_count=1000`,
      headers: nurse,
    });
    searchMs.push(performance.now() - t0);
    rows = (JSON.parse(res.body) as { entry?: unknown[] }).entry?.length ?? 0;
  }
  const alertMs = await alertLatency(app, infusionId, nurse, clock);
  await app.close();
  await database.close();
  return { insertMs, searchMs, rows, alertMs };
}

/** Opens the console's live stream over real HTTP and times low-SpO2 readings until their alert arrives. */
async function alertLatency(
  app: Awaited<ReturnType<typeof buildApp>>,
  infusionId: string,
  headers: Record<string, string>,
  clock: { now: Date },
): Promise<number[]> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const controller = new AbortController();
  const res = await fetch(`${base}/api/infusions/${infusionId}/live`, { headers, signal: controller.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const nextAlertState = async (want: boolean): Promise<void> => {
    for (;;) {
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer
          .slice(0, cut)
          .split('\n')
          .find((l) => l.startsWith('data: '));
        buffer = buffer.slice(cut + 2);
        if (!data) {
          continue;
        }
        const view = JSON.parse(data.slice(6)) as { alerts: { code: string; clearedAt: string | null }[] };
        if (view.alerts.some((a) => a.code === 'spo2_low' && a.clearedAt == null) === want) {
          return;
        }
      }
      const { value, done } = await reader.read();
      if (done) {
        throw new Error('stream closed');
      }
      buffer += decoder.decode(value, { stream: true });
    }
  };
  const post = (spo2: number) =>
    fetch(`${base}/api/infusions/${infusionId}/vitals`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ spo2, takenAt: clock.now.toISOString() }),
    });
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    clock.now = new Date(clock.now.getTime() + 1000);
    const t0 = performance.now();
    const seen = nextAlertState(true);
    await post(88);
    await seen;
    times.push(performance.now() - t0);
    clock.now = new Date(clock.now.getTime() + 1000);
    const cleared = nextAlertState(false);
    await post(97);
    await cleared;
  }
  controller.abort();
  return times;
}

async function benchBarePg(databaseUrl: string): Promise<Figures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `create table vitals (id uuid primary key default gen_random_uuid(), patient_id uuid not null, kind text not null, value numeric not null, effective_at timestamptz not null)`,
  );
  await client.query(`create index on vitals (patient_id, effective_at)`);
  const patientId = '00000000-0000-4000-8000-000000000001';
  const insertMs: number[] = [];
  for (let i = 0; i < READINGS; i++) {
    const t0 = performance.now();
    await client.query('insert into vitals (patient_id, kind, value, effective_at) values ($1, $2, $3, $4)', [
      patientId,
      'hr',
      70 + (i % 20),
      new Date(start + i * 1000),
    ]);
    insertMs.push(performance.now() - t0);
  }
  const since = new Date(start + (READINGS - 1) * 1000 - 10 * 60_000);
  const searchMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const t0 = performance.now();
    const res = await client.query(
      'select * from vitals where patient_id = $1 and kind = $2 and effective_at >= $3 order by effective_at limit 1000',
      [patientId, 'hr', since],
    );
    searchMs.push(performance.now() - t0);
    rows = res.rowCount ?? 0;
  }
  await client.end();
  return { insertMs, searchMs, rows, alertMs: [] };
}

const server = benchServer(55433);
try {
  const baseline = await benchBarePg(await server.freshDatabase('openkap_bench_baseline'));
  const onPostgres = await benchOpenKap(await server.freshDatabase('openkap_bench_app'));
  const onPglite = await benchOpenKap(undefined);

  const row = (label: string, f: Figures) => ({
    run: label,
    'insert p50 ms': pct(f.insertMs, 50).toFixed(2),
    'insert p95 ms': pct(f.insertMs, 95).toFixed(2),
    'inserts/s': (f.insertMs.length / (sum(f.insertMs) / 1000)).toFixed(0),
    'search p50 ms': pct(f.searchMs, 50).toFixed(2),
    'search p95 ms': pct(f.searchMs, 95).toFixed(2),
    rows: f.rows,
    'alert shown p95 ms': f.alertMs.length ? pct(f.alertMs, 95).toFixed(1) : '–',
  });
  console.log(
    `\n${READINGS} heart-rate readings (one a second), then ${SEARCHES} searches for the last 10 minutes\n`,
  );
  console.table([
    row('bare pg (baseline)', baseline),
    row('OpenKAP on PostgreSQL', onPostgres),
    row('OpenKAP on PGlite', onPglite),
  ]);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  console.log('Ratios to the bare pg baseline (p50):');
  console.table([
    {
      run: 'OpenKAP on PostgreSQL',
      insert: ratio(pct(onPostgres.insertMs, 50), pct(baseline.insertMs, 50)),
      search: ratio(pct(onPostgres.searchMs, 50), pct(baseline.searchMs, 50)),
    },
    {
      run: 'OpenKAP on PGlite',
      insert: ratio(pct(onPglite.insertMs, 50), pct(baseline.insertMs, 50)),
      search: ratio(pct(onPglite.searchMs, 50), pct(baseline.searchMs, 50)),
    },
  ]);
  console.log(`memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
} finally {
  server.stop();
}
