import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seedDemoClinic } from '../src/demo/seed.ts';
import { createEmptyClinic } from '../src/demo/empty-clinic.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { LiveInfusions } from '../src/infusions/live.ts';
import { call } from './harness.ts';
import { inClinic } from '../src/db/clinic-scope.ts';
import { verifyChain } from '../src/ledger/verify.ts';

describe('the demo clinic', () => {
  let database: Database;
  const now = new Date('2026-11-25T14:00:00Z');
  beforeAll(async () => {
    database = await openDatabase({});
    await migrate(database.db);
    await seedDemoClinic(database.db, now);
  }, 120_000);
  afterAll(() => database.close());

  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db))
      .rows[0]?.n;

  it('has two chairs, staff of every role and twenty patients with histories', async () => {
    expect(await count('chairs')).toBe(2);
    const roles = await sql<{ role: string }>`select distinct role from staff order by role`.execute(
      database.db,
    );
    expect(roles.rows.map((r) => r.role)).toEqual([
      'admin',
      'billing',
      'front_desk',
      'nurse',
      'physician',
      'therapist',
    ]);
    expect(await count('patients')).toBe(20);
    expect(await count('infusions')).toBeGreaterThan(80);
    expect(await count('questionnaire_responses')).toBeGreaterThan(100);
    expect(await count('vital_signs')).toBeGreaterThan(1000);
  });

  it('keeps a ledger that matches its infusions: every dose given is administered, every leftover wasted with a witness, the chain intact', async () => {
    const { id } = await database.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow();
    const result = await inClinic(database.db, id, async (tx) => {
      const report = await verifyChain(tx, id);
      const mismatched = await sql<{ n: number }>`
        select count(*)::int as n from infusions i
        where i.stage = 'discharged' and (
          coalesce((select sum(-drawn_delta_ug) from ledger_entries e where e.infusion_id = i.id and e.kind = 'administer'), 0)
            <> round(i.total_dose_mg * 1000)
          or coalesce((select sum(drawn_delta_ug) from ledger_entries e where e.infusion_id = i.id), 0) <> 0
        )`.execute(tx);
      const witnessedWaste = await sql<{ n: number; witnessed: number }>`
        select count(*)::int as n, count(witness_id)::int as witnessed from ledger_entries where kind = 'waste'`.execute(
        tx,
      );
      // 21 CFR 1304.11(b): the initial inventory before any stock arrives.
      const order = await sql<{ initial_at: Date | null; first_receipt_at: Date | null }>`
        select
          (select min(occurred_at) from ledger_entries where kind = 'count' and details->>'countKind' = 'initial') as initial_at,
          (select min(occurred_at) from ledger_entries where kind = 'receive') as first_receipt_at`.execute(
        tx,
      );
      return {
        report,
        mismatched: mismatched.rows[0]?.n,
        waste: witnessedWaste.rows[0],
        order: order.rows[0],
      };
    });
    expect(result.report).toMatchObject({ ok: true });
    expect(result.report.entries).toBeGreaterThan(250);
    expect(result.mismatched).toBe(0);
    expect(result.waste?.n).toBeGreaterThan(50);
    expect(result.waste?.witnessed).toBe(result.waste?.n);
    const { initial_at: initialAt, first_receipt_at: firstReceiptAt } = result.order ?? {};
    expect(initialAt && firstReceiptAt && new Date(initialAt) < new Date(firstReceiptAt)).toBe(true);
  });

  it('signs in as the demo admin and shows today’s chairs, flags and a safety alert', async () => {
    const app = await buildApp({
      db: database.db,
      databaseKind: database.kind,
      durable: false,
      config: { ...readConfig({}), webDist: '/none' },
      now: () => now,
      live: new LiveInfusions(),
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@demo.clinic', password: 'openkap-demo' },
    });
    expect(login.statusCode).toBe(200);
    const nurse = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nurse@demo.clinic', password: 'openkap-demo' },
    });
    const headers = {
      cookie: `openkap_session=${nurse.cookies.find((c) => c.name === 'openkap_session')?.value}`,
    };
    const board = await call<{ chairs: { session: { patientName: string; stage: string } | null }[] }>(app, {
      method: 'GET',
      url: '/api/infusions/board',
      headers,
    });
    expect(board.body.chairs.map((c) => c.session?.patientName)).toEqual(['Maya Okafor', 'Daniel Reyes']);
    const alerts = await call<{ alerts: { patientName: string; type: string }[] }>(app, {
      method: 'GET',
      url: '/api/safety-alerts',
      headers,
    });
    expect(alerts.body.alerts).toContainEqual(
      expect.objectContaining({ patientName: 'Aisha Rahman', type: 'alert' }),
    );
    // Grace preferred not to answer PHQ-9 item 9 on her phone: a task to ask her.
    expect(alerts.body.alerts).toContainEqual(
      expect.objectContaining({ patientName: 'Grace Oyelaran', type: 'task' }),
    );
    const list = await call<{ patients: { id: string; familyName: string }[] }>(app, {
      method: 'GET',
      url: '/api/patients?q=popescu',
      headers,
    });
    const chart = await call<{
      patient: { flags: { code: string }[]; plan: { completedInfusions: number; phase: string } };
    }>(app, { method: 'GET', url: `/api/patients/${list.body.patients[0]?.id}`, headers });
    expect(chart.body.patient.flags.map((f) => f.code)).toContain('lamotrigine');
    expect(chart.body.patient.plan).toMatchObject({ completedInfusions: 6, phase: 'booster' });
    // The medical history screens too: a heart attack years ago is a caution, not a contraindication.
    const becker = await call<{ patients: { id: string }[] }>(app, {
      method: 'GET',
      url: '/api/patients?q=becker',
      headers,
    });
    const beckerChart = await call<{ patient: { flags: { code: string; severity: string }[] } }>(app, {
      method: 'GET',
      url: `/api/patients/${becker.body.patients[0]?.id}`,
      headers,
    });
    expect(beckerChart.body.patient.flags).toContainEqual(
      expect.objectContaining({ code: 'myocardial_infarction_history', severity: 'caution' }),
    );
    await app.close();
  });
});

