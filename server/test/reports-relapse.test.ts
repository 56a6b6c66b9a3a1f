/**
 * Issue 4: the outcome report's Kaplan–Meier curve runs from the end of the induction series to the
 * first booster OR relapse. Hand-worked: every series ends 2026-03-13 (day 0); the end date is 2026-05-31.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { insertPatientWithPlan, insertPhq9, insertSessions } from './outcome-fixtures.ts';

interface Report {
  timeToBooster: {
    subjects: number;
    events: number;
    censored: number;
    eventKinds: { booster: number; relapse: number };
    steps: { day: number; atRisk: number; events: number; censored: number }[];
  };
}

describe.each(backends)('outcome report: relapse as a time-to-event (%s)', (backend) => {
  let t: TestClinic;
  const series = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13'];

  async function patient(mrn: string, sessions: string[], relapses: string[]) {
    const { patientId } = await insertPatientWithPlan(t, mrn, sessions[0] ?? '2026-01-01');
    await insertSessions(t, patientId, null, sessions);
    await insertPhq9(t, patientId, '2026-03-01', 18);
    for (const notedOn of relapses) {
      const res = await call(t.app, {
        method: 'POST',
        url: `/api/patients/${patientId}/relapses`,
        headers: await t.as('physician'),
        payload: { notedOn, kind: 'depressive' },
      });
      expect(res.status).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await startClinic(backend);
    // Booster on day 30 (2026-04-12), but a relapse on day 10 (2026-03-23): the event is at day 10.
    await patient('K1', [...series, '2026-04-12'], ['2026-03-23']);
    // A relapse during the series (2026-03-06) is ignored: the booster on day 20 (2026-04-02) is the event.
    await patient('K2', [...series, '2026-04-02'], ['2026-03-06']);
    // No booster; the relapse falls after the end date: censored at the end date (day 79), as before.
    await patient('K3', series, ['2026-06-15']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends the time at a relapse before the first booster, and counts the events by kind', async () => {
    const res = await call<Report>(t.app, {
      method: 'GET',
      url: '/api/reports/outcomes?instrument=phq9&from=2026-02-01&to=2026-05-31',
      headers: await t.as('physician'),
    });
    expect(res.status).toBe(200);
    const km = res.body.timeToBooster;
    expect(km).toMatchObject({ subjects: 3, events: 2, censored: 1, eventKinds: { booster: 1, relapse: 1 } });
    expect(km.steps.map((s) => [s.day, s.atRisk, s.events, s.censored])).toEqual([
      [10, 3, 1, 0],
      [20, 2, 1, 0],
      [79, 1, 0, 1],
    ]);
  });

  it('ignores a relapse after an earlier end date', async () => {
    // End date 2026-03-20: K1's relapse (03-23) and both boosters are later; all censored at day 7.
    const res = await call<Report>(t.app, {
      method: 'GET',
      url: '/api/reports/outcomes?instrument=phq9&from=2026-02-01&to=2026-03-20',
      headers: await t.as('physician'),
    });
    expect(res.body.timeToBooster).toMatchObject({ subjects: 3, events: 0, censored: 3 });
  });
});
