import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/app.ts';
import { readConfig } from '../src/config.ts';
import { LiveInfusions } from '../src/infusions/live.ts';
import { relayThroughPostgres } from '../src/infusions/live-postgres.ts';
import { call, startClinic, type TestClinic, scheduleInfusionFor } from './harness.ts';

/** Reads Server-Sent Events from a real HTTP connection until `done` says stop. */
async function readEvents(
  url: string,
  headers: Record<string, string>,
  done: (data: { alerts: { code: string }[] }) => boolean,
  timeoutMs: number,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let events = 0;
  try {
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) {
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const chunk = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = chunk.split('\n').find((l) => l.startsWith('data: '));
        if (!data) {
          continue;
        }
        events += 1;
        if (done(JSON.parse(data.slice(6)))) {
          return { status: res.status, type: res.headers.get('content-type'), events };
        }
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  throw new Error('stream ended without the expected event');
}

describe('live infusion stream', () => {
  let t: TestClinic;
  let base: string;
  let infusionId: string;
  beforeAll(async () => {
    t = await startClinic('pglite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    ({ infusionId } = await scheduleInfusionFor(t, {
      givenName: 'Lia',
      familyName: 'Sun',
      birthDate: '1990-05-05',
      indicationCode: 'F33.2',
      weightKg: 60,
    }));
  });
  afterAll(() => t.close());

  // How fast is measured by the benchmark, not here (no timed unit tests).
  it('pushes the new alert to an open console after the reading', async () => {
    const nurse = await t.as('nurse');
    const stream = readEvents(
      `${base}/api/infusions/${infusionId}/live`,
      nurse,
      (d) => d.alerts.some((a) => a.code === 'spo2_low'),
      5000,
    );
    await new Promise((r) => setTimeout(r, 200)); // the stream is open and has sent its first view
    await fetch(`${base}/api/infusions/${infusionId}/vitals`, {
      method: 'POST',
      headers: { ...nurse, 'content-type': 'application/json' },
      body: JSON.stringify({ spo2: 88, hr: 90 }),
    });
    const result = await stream;
    expect(result.status).toBe(200);
    expect(result.type).toContain('text/event-stream');
    expect(result.events).toBeGreaterThanOrEqual(2);
  });

  it('answers 401 without a session and 404 for an unknown session', async () => {
    expect((await fetch(`${base}/api/infusions/${infusionId}/live`)).status).toBe(401);
    expect(
      (
        await fetch(`${base}/api/infusions/00000000-0000-4000-8000-000000000000/live`, {
          headers: await t.as('nurse'),
        })
      ).status,
    ).toBe(404);
  });
});

describe.skipIf(!process.env.OPENKAP_TEST_DATABASE_URL)(
  'live stream across server processes (postgres)',
  () => {
    it('shows a reading taken through one server on a console open on another (LISTEN/NOTIFY)', async () => {
      const a = await startClinic('postgres');
      const url = a.databaseUrl as string;
      const stopA = await relayThroughPostgres(url, a.live);
      // Server B: another process's worth of app on the same database.
      const databaseB = await openDatabase({ databaseUrl: url });
      const liveB = new LiveInfusions();
      const stopB = await relayThroughPostgres(url, liveB);
      const b = await buildApp({
        db: databaseB.db,
        databaseKind: 'postgres',
        durable: true,
        config: { ...readConfig({}), webDist: '/none' },
        now: () => a.clock.now,
        live: liveB,
      });
      try {
        await b.listen({ port: 0, host: '127.0.0.1' });
        const address = b.server.address();
        const baseB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        const nurse = await a.as('nurse');
        const { infusionId: id } = await scheduleInfusionFor(a, {
          givenName: 'Ola',
          familyName: 'Berg',
          birthDate: '1979-09-09',
          indicationCode: 'F33.2',
          weightKg: 75,
        });
        const stream = readEvents(
          `${baseB}/api/infusions/${id}/live`,
          nurse,
          (d) => d.alerts.some((x) => x.code === 'spo2_low'),
          5000,
        );
        await new Promise((r) => setTimeout(r, 300));
        expect(
          (
            await call(a.app, {
              method: 'POST',
              url: `/api/infusions/${id}/vitals`,
              headers: nurse,
              payload: { spo2: 87 },
            })
          ).status,
        ).toBe(201);
        expect((await stream).events).toBeGreaterThanOrEqual(2);
      } finally {
        await b.close();
        await stopB();
        await databaseB.close();
        await stopA();
        await a.close();
      }
    });
  },
);