describe('an empty clinic (OPENKAP_DEMO=0)', () => {
  it('needs a first admin, then has two chairs and an admin who can sign in', async () => {
    const database = await openDatabase({});
    await migrate(database.db);
    await expect(createEmptyClinic(database.db, {})).rejects.toThrow(/OPENKAP_ADMIN_EMAIL/);
    await expect(
      createEmptyClinic(database.db, { OPENKAP_ADMIN_EMAIL: 'a@b.clinic', OPENKAP_ADMIN_PASSWORD: 'short' }),
    ).rejects.toThrow(/12\+ characters/);
    await createEmptyClinic(database.db, {
      OPENKAP_ADMIN_EMAIL: 'Boss@My.Clinic',
      OPENKAP_ADMIN_PASSWORD: 'a-long-enough-password',
      OPENKAP_CLINIC_NAME: 'Lakeside',
    });
    const app = await buildApp({
      db: database.db,
      databaseKind: 'pglite',
      durable: false,
      config: { ...readConfig({}), webDist: '/none' },
      now: () => new Date('2026-11-20T15:00:00Z'),
      live: new LiveInfusions(),
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'boss@my.clinic', password: 'a-long-enough-password' },
    });
    expect(login.statusCode).toBe(200);
    const headers = {
      cookie: `openkap_session=${login.cookies.find((c) => c.name === 'openkap_session')?.value}`,
    };
    const chairs = await call<{ chairs: { name: string }[] }>(app, {
      method: 'GET',
      url: '/api/chairs',
      headers,
    });
    expect(chairs.body.chairs.map((c) => c.name)).toEqual(['Chair 1', 'Chair 2']);
    const patients = await call<{ patients: unknown[] }>(app, {
      method: 'GET',
      url: '/api/patients',
      headers,
    });
    expect(patients.body.patients).toEqual([]);
    await app.close();
    await database.close();
  });
});
