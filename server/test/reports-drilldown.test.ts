/**
 * Issue 4 "Clinic outcome report": the patients behind each headline figure
 * (GET /api/reports/outcomes/patients) and the PDF for the board (format=pdf), over a small clinic
 * like reports.test.ts's, with a patient under the PHQ-9 threshold and one still in induction added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@openkap/domain/auth/schema';
import { ivDepression } from '@openkap/domain/plans/protocols';
import { kaplanMeier } from '@openkap/domain/statistics/kaplan-meier';
import { outcomeReport } from '@openkap/domain/outcomes/report';
import { phq9OutcomeCriteria } from '@openkap/domain/outcomes/criteria';
import { boosterTableRows, denominatorNotes, rateRows } from '../src/reports/pdf.ts';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { insertPatientWithPlan, insertPhq9, insertSessions } from './outcome-fixtures.ts';

interface Report {
  enrolled: number;
  patients: number;
  withFollowUp: number;
  noFollowUp: number;
  noBaseline: number;
  baselineBelowThreshold: number;
  responders: number;
  remitters: number;
  completedInduction: number;
  inductionInProgress: number;
  dropOuts: number;
  timeToBooster: { events: number; censored: number };
}

interface PatientRow {
  patientId: string;
  mrn: string;
  givenName: string;
  familyName: string;
  status: string;
  baseline: { date: string; score: number } | null;
  followUp: { date: string; score: number } | null;
  percentChange: number | null;
  responder: boolean | null;
  remitter: boolean | null;
  induction: string;
  daysToBooster: number | null;
  booster: 'event' | 'censored' | null;
}

interface PatientList {
  group: string;
  total: number;
  offset: number;
  limit: number;
  patients: PatientRow[];
}

const range = 'instrument=phq9&from=2026-02-01&to=2026-05-31';

/** Each group, the JSON figure it opens, and who is in it in this clinic. */
const groups: [string, (r: Report) => number, string[]][] = [
  ['all', (r) => r.enrolled, ['R1', 'R2', 'R3', 'R4', 'R5', 'R7', 'R8']],
  ['baseline', (r) => r.patients, ['R1', 'R2', 'R3', 'R4', 'R8']],
  ['follow-up', (r) => r.withFollowUp, ['R1', 'R2', 'R3']],
  ['responders', (r) => r.responders, ['R1', 'R2']],
  ['remitters', (r) => r.remitters, ['R2']],
  ['no-follow-up', (r) => r.noFollowUp, ['R4', 'R8']],
  ['no-baseline', (r) => r.noBaseline, ['R5']],
  ['below-threshold', (r) => r.baselineBelowThreshold, ['R7']],
  ['completed', (r) => r.completedInduction, ['R1', 'R2', 'R3', 'R5', 'R7']],
  ['in-induction', (r) => r.inductionInProgress, ['R8']],
  ['drop-outs', (r) => r.dropOuts, ['R4']],
  ['booster-events', (r) => r.timeToBooster.events, ['R1']],
  ['booster-censored', (r) => r.timeToBooster.censored, ['R2', 'R3', 'R5', 'R7']],
];

