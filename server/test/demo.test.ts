import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seedDemoClinic } from '../src/demo/seed.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { LiveInfusions } from '../src/infusions/live.ts';
import { call } from './harness.ts';

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
    const alerts = await call<{ alerts: { patientName: string }[] }>(app, {
      method: 'GET',
      url: '/api/safety-alerts',
      headers,
    });
    expect(alerts.body.alerts.map((a) => a.patientName)).toContain('Aisha Rahman');
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
    await app.close();
  });
});
