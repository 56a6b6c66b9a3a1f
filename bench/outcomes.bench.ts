/**
 * Benchmark (issue 4): the clinic outcome report over 100,000 patients and 1,000,000 PHQ-9 responses on
 * a PostgreSQL server, target < 1 s. Generated data: each patient has a plan, a 6-infusion series
 * (some stop early, some get boosters) and 10 scores spread before and after it. Baseline measured in
 * the same run: one bare scan of the same responses (`count`/`avg` with `pg`), the least any report
 * over them can cost. The report reads the per-patient summaries the database keeps on write
 * (migration 2026-11-26T1200_outcome_summary); their write cost is measured here too: the full rebuild
 * after generation, and one response written through the app role with and without the trigger.
 *
 *   npm run bench   (a throwaway PostgreSQL cluster unless OPENKAP_BENCH_DATABASE_URL is set)
 *   BENCH_PATIENTS=100000 BENCH_RESPONSES_PER_PATIENT=10
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ivDepression } from '@openkap/domain/plans/protocols';
import { OutcomeReportQuery } from '@openkap/domain/outcomes/schema';
import { defaultOutcomeWindow } from '@openkap/domain/plans/outcome-window';
import { openDatabase } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { inClinic } from '../server/src/db/clinic-scope.ts';
import { insertClinic, insertStaff } from '../server/src/demo/store.ts';
import { clinicOutcomes } from '../server/src/reports/service.ts';
import { outcomeSource } from '../server/src/reports/store.ts';
import { benchServer } from './server.ts';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const PER_PATIENT = Number(process.env.BENCH_RESPONSES_PER_PATIENT ?? 10);
const RUNS = 5;
const WRITES = 100;

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const server = benchServer(55435);
try {
  const url = new URL(await server.freshDatabase('openkap_bench_outcomes'));

  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database.db);
  const clinicId = await insertClinic(database.db, { name: 'Bench', timeZone: 'UTC', isDemo: false });
  const staffId = await insertStaff(database.db, {
    clinicId,
    email: 'director@bench.clinic',
    name: 'Director',
    role: 'physician',
    passwordHash: 'x',
  });

  // Generated straight in SQL (the application's write path is not what is measured here), with the
  // summary triggers off: each statement would refresh all 100,000 patients (~20 s in all); one
  // set-based rebuild afterwards gives the same summaries.
  const gen = new pg.Client({ connectionString: url.toString() });
  await gen.connect();
  const sourceTables = ['infusions', 'questionnaire_responses', 'treatment_plans'];
  for (const t of sourceTables) {
    await gen.query(`alter table ${t} disable trigger user`);
  }
  const started = performance.now();
  await gen.query(
    `insert into patients (clinic_id, mrn, given_name, family_name, birth_date, sex, indication_code, allergies, conditions)
     select $1, 'B' || n, 'Bench', 'Patient ' || n, date '1970-01-01' + (n % 15000), 'female', 'F33.2', '[]', '{}'
     from generate_series(1, $2::int) n`,
    [clinicId, PATIENTS],
  );
  await gen.query(
    `insert into treatment_plans (clinic_id, patient_id, protocol_id, protocol, started_on)
     select $1, id, 'iv-depression', $2::jsonb, date '2025-01-01' + (substring(mrn from 2)::int % 600)
     from patients`,
    [clinicId, JSON.stringify(ivDepression)],
  );
  // A 6-session series every other day; every 10th patient stops after 2; every 3rd gets a booster.
  await gen.query(
    `insert into infusions (clinic_id, patient_id, plan_id, stage, stage_since, scheduled_at, started_at, ended_at, protocol)
     select $1, p.patient_id, p.id, 'discharged', t, t, t, t + interval '1 hour', '{}'::jsonb
     from treatment_plans p
     cross join generate_series(0, 6) k
     cross join lateral (select p.started_on + (case when k < 6 then k * 2 else 40 end) + time '15:00' as t) s
     where (k < 2 or substring((select mrn from patients where id = p.patient_id) from 2)::int % 10 <> 0)
       and (k < 6 or substring((select mrn from patients where id = p.patient_id) from 2)::int % 3 = 0)`,
    [clinicId],
  );
  // Scores: 2 before the series, the rest after it, falling for most patients.
  await gen.query(
    `insert into questionnaire_responses (clinic_id, patient_id, instrument, answers, total, band, complete, authored_at, source)
     select $1, p.patient_id, 'phq9', '{}', greatest(0, 20 - k * (substring(pt.mrn from 2)::int % 4)), 'x', true,
       p.started_on + (k * 7 - 10) + time '14:00', 'patient'
     from treatment_plans p join patients pt on pt.id = p.patient_id
     cross join generate_series(0, $2::int - 1) k`,
    [clinicId, PER_PATIENT],
  );
  await gen.query('analyze');
  for (const t of sourceTables) {
    await gen.query(`alter table ${t} enable trigger user`);
  }
  const rebuildStarted = performance.now();
  await gen.query('select refresh_outcome_summary()');
  const rebuild = performance.now() - rebuildStarted;
  await gen.query('analyze patient_outcome_summary, patient_score_summary');
  const counts = await gen.query<{ patients: string; responses: string; infusions: string }>(
    `select (select count(*) from patients) as patients, (select count(*) from questionnaire_responses) as responses,
       (select count(*) from infusions) as infusions`,
  );
  const c = counts.rows[0];
  console.log(
    `generated ${c?.patients} patients, ${c?.infusions} infusions, ${c?.responses} responses in ${((rebuildStarted - started) / 1000).toFixed(1)} s; summaries rebuilt from scratch in ${(rebuild / 1000).toFixed(1)} s`,
  );

  const scan: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await gen.query(
      `select count(*), avg(total) from questionnaire_responses where instrument = 'phq9' and complete`,
    );
    scan.push(performance.now() - s);
  }

  const caller = {
    clinicId,
    staffId,
    role: 'physician' as const,
    name: 'Director',
    email: 'director@bench.clinic',
    via: 'session' as const,
  };
  const query = OutcomeReportQuery.parse({ instrument: 'phq9', from: '2025-01-01', to: '2026-12-31' });
  const report: number[] = [];
  const source: number[] = [];
  let summary = '';
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const { report: r } = await clinicOutcomes(database.db, caller, query);
    report.push(performance.now() - s);
    summary = `${r.patients} patients with a baseline, ${r.withFollowUp} with an end-of-series follow-up, response ${((r.responseRate ?? 0) * 100).toFixed(1)} % (intent to treat ${((r.intentToTreat.responseRate ?? 0) * 100).toFixed(1)} %), remission ${((r.remissionRate ?? 0) * 100).toFixed(1)} % (${((r.intentToTreat.remissionRate ?? 0) * 100).toFixed(1)} %), ${r.dropOuts} drop-outs, time to booster: ${r.timeToBooster.events} events / ${r.timeToBooster.subjects}`;
    // The SQL part alone (the rest is the domain's counting, the audit row and the transaction).
    const q = {
      instrument: query.instrument,
      from: query.from,
      to: query.to,
      followUpRule: query.followUp,
      defaultWindow: defaultOutcomeWindow,
    };
    const t = performance.now();
    await inClinic(database.db, clinicId, (tx) => outcomeSource(tx, q));
    source.push(performance.now() - t);
  }

  // The write side: one PHQ-9 response written through the app role, refreshing its patient's summary,
  // against the same insert with the triggers off (after the report, so its figures are untouched).
  const patientIds = (
    await gen.query<{ id: string }>(`select id from patients order by id limit ${2 * WRITES + 10}`)
  ).rows.map((r) => r.id);
  const writeOne = async (patientId: string): Promise<number> => {
    const s = performance.now();
    await inClinic(database.db, clinicId, (tx) =>
      tx
        .insertInto('questionnaire_responses')
        .values({
          clinic_id: clinicId,
          patient_id: patientId,
          instrument: 'phq9',
          answers: '{}',
          total: 7,
          band: 'mild',
          complete: true,
          imputed: false,
          safety_alert: false,
          authored_at: new Date(),
          source: 'staff',
        })
        .execute(),
    );
    return performance.now() - s;
  };
  const writes: number[] = [];
  const bareWrites: number[] = [];
  // The first 10 warm the connections' cached plans and are not counted.
  for (const [i, patientId] of patientIds.entries()) {
    if (i === 10 + WRITES) {
      await gen.query('alter table questionnaire_responses disable trigger user');
    }
    const ms = await writeOne(patientId);
    if (i >= 10) {
      (i < 10 + WRITES ? writes : bareWrites).push(ms);
    }
  }
  await gen.query('alter table questionnaire_responses enable trigger user');
  await gen.end();
  await database.close();

  console.log(
    `\nOutcome report, ${PATIENTS.toLocaleString('en')} patients × ${PER_PATIENT} responses (PostgreSQL)`,
  );
  console.log(summary);
  console.log('| run | p50 | max | vs bare scan |');
  console.log('|---|---|---|---|');
  console.log(
    `| bare scan of the responses (baseline) | ${pct(scan, 50).toFixed(0)} ms | ${Math.max(...scan).toFixed(0)} ms | 1.0× |`,
  );
  console.log(
    `| GET /api/reports/outcomes (service, RLS, audit) | ${pct(report, 50).toFixed(0)} ms | ${Math.max(...report).toFixed(0)} ms | ${(pct(report, 50) / pct(scan, 50)).toFixed(1)}× |`,
  );
  console.log(
    `| its SQL: outcomeSource over the summaries | ${pct(source, 50).toFixed(0)} ms | ${Math.max(...source).toFixed(0)} ms | ${(pct(source, 50) / pct(scan, 50)).toFixed(1)}× |`,
  );
  console.log(
    PATIENTS >= 100_000
      ? `target (100,000 patients): < 1,000 ms → ${pct(report, 50) < 1000 ? 'met' : 'NOT met'}`
      : 'target is for 100,000 patients: run with the default BENCH_PATIENTS to check it',
  );
  console.log('\n| one response written (app role, own transaction) | p50 | p95 | vs triggers off |');
  console.log('|---|---|---|---|');
  console.log(
    `| triggers off | ${pct(bareWrites, 50).toFixed(1)} ms | ${pct(bareWrites, 95).toFixed(1)} ms | 1.0× |`,
  );
  console.log(
    `| summary refreshed by the trigger | ${pct(writes, 50).toFixed(1)} ms | ${pct(writes, 95).toFixed(1)} ms | ${(pct(writes, 50) / pct(bareWrites, 50)).toFixed(1)}× |`,
  );
} finally {
  server.stop();
}
