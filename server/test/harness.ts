import type { FastifyInstance, InjectOptions } from 'fastify';
import type { StaffRole } from '@openkap/domain/auth/schema';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { LiveInfusions } from '../src/infusions/live.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { insertClinic, insertStaff } from '../src/demo/store.ts';
import { resetPostgresDatabase } from './postgres.ts';

export const PASSWORD = 'correct horse battery staple';

/** The backends every database test runs on: PGlite always, the PostgreSQL server when CI gives one. */
export const backends: ('pglite' | 'postgres')[] = process.env.OPENKAP_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestClinic {
  app: FastifyInstance;
  /** The PostgreSQL server database, when the backend is postgres. */
  databaseUrl: string | undefined;
  database: Database;
  clinicId: string;
  live: LiveInfusions;
  clock: { now: Date };
  /** Signs in a staff member of this role (created on first use) and returns their cookie header. */
  as(role: StaffRole): Promise<Record<string, string>>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;

export async function startClinic(
  backend: 'pglite' | 'postgres' = 'pglite',
  opts: { now?: Date } = {},
): Promise<TestClinic> {
  const databaseUrl = backend === 'postgres' ? await resetPostgresDatabase() : undefined;
  const database = await openDatabase({ databaseUrl });
  await migrate(database.db);
  const clock = { now: opts.now ?? new Date('2026-11-20T15:00:00Z') };
  const live = new LiveInfusions();
  const config = { ...readConfig({}), webDist: '/nonexistent' };
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    durable: database.durable,
    config,
    now: () => clock.now,
    live,
  });
  const clinicId = await insertClinic(database.db, {
    name: 'Test clinic',
    timeZone: 'America/Chicago',
    isDemo: false,
  });
  passwordHash ??= hashPassword(PASSWORD);
  const cookies = new Map<string, Record<string, string>>();
  return {
    app,
    databaseUrl,
    database,
    clinicId,
    live,
    clock,
    async as(role) {
      const known = cookies.get(role);
      if (known) {
        return known;
      }
      const email = `${role}.${clinicId.slice(0, 8)}@test.clinic`;
      await insertStaff(database.db, {
        clinicId,
        email,
        name: `Test ${role}`,
        role,
        passwordHash: await (passwordHash as Promise<string>),
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: PASSWORD },
      });
      if (res.statusCode !== 200) {
        throw new Error(`login failed: ${res.body}`);
      }
      const cookie = res.cookies.find((c) => c.name === 'openkap_session');
      if (!cookie) {
        throw new Error('no session cookie');
      }
      const headers = { cookie: `openkap_session=${cookie.value}` };
      cookies.set(role, headers);
      return headers;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A second clinic on the same database with one signed-in staff member (`<role>@other.clinic`): what
 * every cross-clinic isolation test needs beside the clinic under test.
 */
export async function otherClinic(
  t: TestClinic,
  role: StaffRole,
): Promise<{ clinicId: string; headers: Record<string, string> }> {
  const clinicId = await insertClinic(t.database.db, {
    name: 'Other clinic',
    timeZone: 'UTC',
    isDemo: false,
  });
  const email = `${role}@other.clinic`;
  passwordHash ??= hashPassword(PASSWORD);
  await insertStaff(t.database.db, {
    clinicId,
    email,
    name: `Other ${role}`,
    role,
    passwordHash: await passwordHash,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'openkap_session');
  if (res.statusCode !== 200 || !cookie) {
    throw new Error(`login to the other clinic failed: ${res.body}`);
  }
  return { clinicId, headers: { cookie: `openkap_session=${cookie.value}` } };
}

/** inject() + JSON parse, for terse tests. */
export async function call<T = Record<string, unknown>>(
  app: FastifyInstance,
  opts: InjectOptions,
): Promise<{ status: number; body: T }> {
  const res = await app.inject(opts);
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : undefined) as T };
}

export interface NewPatient {
  /** The controlled-substance record needs it before a clinic that keeps its ledger here gives a dose. */
  address?: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  indicationCode: string;
  weightKg: number;
}

/**
 * The start of most console tests: a new patient (by a nurse), a plan from `protocolId` (by a
 * physician) and a scheduled infusion. Answers the ids and the infusion as the API returned it.
 */
export async function scheduleInfusionFor<I extends { id: string } = { id: string }>(
  t: TestClinic,
  patient: NewPatient,
  protocolId = 'iv-depression',
): Promise<{ patientId: string; infusionId: string; infusion: I }> {
  const nurse = await t.as('nurse');
  const p = await call<{ patient: { id: string } }>(t.app, {
    method: 'POST',
    url: '/api/patients',
    headers: nurse,
    payload: patient,
  });
  const plan = await call(t.app, {
    method: 'POST',
    url: `/api/patients/${p.body.patient.id}/plan`,
    headers: await t.as('physician'),
    payload: { protocolId },
  });
  if (plan.status !== 201) {
    throw new Error(`plan failed: ${JSON.stringify(plan.body)}`);
  }
  const inf = await call<{ infusion: I }>(t.app, {
    method: 'POST',
    url: '/api/infusions',
    headers: nurse,
    payload: { patientId: p.body.patient.id },
  });
  return { patientId: p.body.patient.id, infusionId: inf.body.infusion.id, infusion: inf.body.infusion };
}
