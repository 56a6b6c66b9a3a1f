/**
 * Issue 4 "Per patient" and "Booster signal": the chart's plan shows the main measure's baseline,
 * latest, % change and response/remission, and flags a patient whose scores climb back after the series.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ivDepression } from '@openkap/domain/plans/protocols';
import { backends, call, startClinic, type TestClinic } from './harness.ts';

interface Outcome {
  instrumentId: string;
  status: string;
  baseline: { date: string; score: number } | null;
  latest: { date: string; score: number } | null;
  percentChange: number | null;
  responder: boolean;
  remitter: boolean;
  boosterSignal: { flag: boolean; reason: string; daysSinceLastInfusion: number } | null;
}

const at = (day: string) => new Date(`${day}T15:00:00Z`);

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
  const score = async (day: string, total: number) => {
    await t.database.db
      .insertInto('questionnaire_responses')
      .values({
        clinic_id: t.clinicId,
        patient_id: patientId,
        instrument: 'phq9',
        answers: '{}',
        total,
        band: 'x',
        complete: true,
        imputed: false,
        safety_alert: false,
        authored_at: at(day),
        source: 'staff',
      })
      .execute();
  };

  beforeAll(async () => {
    t = await startClinic(backend, { now: new Date('2026-05-01T15:00:00Z') });
    const db = t.database.db;
    patientId = (
      await db
        .insertInto('patients')
        .values({
          clinic_id: t.clinicId,
          mrn: 'OC1',
          given_name: 'Outcome',
          family_name: 'Test',
          birth_date: '1980-01-01',
          sex: 'female',
          indication_code: 'F33.2',
          allergies: '[]',
          conditions: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const planId = (
      await db
        .insertInto('treatment_plans')
        .values({
          clinic_id: t.clinicId,
          patient_id: patientId,
          protocol_id: ivDepression.id,
          protocol: JSON.stringify(ivDepression),
          started_on: '2026-03-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const day of ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13']) {
      await db
        .insertInto('infusions')
        .values({
          clinic_id: t.clinicId,
          patient_id: patientId,
          plan_id: planId,
          chair_id: null,
          stage: 'discharged',
          stage_since: at(day),
          scheduled_at: at(day),
          started_at: at(day),
          ended_at: at(day),
          protocol: JSON.stringify(ivDepression),
        })
        .execute();
    }
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
    expect(o).toMatchObject({ percentChange: -40, responder: false, boosterSignal: { flag: true } });
    expect(o?.boosterSignal?.reason).toMatch(/6/);
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
});
