/**
 * Issue 4 "Per patient" and "Booster signal": the chart's plan shows the main measure's baseline,
 * latest, % change and response/remission, and flags a patient whose scores climb back after the series.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { insertPatientWithPlan, insertPhq9, insertSessions } from './outcome-fixtures.ts';

interface Outcome {
  instrumentId: string;
  status: string;
  baseline: { date: string; score: number } | null;
  latest: { date: string; score: number } | null;
  percentChange: number | null;
  endOfSeries: { score: { date: string; score: number }; percentChange: number | null } | null;
  outcomeWindow: { fromDay: number; toDay: number };
  responder: boolean;
  remitter: boolean;
  boosterSignal: { flag: boolean; reason: string; daysSinceLastInfusion: number } | null;
}

describe.each(backends)('outcome on the chart (%s)', (backend) => {
  let t: TestClinic;
  let patientId = '';
  const outcome = async () => {
    const res = await call<{ patient: { plan: { outcome: Outcome | null } | null } }>(t.app, {
      method: 'GET',
      url: `/api/patients/${patientId}`,
      headers: await t.as('physician'),
    });
    expect(res.status).toBe(200);
    return res.body.patient.plan?.outcome ?? null;
  };
  const score = (day: string, total: number) => insertPhq9(t, patientId, day, total);

  beforeAll(async () => {
    t = await startClinic(backend, { now: new Date('2026-05-01T15:00:00Z') });
    const { patientId: id, planId } = await insertPatientWithPlan(t, 'OC1', '2026-03-01');
    patientId = id;
    await insertSessions(t, patientId, planId, [
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-13',
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has no baseline until a score before the first infusion is on record', async () => {
    expect(await outcome()).toMatchObject({ instrumentId: 'phq9', status: 'no_baseline', responder: false });
  });

  it('labels response at ≥ 50 % reduction, and flags a rise of 5 from the post-series low', async () => {
    await score('2026-03-01', 20);
    await score('2026-03-20', 6);
    expect(await outcome()).toMatchObject({
      status: 'assessed',
      baseline: { date: '2026-03-01', score: 20 },
      latest: { date: '2026-03-20', score: 6 },
      percentChange: -70,
      responder: true,
      remitter: false,
      boosterSignal: { flag: false, daysSinceLastInfusion: 49 },
    });
    await score('2026-04-25', 12);
    const o = await outcome();
    // Latest 12 (−40 %); the outcome stays the end-of-series 6 of 20 March, 7 days after the last session.
    expect(o).toMatchObject({
      latest: { date: '2026-04-25', score: 12 },
      percentChange: -40,
      endOfSeries: { score: { date: '2026-03-20', score: 6 }, percentChange: -70 },
      outcomeWindow: { fromDay: 0, toDay: 7 },
      responder: true,
      boosterSignal: { flag: true },
    });
    expect(o?.boosterSignal?.reason).toMatch(/6/);
  });

  it('takes neither a score after the first dose as the baseline nor one during the series as the outcome (issue 10)', async () => {
    const { patientId: other, planId } = await insertPatientWithPlan(t, 'OC2', '2026-03-01');
    await insertSessions(t, other, planId, [
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-13',
    ]);
    await insertPhq9(t, other, '2026-03-02T14:00:00Z', 20); // before the first dose (15:00Z)
    await insertPhq9(t, other, '2026-03-02T17:00:00Z', 2); // after it: an acute effect, not the baseline
    await insertPhq9(t, other, '2026-03-03', 4); // the day after the first infusion: not an outcome
    const chart = async () =>
      (
        await call<{ patient: { plan: { outcome: Outcome | null } | null } }>(t.app, {
          method: 'GET',
          url: `/api/patients/${other}`,
          headers: await t.as('physician'),
        })
      ).body.patient.plan?.outcome;
    expect(await chart()).toMatchObject({
      baseline: { date: '2026-03-02', score: 20 },
      latest: { date: '2026-03-03', score: 4 },
      endOfSeries: null,
      responder: false,
      remitter: false,
    });
    await insertPhq9(t, other, '2026-03-16', 11);
    expect(await chart()).toMatchObject({
      endOfSeries: { score: { date: '2026-03-16', score: 11 } },
      responder: false,
      remitter: false,
    });
  });

  it('lists flagged patients for the team, and not for billing', async () => {
    const res = await call<{
      patients: { mrn: string; instrument: string; reason: string; daysSinceLastInfusion: number }[];
    }>(t.app, { method: 'GET', url: '/api/booster-signals', headers: await t.as('front_desk') });
    expect(res.status).toBe(200);
    expect(res.body.patients).toEqual([
      expect.objectContaining({ mrn: 'OC1', instrument: 'PHQ-9', daysSinceLastInfusion: 49 }),
    ]);
    const billing = await call(t.app, {
      method: 'GET',
      url: '/api/booster-signals',
      headers: await t.as('billing'),
    });
    expect(billing.status).toBe(403);
  });

  it('shows the substance-use track once the use diary or craving scale is answered', async () => {
    const answer = async (instrument: string, day: string, answers: Record<string, number>, total: number) =>
      t.database.db
        .insertInto('questionnaire_responses')
        .values({
          clinic_id: t.clinicId,
          patient_id: patientId,
          instrument,
          answers: JSON.stringify(answers),
          total,
          band: 'x',
          complete: true,
          imputed: false,
          safety_alert: false,
          authored_at: new Date(`${day}T15:00:00Z`),
          source: 'patient',
        })
        .execute();
    const chart = async () =>
      (
        await call<{ patient: { plan: { substanceUse: unknown } | null } }>(t.app, {
          method: 'GET',
          url: `/api/patients/${patientId}`,
          headers: await t.as('nurse'),
        })
      ).body.patient.plan?.substanceUse;
    expect(await chart()).toBeNull();
    await answer('pacs', '2026-03-01', {}, 21);
    await answer('use_diary', '2026-03-16', { 'openkap-usediary-1': 0, 'openkap-usediary-2': 0 }, 0);
    await answer('use_diary', '2026-03-23', { 'openkap-usediary-1': 2, 'openkap-usediary-2': 1 }, 2);
    await answer('pacs', '2026-03-23', {}, 11);
    expect(await chart()).toEqual({
      cravingBaseline: { date: '2026-03-01', score: 21 },
      cravingLatest: { date: '2026-03-23', score: 11 },
      lastWeek: { date: '2026-03-23', daysUsed: 2, heavyDays: 1, abstinentDays: 5 },
      daysToFirstHeavyWeek: 21,
      weeksReported: 2,
      abstinentWeeks: 1,
    });
  });
});