/** Pages in a pdfkit file: one "/Type /Page" dictionary each (dictionaries are not compressed). */
const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe.each(backends)('outcome report drill-down and PDF (%s)', (backend) => {
  let t: TestClinic;

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
    // The same six patients as reports.test.ts: two responders (one also remits, one had a booster),
    // one neither, a drop-out without follow-up, one never measured, and one outside the dates.
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
    await patient('R2', series, [
      ['2026-03-01', 15],
      ['2026-03-18', 4],
    ]);
    await patient('R3', series, [
      ['2026-03-02T14:00:00Z', 18],
      // In the end-of-series window: the last session (13 March) to 7 days after it.
      ['2026-03-19', 16],
    ]);
    // A score the day after the first infusion is not an outcome (issue 10): the old rule took it.
    await patient('R4', series.slice(0, 2), [
      ['2026-03-02T14:00:00Z', 12],
      ['2026-03-03', 5],
    ]);
    await patient('R5', series, []);
    await patient(
      'R6',
      ['2026-01-05'],
      [
        ['2026-01-04', 19],
        ['2026-02-01', 5],
      ],
    );
    // Baseline 8, under PHQ-9's 10: it "remits" at 3, but is in no rate.
    await patient('R7', series, [
      ['2026-03-01', 8],
      ['2026-03-18', 3],
    ]);
    // Two of six sessions, the last four days before the end date: still in induction, no follow-up yet.
    await patient('R8', ['2026-05-25', '2026-05-27'], [['2026-05-25T14:00:00Z', 16]]);
  });
  afterAll(async () => {
    await t.close();
  });

  const report = async () =>
    call<Report>(t.app, {
      method: 'GET',
      url: `/api/reports/outcomes?${range}`,
      headers: await t.as('physician'),
    });
  const list = async (query: string, role: StaffRole = 'physician') =>
    call<PatientList>(t.app, {
      method: 'GET',
      url: `/api/reports/outcomes/patients?${range}&${query}`,
      headers: await t.as(role),
    });

  it('lists, for every headline figure, exactly as many patients as the figure', async () => {
    const r = (await report()).body;
    for (const [group, figure, mrns] of groups) {
      const res = await list(`group=${group}`);
      expect(res.status, group).toBe(200);
      expect(res.body.total, group).toBe(figure(r));
      expect(res.body.patients, group).toHaveLength(figure(r));
      expect(res.body.patients.map((p) => p.mrn).sort(), group).toEqual(mrns);
    }
  });

  it('names each patient, with baseline, follow-up, change and status', async () => {
    const res = await list('group=all');
    const byMrn = new Map(res.body.patients.map((p) => [p.mrn, p]));
    for (const p of res.body.patients) {
      expect(p.patientId).toMatch(/^[0-9a-f-]{36}$/);
      expect(p.givenName).toBe('Outcome');
      expect(p.familyName).toBe(p.mrn);
    }
    // Alphabetical by family name.
    expect(res.body.patients.map((p) => p.familyName)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R7', 'R8']);
    expect(byMrn.get('R2')).toMatchObject({
      status: 'assessed',
      baseline: { date: '2026-03-01', score: 15 },
      followUp: { date: '2026-03-18', score: 4 },
      responder: true,
      remitter: true,
      induction: 'completed',
      daysToBooster: 79,
      booster: 'censored',
    });
    expect(byMrn.get('R2')?.percentChange).toBeCloseTo(-73.33, 2);
    expect(byMrn.get('R1')).toMatchObject({
      responder: true,
      remitter: false,
      daysToBooster: 30,
      booster: 'event',
    });
    // Outside the rates: no responder or remitter verdict, though R7's score fell below 5.
    expect(byMrn.get('R7')).toMatchObject({
      status: 'below_threshold',
      followUp: { score: 3 },
      responder: null,
      remitter: null,
    });
    expect(byMrn.get('R4')).toMatchObject({
      status: 'no_follow_up',
      followUp: null,
      percentChange: null,
      responder: null,
    });
    expect(byMrn.get('R5')).toMatchObject({ status: 'no_baseline', baseline: null });
    expect(byMrn.get('R8')).toMatchObject({ induction: 'in_progress', daysToBooster: null, booster: null });
  });

  it('pages through a group without overlap, and audits the patients it showed', async () => {
    const first = await list('group=all&limit=3');
    const second = await list('group=all&limit=3&offset=3');
    const third = await list('group=all&limit=3&offset=6');
    expect([first, second, third].map((p) => p.body.total)).toEqual([7, 7, 7]);
    const mrns = [first, second, third].flatMap((p) => p.body.patients.map((x) => x.mrn));
    expect(mrns).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R7', 'R8']);

    const audits = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('entity', '=', 'outcome_report')
      .execute();
    const shown = audits
      .map((a) => a.detail as { format?: string; group?: string; offset?: number; shown?: string[] })
      .filter((d) => d.format === 'patients' && d.group === 'all' && d.offset === 3);
    expect(shown.at(-1)?.shown).toEqual(second.body.patients.map((p) => p.patientId));
  });

  it('narrows by the same filters as the report', async () => {
    const res = await list('group=all&protocol=some-other-protocol');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, patients: [] });
  });

  it('refuses an unknown group, a page too large and a reversed range', async () => {
    expect((await list('group=everyone')).status).toBe(400);
    expect((await list('')).status).toBe(400);
    expect((await list('group=all&limit=501')).status).toBe(400);
    expect((await list('group=all&format=csv')).status).toBe(400);
    const reversed = await call(t.app, {
      method: 'GET',
      url: '/api/reports/outcomes/patients?instrument=phq9&from=2026-06-01&to=2026-05-31&group=all',
      headers: await t.as('physician'),
    });
    expect(reversed.status).toBe(400);
    const reversedPdf = await t.app.inject({
      method: 'GET',
      url: '/api/reports/outcomes?instrument=phq9&from=2026-06-01&to=2026-05-31&format=pdf',
      headers: await t.as('physician'),
    });
    expect(reversedPdf.statusCode).toBe(400);
  });

  it('answers a one- or two-page PDF download', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reports/outcomes?${range}&protocol=${ivDepression.id}&format=pdf`,
      headers: await t.as('admin'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="outcomes-phq9-2026-02-01-to-2026-05-31.pdf"',
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(res.rawPayload)).toBeGreaterThanOrEqual(1);
    expect(pageCount(res.rawPayload)).toBeLessThanOrEqual(2);
    const audits = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('entity', '=', 'outcome_report')
      .execute();
    expect(audits.some((a) => (a.detail as { format?: string }).format === 'pdf')).toBe(true);
  });

  it.each(['nurse', 'therapist', 'front_desk', 'billing'] as const)(
    'is refused to the %s: totals, lists and PDF',
    async (role) => {
      const headers = await t.as(role);
      expect((await list('group=responders', role)).status).toBe(403);
      for (const format of ['json', 'csv', 'pdf']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/reports/outcomes?${range}&format=${format}`,
          headers,
        });
        expect(res.statusCode, format).toBe(403);
      }
    },
  );
});

