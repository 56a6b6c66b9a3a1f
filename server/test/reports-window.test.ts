/**
 * Issue 10: the outcome window is a protocol setting. A clinic sets it on its protocol (checked like
 * every protocol number), and the report picks each patient's end-of-series score in the window of
 * the patient's own plan, the cited default for a plan without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ivDepression } from '@openkap/domain/plans/protocols';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { insertPatientWithPlan, insertPhq9, insertSessions } from './outcome-fixtures.ts';

const series = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13'];
const late: Protocol = { ...ivDepression, outcome: { followUpWindow: { fromDay: 14, toDay: 31 } } };

describe.each(backends)('outcome window per protocol (%s)', (backend) => {
  let t: TestClinic;

  beforeAll(async () => {
    t = await startClinic(backend);
    // The same scores under two plans: 20 before, 6 four days after the series, 12 three weeks after.
    for (const [mrn, protocol] of [
      ['W1', ivDepression],
      ['W2', late],
    ] as const) {
      const { patientId } = await insertPatientWithPlan(t, mrn, series[0] ?? '', protocol);
      await insertSessions(t, patientId, null, series);
      await insertPhq9(t, patientId, '2026-03-01', 20);
      await insertPhq9(t, patientId, '2026-03-17', 6);
      await insertPhq9(t, patientId, '2026-04-03', 12);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('picks each patient’s follow-up in the window of their plan’s protocol', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/outcomes?instrument=phq9&from=2026-02-01&to=2026-05-31&format=csv',
      headers: await t.as('physician'),
    });
    const row = (mrn: string) => res.body.split('\r\n').find((l) => l.startsWith(`${mrn},`));
    // Default window (day 0 to +7): 6 of 17 March, a response. The plan's own (days 14 to 31): 12 of 3 April.
    expect(row('W1')).toMatch(/^W1,assessed,2026-03-01,20,2026-03-17,6,-70.0,true,false,true,false,/);
    expect(row('W2')).toMatch(/^W2,assessed,2026-03-01,20,2026-04-03,12,-40.0,false,false,false,false,/);
  });

  it('saves a clinic’s window on its protocol, and refuses one that ends before it starts', async () => {
    const headers = await t.as('physician');
    const saved = await call<{ protocol: Protocol }>(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers,
      payload: late,
    });
    expect(saved.status).toBe(200);
    const bad = await call<{ error: { message: string } }>(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers,
      payload: { ...ivDepression, outcome: { followUpWindow: { fromDay: 8, toDay: 7 } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/must not end before it starts/);
    const list = await call<{ protocols: Protocol[] }>(t.app, {
      method: 'GET',
      url: '/api/protocols',
      headers,
    });
    expect(list.body.protocols.find((p) => p.id === 'iv-depression')?.outcome).toEqual({
      followUpWindow: { fromDay: 14, toDay: 31 },
    });
    // Only a physician or an administrator edits protocols.
    const nurse = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers: await t.as('nurse'),
      payload: ivDepression,
    });
    expect(nurse.status).toBe(403);
  });
});
