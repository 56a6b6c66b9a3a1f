/**
 * Issue 4 "Clinic outcome report": GET /api/reports/outcomes over a small clinic whose numbers are
 * worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '@openkap/domain/statistics/wilson';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { insertPatientWithPlan, insertPhq9, insertSessions } from './outcome-fixtures.ts';

interface Report {
  patients: number;
  baselineBelowThreshold: number;
  minBaselineScore: number | null;
  withFollowUp: number;
  noFollowUp: number;
  noBaseline: number;
  responders: number;
  responseRate: number;
  responseCI95: [number, number];
  remitters: number;
  remissionRate: number;
  remissionCI95: [number, number];
  intentToTreat: {
    patients: number;
    responders: number;
    responseRate: number | null;
    responseCI95: [number, number] | null;
    remitters: number;
    remissionRate: number | null;
    remissionCI95: [number, number] | null;
  };
  followUp: { rule: string; defaultWindow: { fromDay: number; toDay: number }; description: string };
  denominators: { followedUp: string; intentToTreat: string };
  medianPercentChange: number;
  completedInduction: number;
  dropOuts: number;
  timeToBooster: { subjects: number; events: number; censored: number };
}

describe.each(backends)('clinic outcome report (%s)', (backend) => {
  let t: TestClinic;

  /** A patient with a plan, completed sessions on the given days and PHQ-9 totals on others. */
  async function patient(mrn: string, sessions: string[], phq9: [string, number][]) {
    const { patientId } = await insertPatientWithPlan(t, mrn, sessions[0] ?? '2026-01-01');
    await insertSessions(t, patientId, null, sessions);
    for (const [day, total] of phq9) {
      await insertPhq9(t, patientId, day, total);
    }
  }
  const series = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13'];

  beforeAll(async () => {
    t = await startClinic(backend);
    // 20 → 8: −60 %, responder, not in remission; then a booster 30 days after the series.
    await patient(
      'R1',
      [...series, '2026-04-12'],
      [
        ['2026-02-20', 22],
        // Before the first dose (15:00Z) on its day: the baseline.
        ['2026-03-02T14:00:00Z', 20],
        ['2026-03-20', 8],
      ],
    );
    // 15 → 4: responder and remitter (PHQ-9 < 5).
    // Weeks later 9 (−40 %): the "latest score" a clinic may choose instead, not the end of the series.
    await patient('R2', series, [
      ['2026-03-01', 15],
      ['2026-03-18', 4],
      ['2026-04-25', 9],
    ]);
    // 18 → 16: −11.1 %, neither.
    await patient('R3', series, [
      ['2026-03-02T14:00:00Z', 18],
      // In the end-of-series window: the last session (13 March) to 7 days after it.
      ['2026-03-19', 16],
    ]);
    // Baseline, no follow-up; stopped after 2 sessions long before the end date: a drop-out.
    // A score the day after the first infusion is not an outcome (issue 10): the old rule took it.
    await patient('R4', series.slice(0, 2), [
      ['2026-03-02T14:00:00Z', 12],
      ['2026-03-03', 5],
    ]);
    // Treated, never measured: no baseline.
    await patient('R5', series, []);
    // Baseline before the range: not in this report.
    await patient(
      'R6',
      ['2026-01-05'],
      [
        ['2026-01-04', 19],
        ['2026-02-01', 5],
      ],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (query: string, role: 'physician' | 'therapist' | 'admin' = 'physician') =>
    call<Report>(t.app, { method: 'GET', url: `/api/reports/outcomes?${query}`, headers: await t.as(role) });

  it('counts response and remission over patients with follow-up, with Wilson intervals', async () => {
    const res = await get('instrument=phq9&from=2026-02-01&to=2026-05-31');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({
      patients: 4,
      noBaseline: 1,
      // Every baseline here is ≥ 10 (HEDIS's "elevated" PHQ-9).
      baselineBelowThreshold: 0,
      minBaselineScore: 10,
      withFollowUp: 3,
      noFollowUp: 1,
      responders: 2,
      remitters: 1,
      completedInduction: 4,
      dropOuts: 1,
    });
    expect(r.responseRate).toBeCloseTo(2 / 3, 10);
    expect(r.remissionRate).toBeCloseTo(1 / 3, 10);
    expect(r.responseCI95).toEqual(wilsonInterval(2, 3));
    expect(r.remissionCI95).toEqual(wilsonInterval(1, 3));
    // −60, −73.3, −11.1 → −60
    expect(r.medianPercentChange).toBeCloseTo(-60, 10);
    // R1 had a booster (event); R2, R3 and R5 completed the series and are censored.
    expect(r.timeToBooster).toMatchObject({ subjects: 4, events: 1, censored: 3 });
  });

  it('exports one CSV row per patient, by MRN', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/outcomes?instrument=phq9&from=2026-02-01&to=2026-05-31&format=csv',
      headers: await t.as('physician'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^mrn,status,baseline_date,baseline_score/);
    expect(lines).toHaveLength(6);
    // R2: series ended 13 March, still in care (active plan): censored at the end date, 79 days later.
    expect(lines[0]).toContain(
      ',responder,remitter,responder_intent_to_treat,remitter_intent_to_treat,follow_up_rule,',
    );
    expect(lines.find((l) => l.startsWith('R2,'))).toBe(
      'R2,assessed,2026-03-01,15,2026-03-18,4,-73.3,true,true,true,true,end_of_series,completed,79,true',
    );
    // No follow-up: in neither "with follow-up" column, a non-responder by intent to treat.
    expect(lines.find((l) => l.startsWith('R4,'))).toBe(
      'R4,no_follow_up,2026-03-02,12,,,,,,false,false,end_of_series,dropped_out,,',
    );
    expect(lines.find((l) => l.startsWith('R5,'))).toBe(
      'R5,no_baseline,,,,,,,,,,end_of_series,completed,79,true',
    );
  });

  it('gives response and remission over both denominators, and says which is which (issue 10)', async () => {
    const r = (await get('instrument=phq9&from=2026-02-01&to=2026-05-31')).body;
    // Over the 3 with a follow-up: 2/3 and 1/3. Intent to treat, over the 4 with a baseline (R4 dropped
    // out after 2 sessions and counts as not responding): 2/4 and 1/4.
    expect(r.intentToTreat).toEqual({
      patients: 4,
      responders: 2,
      responseRate: 0.5,
      responseCI95: wilsonInterval(2, 4),
      remitters: 1,
      remissionRate: 0.25,
      remissionCI95: wilsonInterval(1, 4),
    });
    expect(r.denominators.followedUp).toMatch(/with a follow-up score/);
    expect(r.denominators.intentToTreat).toMatch(
      /everyone with a baseline; no follow-up counted as not responding/,
    );
    expect(r.followUp).toMatchObject({ rule: 'end_of_series', defaultWindow: { fromDay: 0, toDay: 7 } });
    expect(r.followUp.description).toMatch(/from the day of the last induction session to 7 days after it/);
  });

  it('takes the latest score instead when the clinic chooses it, and refuses an unknown rule', async () => {
    const r = (await get('instrument=phq9&from=2026-02-01&to=2026-05-31&followUp=latest')).body;
    // R2's latest is 9 of 25 April (−40 %): no longer a responder or in remission.
    expect(r).toMatchObject({ withFollowUp: 3, responders: 1, remitters: 0 });
    expect(r.followUp.rule).toBe('latest');
    expect(r.followUp.description).toMatch(/^Latest score/);
    expect((await get('instrument=phq9&from=2026-02-01&to=2026-05-31&followUp=first')).status).toBe(400);
  });

  it('never takes a score answered after the first dose on its day as the baseline', async () => {
    // R9's only score before the series was answered at 16:00Z, an hour after the first dose.
    await patient('R9', series, [
      ['2026-03-02T16:00:00Z', 21],
      ['2026-03-18', 5],
    ]);
    const csv = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/reports/outcomes?instrument=phq9&from=2026-02-01&to=2026-05-31&format=csv',
          headers: await t.as('physician'),
        })
      ).body
        .split('\r\n')
        .find((l) => l.startsWith('R9,'));
    expect(await csv()).toMatch(/^R9,no_baseline,,,,/);
    // The same score an hour before the dose is the baseline.
    await t.database.db
      .updateTable('questionnaire_responses')
      .set({ authored_at: new Date('2026-03-02T14:00:00Z') })
      .where('authored_at', '=', new Date('2026-03-02T16:00:00Z'))
      .execute();
    expect(await csv()).toMatch(/^R9,assessed,2026-03-02,21,2026-03-18,5,/);
    await t.database.db
      .deleteFrom('infusions')
      .where('patient_id', 'in', t.database.db.selectFrom('patients').select('id').where('mrn', '=', 'R9'))
      .execute();
  });

  it('refuses an unknown instrument, one without a response definition, and a reversed range', async () => {
    expect((await get('instrument=nope&from=2026-01-01&to=2026-02-01')).status).toBe(400);
    expect((await get('instrument=gad7&from=2026-01-01&to=2026-02-01')).status).toBe(400);
    expect((await get('instrument=phq9&from=2026-03-01&to=2026-02-01')).status).toBe(400);
    expect((await get('instrument=phq9&from=2026-02-01')).status).toBe(400);
  });

  it('is for the medical director and the administrator, and is audited', async () => {
    expect((await get('instrument=phq9&from=2026-02-01&to=2026-05-31', 'therapist')).status).toBe(403);
    expect((await get('instrument=phq9&from=2026-02-01&to=2026-05-31', 'admin')).status).toBe(200);
    const audits = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('entity', '=', 'outcome_report')
      .execute();
    expect(audits.length).toBeGreaterThan(0);
  });

  it('censors a patient whose plan has ended at their last session, not at the end date', async () => {
    await t.database.db
      .updateTable('treatment_plans')
      .set({ status: 'completed' })
      .where('patient_id', 'in', t.database.db.selectFrom('patients').select('id').where('mrn', '=', 'R3'))
      .execute();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/outcomes?instrument=phq9&from=2026-02-01&to=2026-05-31&format=csv',
      headers: await t.as('physician'),
    });
    expect(res.body.split('\r\n').find((l) => l.startsWith('R3,'))).toMatch(/,completed,0,true$/);
  });
});