describe("the PDF's Kaplan–Meier table", () => {
  it('lists every observed day while they fit, and groups a long curve into intervals of the same curve', () => {
    const short = kaplanMeier([
      { time: 3, event: true },
      { time: 10, event: false },
      { time: 30, event: true },
    ]);
    expect(boosterTableRows(short.steps)).toEqual({
      grouped: null,
      rows: [
        ['3', '3', '1', '0', '66.7 %'],
        ['10', '2', '0', '1', '66.7 %'],
        ['30', '1', '1', '0', '0.0 %'],
      ],
    });

    // 200 subjects over 200 distinct days: weeks would be 29 rows, so a week it is.
    const long = kaplanMeier(Array.from({ length: 200 }, (_, i) => ({ time: i, event: i % 3 === 0 })));
    const { rows, grouped } = boosterTableRows(long.steps);
    expect(grouped).toBe(7);
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(rows[0]).toEqual(['0\u20136', '200', '3', '4', expect.any(String)]);
    // Every subject is in exactly one interval, and the last survival is the curve's own.
    const events = rows.reduce((s, r) => s + Number(r[2]), 0);
    const censored = rows.reduce((s, r) => s + Number(r[3]), 0);
    expect(events + censored).toBe(200);
    expect(rows.at(-1)?.[4]).toBe(`${((long.steps.at(-1)?.survival ?? 0) * 100).toFixed(1)} %`);
  });
});

describe("the PDF's response and remission (issue 10)", () => {
  it('gives both denominators, each named, and says what each is', () => {
    const report = outcomeReport({
      criteria: phq9OutcomeCriteria,
      endDate: '2026-06-30',
      patients: [
        {
          patientId: 'a',
          scores: [
            { date: '2026-03-01', score: 20 },
            { date: '2026-03-15', score: 4 },
          ],
          firstInfusionDate: '2026-03-02',
          inductionInfusions: 6,
          plannedInductionInfusions: 6,
          seriesEndDate: '2026-03-13',
        },
        {
          patientId: 'b',
          scores: [{ date: '2026-03-01', score: 18 }],
          firstInfusionDate: '2026-03-02',
          inductionInfusions: 2,
          plannedInductionInfusions: 6,
        },
      ],
    });
    expect(rateRows(report)).toEqual([
      ['Response', 'With a follow-up score', '1', '1', '100 %', '21\u2013100 %'],
      ['Response', 'Intent to treat', '1', '2', '50 %', '9\u201391 %'],
      ['Remission', 'With a follow-up score', '1', '1', '100 %', '21\u2013100 %'],
      ['Remission', 'Intent to treat', '1', '2', '50 %', '9\u201391 %'],
    ]);
    expect(denominatorNotes(report)).toEqual([
      'Rows "With a follow-up score" are the rates of patients with a follow-up score (1 patient).',
      'Rows "Intent to treat" are the rates intent-to-treat: everyone with a baseline; no follow-up counted as ' +
        'not responding (2 patients, of whom 1 has no follow-up score).',
    ]);
  });
});
