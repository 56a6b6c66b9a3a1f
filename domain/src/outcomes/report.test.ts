import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { addDays } from '../plans/dates.ts';
import { wilsonInterval } from '../statistics/wilson.ts';
import { phq9OutcomeCriteria } from './criteria.ts';
import { outcomeReport } from './report.ts';
import type { OutcomeReportInput, OutcomeReportPatient } from './report.ts';

const END = '2026-06-30';
const completed = { inductionInfusions: 6, plannedInductionInfusions: 6 };

const cohort: OutcomeReportPatient[] = [
  {
    // Responder and remitter; booster 56 days after the series.
    patientId: 'A',
    scores: [
      { date: '2026-01-05', score: 20 },
      { date: '2026-01-20', score: 4 },
      // Weeks after the series: the "latest score" a clinic may choose instead.
      { date: '2026-02-20', score: 14 },
    ],
    firstInfusionDate: '2026-01-05',
    ...completed,
    seriesEndDate: '2026-01-16',
    firstBoosterDate: '2026-03-13',
  },
  {
    // Non-responder; lost to follow-up 47 days after the series.
    patientId: 'B',
    scores: [
      { date: '2026-01-28', score: 15 },
      { date: '2026-02-18', score: 12 },
    ],
    firstInfusionDate: '2026-02-02',
    ...completed,
    seriesEndDate: '2026-02-13',
    lastContactDate: '2026-04-01',
  },
  {
    // Exactly 50 %: a responder, not a remitter; relapse (day 49) before the booster (day 63).
    patientId: 'C',
    scores: [
      { date: '2026-02-23', score: 18 },
      { date: '2026-03-10', score: 9 },
    ],
    firstInfusionDate: '2026-02-23',
    ...completed,
    seriesEndDate: '2026-03-06',
    relapseDate: '2026-04-24',
    firstBoosterDate: '2026-05-08',
  },
  {
    // Baseline only, stopped after 2 of 6: no follow-up and a drop-out.
    patientId: 'D',
    scores: [{ date: '2026-03-02', score: 22 }],
    firstInfusionDate: '2026-03-02',
    inductionInfusions: 2,
    plannedInductionInfusions: 6,
  },
  {
    // No baseline (first score after the first infusion), still in the series.
    patientId: 'E',
    scores: [{ date: '2026-06-20', score: 11 }],
    firstInfusionDate: '2026-06-15',
    inductionInfusions: 3,
    plannedInductionInfusions: 6,
    inductionOngoing: true,
  },
  {
    // Worse at follow-up; the July score and booster fall after the end date and are ignored.
    patientId: 'F',
    scores: [
      { date: '2026-05-18', score: 10 },
      { date: '2026-06-01', score: 11 },
      { date: '2026-07-15', score: 2 },
    ],
    firstInfusionDate: '2026-05-18',
    ...completed,
    seriesEndDate: '2026-05-29',
    firstBoosterDate: '2026-07-10',
  },
];

const report = (patch: Partial<OutcomeReportInput> = {}) =>
  outcomeReport({ criteria: phq9OutcomeCriteria, endDate: END, patients: cohort, ...patch });

describe('outcomeReport: which follow-up score is the outcome (issue 10)', () => {
  it('takes the score at the end of the series by default, and the latest one when the clinic chooses', () => {
    const a = (r: ReturnType<typeof report>) => r.perPatient.find((p) => p.patientId === 'A')?.response;
    expect(a(report())).toMatchObject({ latest: { date: '2026-01-20', score: 4 }, remitter: true });
    expect(a(report({ followUpRule: 'latest' }))).toMatchObject({
      latest: { date: '2026-02-20', score: 14 },
      responder: false,
      remitter: false,
    });
    expect(report({ followUpRule: 'latest' }).followUp.rule).toBe('latest');
  });

  it('gives a patient whose series is not complete no outcome, whatever was answered after the first infusion', () => {
    // Two infusions, then a score the next day: the old rule made this a remission.
    const r = report({
      patients: [
        {
          patientId: 'early',
          scores: [
            { date: '2026-03-01', score: 20 },
            { date: '2026-03-03', score: 3 },
          ],
          firstInfusionDate: '2026-03-02',
          inductionInfusions: 2,
          plannedInductionInfusions: 6,
          inductionOngoing: true,
        },
      ],
    });
    expect(r).toMatchObject({ withFollowUp: 0, noFollowUp: 1, remitters: 0 });
    expect(r.intentToTreat).toMatchObject({ patients: 1, responders: 0, responseRate: 0 });
  });

  it('uses each patient’s protocol window, else the report’s default', () => {
    const late = { fromDay: 30, toDay: 40 };
    expect(
      report({ patients: cohort.map((p) => (p.patientId === 'A' ? { ...p, outcomeWindow: late } : p)) })
        .perPatient[0]?.response,
    ).toMatchObject({ latest: { date: '2026-02-20', score: 14 } });
    expect(report({ defaultWindow: late }).perPatient[0]?.response).toMatchObject({
      latest: { date: '2026-02-20', score: 14 },
    });
    expect(() => report({ defaultWindow: { fromDay: 2, toDay: 1 } })).toThrow(DomainError);
  });

  it('never takes a score after the first dose on its day as the baseline', () => {
    const r = report({
      patients: [
        {
          ...cohort[0],
          scores: [
            { date: '2026-01-05', score: 20, at: '2026-01-05T16:00:00Z' },
            { date: '2026-01-20', score: 4 },
          ],
          firstDoseAt: '2026-01-05T15:00:00Z',
        } as OutcomeReportPatient,
      ],
    });
    expect(r).toMatchObject({ patients: 0, noBaseline: 1 });
  });
});

describe('outcomeReport: a worked cohort', () => {
  const r = report();

  it('separates patients without a baseline and without follow-up from the rates', () => {
    expect(r).toMatchObject({
      instrumentId: 'phq9',
      endDate: END,
      enrolled: 6,
      patients: 5,
      noBaseline: 1,
      withFollowUp: 4,
      noFollowUp: 1,
    });
  });

  it('computes response and remission over patients with follow-up, with Wilson intervals', () => {
    expect(r).toMatchObject({ responders: 2, responseRate: 0.5, remitters: 1, remissionRate: 0.25 });
    expect(r.responseCI95).toEqual(wilsonInterval(2, 4));
    expect(r.remissionCI95).toEqual(wilsonInterval(1, 4));
  });

  it('gives the same rates over everyone with a baseline (intent to treat), no follow-up counting as not responding', () => {
    // D dropped out with a baseline only: out of the first denominator, a non-responder in the second.
    expect(r.intentToTreat).toEqual({
      patients: 5,
      responders: 2,
      responseRate: 2 / 5,
      responseCI95: wilsonInterval(2, 5),
      remitters: 1,
      remissionRate: 1 / 5,
      remissionCI95: wilsonInterval(1, 5),
    });
    expect(r.followUp).toEqual({ rule: 'end_of_series', defaultWindow: { fromDay: 0, toDay: 7 } });
  });

  it('has no intent-to-treat rate without a baseline, rather than 0 %', () => {
    const none = report({ patients: cohort.filter((p) => p.patientId === 'E') });
    expect(none.intentToTreat).toMatchObject({ patients: 0, responseRate: null, responseCI95: null });
  });

  it('takes the median percent change of those with follow-up (−80, −50, −20, +10 → −35)', () => {
    expect(r.medianPercentChange).toBe(-35);
  });

  it('counts completed, in-progress and dropped-out inductions', () => {
    expect(r).toMatchObject({ completedInduction: 4, inductionInProgress: 1, dropOuts: 1 });
    expect(r.perPatient.map((p) => p.induction)).toEqual([
      'completed',
      'completed',
      'completed',
      'dropped_out',
      'in_progress',
      'completed',
    ]);
  });

  it('estimates time to booster or relapse from the end of the series', () => {
    expect(r.perPatient.map((p) => p.timeToBooster)).toEqual([
      { time: 56, event: true },
      { time: 47, event: false }, // censored at last contact
      { time: 49, event: true }, // relapse before the booster
      null,
      null,
      { time: 32, event: false }, // booster after the end date: censored at the end date
    ]);
    expect(r.timeToBooster.steps.map((s) => [s.time, s.atRisk, s.survival])).toEqual([
      [32, 4, 1],
      [47, 3, 1],
      [49, 2, 0.5],
      [56, 1, 0],
    ]);
    // Flat at exactly 0.5 from day 49 to the drop at day 56: the midpoint (R survival's convention).
    expect(r.timeToBooster.medianTime).toBe(52.5);
  });

  it('keeps each patient’s assessment for drill-down', () => {
    expect(r.perPatient[3]?.response).toEqual({
      status: 'no_follow_up',
      baseline: { date: '2026-03-02', score: 22 },
    });
    expect(r.perPatient[4]?.response).toEqual({ status: 'no_baseline' });
    expect(r.perPatient[5]?.response).toMatchObject({
      latest: { date: '2026-06-01', score: 11 },
      percentChange: 10,
    });
  });
});

describe('outcomeReport: windows and edge cases', () => {
  it('gives null rates and intervals, not 0 %, when nobody has follow-up', () => {
    const r = report({ patients: [cohort[3] as OutcomeReportPatient] });
    expect(r).toMatchObject({
      patients: 1,
      withFollowUp: 0,
      noFollowUp: 1,
      responders: 0,
      responseRate: null,
      responseCI95: null,
      remissionRate: null,
      remissionCI95: null,
      medianPercentChange: null,
    });
  });

  it('handles an empty clinic', () => {
    const r = report({ patients: [] });
    expect(r).toMatchObject({ enrolled: 0, patients: 0, responseRate: null, dropOuts: 0 });
    expect(r.timeToBooster.steps).toEqual([]);
  });

  it('measures follow-up from a start date when asked', () => {
    // Only F has a score on or after 2026-05-01.
    const r = report({ followUpFrom: '2026-05-01' });
    expect(r).toMatchObject({ withFollowUp: 1, noFollowUp: 4, responders: 0 });
  });

  it('passes the baseline age limit through', () => {
    // B's baseline is 5 days before the first infusion; the others are on the day.
    expect(report({ maxBaselineAgeDays: 0 })).toMatchObject({ patients: 4, noBaseline: 2 });
  });

  it('leaves out of time-to-booster a series that ended after the end date', () => {
    const r = report({ endDate: '2026-05-20' });
    expect(r.perPatient[5]?.timeToBooster).toBeNull();
    expect(r.timeToBooster.subjects).toBe(3);
  });

  it('censors at the end date when last contact is later', () => {
    const r = report({
      patients: [{ ...(cohort[1] as OutcomeReportPatient), lastContactDate: '2026-12-01' }],
    });
    expect(r.perPatient[0]?.timeToBooster).toEqual({ time: 137, event: false });
  });

  it('ends the time at a relapse before the booster, ignores a relapse during the series', () => {
    // Series ends 2026-03-06 (day 0). Relapse 2026-03-20 = day 14, booster 2026-04-03 = day 28.
    const base = { ...(cohort[2] as OutcomeReportPatient), firstBoosterDate: '2026-04-03' };
    const r = report({
      patients: [
        { ...base, patientId: 'relapse-first', relapseDate: '2026-03-20' },
        // A relapse during the series (2026-03-02) is not an event: the booster on day 28 is.
        { ...base, patientId: 'relapse-in-series', relapseDate: '2026-03-02' },
        // No booster, relapse after the end date: censored at the last contact as before (day 47).
        {
          ...base,
          patientId: 'censored',
          firstBoosterDate: null,
          relapseDate: '2026-07-02',
          lastContactDate: '2026-04-22',
        },
      ],
    });
    expect(r.perPatient.map((p) => [p.timeToBooster, p.timeToBoosterEvent])).toEqual([
      [{ time: 14, event: true }, 'relapse'],
      [{ time: 28, event: true }, 'booster'],
      [{ time: 47, event: false }, null],
    ]);
    expect(r.timeToBoosterEventKinds).toEqual({ booster: 1, relapse: 1 });
    // KM by hand: 3 at risk; day 14 one event (2/3); day 28 one event (1/3); day 47 censored.
    expect(r.timeToBooster.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [14, 3, 1, 0],
      [28, 2, 1, 0],
      [47, 1, 0, 1],
    ]);
    expect(r.timeToBooster.steps[1]?.survival).toBeCloseTo(1 / 3);
  });

  it('rejects inconsistent patients', () => {
    const [a] = cohort as [OutcomeReportPatient];
    expect(() => report({ patients: [a, a] })).toThrow(DomainError);
    expect(() => report({ patients: [{ ...a, patientId: '' }] })).toThrow(DomainError);
    expect(() => report({ patients: [{ ...a, seriesEndDate: null }] })).toThrow(DomainError);
    expect(() => report({ patients: [{ ...a, firstBoosterDate: '2026-01-10' }] })).toThrow(DomainError);
    expect(() =>
      report({ patients: [{ ...a, lastContactDate: '2026-01-10', firstBoosterDate: null }] }),
    ).toThrow(DomainError);
    expect(() => report({ patients: [{ ...a, inductionInfusions: 0 }] })).toThrow(DomainError);
    expect(() => report({ patients: [{ ...a, plannedInductionInfusions: 1.5 }] })).toThrow(DomainError);
    expect(() => report({ endDate: '30/06/2026' })).toThrow(DomainError);
    expect(() => report({ patients: 'all' as unknown as [] })).toThrow(DomainError);
  });
});

describe('outcomeReport: properties', () => {
  const day0 = '2026-01-01';
  const patientArb = (id: number) =>
    fc
      .record({
        baselineOffset: fc.option(fc.integer({ min: -30, max: 10 }), { nil: undefined }),
        baseline: fc.integer({ min: 0, max: 27 }),
        followUps: fc.array(
          fc.record({ offset: fc.integer({ min: 1, max: 200 }), score: fc.integer({ min: 0, max: 27 }) }),
          {
            maxLength: 4,
          },
        ),
        received: fc.integer({ min: 1, max: 8 }),
        planned: fc.integer({ min: 1, max: 8 }),
        ongoing: fc.boolean(),
        boosterOffset: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      })
      .map((p): OutcomeReportPatient => {
        const first = addDays(day0, id % 40);
        const seriesEnd = addDays(first, 12);
        return {
          patientId: `p${id}`,
          scores: [
            ...(p.baselineOffset === undefined
              ? []
              : [{ date: addDays(first, Math.min(0, p.baselineOffset)), score: p.baseline }]),
            ...p.followUps.map((f) => ({ date: addDays(first, f.offset), score: f.score })),
          ],
          firstInfusionDate: first,
          inductionInfusions: p.received,
          plannedInductionInfusions: p.planned,
          inductionOngoing: p.ongoing,
          seriesEndDate: seriesEnd,
          firstBoosterDate: p.boosterOffset === null ? null : addDays(seriesEnd, p.boosterOffset),
        };
      });
  const cohortArb = fc
    .integer({ min: 0, max: 25 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => patientArb(i))));

  it('keeps counts consistent: responders, remitters ≤ withFollowUp ≤ patients ≤ enrolled', () => {
    fc.assert(
      fc.property(cohortArb, fc.integer({ min: 0, max: 250 }), (patients, endOffset) => {
        const r = outcomeReport({
          criteria: phq9OutcomeCriteria,
          endDate: addDays(day0, endOffset),
          patients,
        });
        expect(r.responders).toBeLessThanOrEqual(r.withFollowUp);
        expect(r.remitters).toBeLessThanOrEqual(r.withFollowUp);
        expect(r.withFollowUp).toBeLessThanOrEqual(r.patients);
        expect(r.patients).toBeLessThanOrEqual(r.enrolled);
        expect(r.withFollowUp + r.noFollowUp).toBe(r.patients);
        expect(r.patients + r.noBaseline + r.baselineBelowThreshold).toBe(r.enrolled);
        expect(r.completedInduction + r.inductionInProgress + r.dropOuts).toBe(r.enrolled);
        expect(r.timeToBooster.subjects).toBeLessThanOrEqual(r.completedInduction);
        if (r.withFollowUp === 0) {
          expect(r.responseRate).toBeNull();
          expect(r.responseCI95).toBeNull();
        } else {
          const [lo, hi] = r.responseCI95 as readonly [number, number];
          expect(r.responseRate).toBeGreaterThanOrEqual(lo);
          expect(r.responseRate).toBeLessThanOrEqual(hi);
          expect(r.remissionRate).toBe(r.remitters / r.withFollowUp);
        }
      }),
    );
  });

  it('leaves patients who start below the PHQ-9 threshold out of the rates, and counts them apart', () => {
    const base = {
      firstInfusionDate: '2026-03-02',
      inductionInfusions: 6,
      plannedInductionInfusions: 6,
      seriesEndDate: '2026-03-13',
    };
    const r = outcomeReport({
      criteria: phq9OutcomeCriteria,
      endDate: '2026-06-30',
      patients: [
        // Starts at 8 ("mild"), ends at 2: a "remission" HEDIS would not count.
        {
          ...base,
          patientId: 'low',
          scores: [
            { date: '2026-03-01', score: 8 },
            { date: '2026-03-18', score: 2 },
          ],
        },
        {
          ...base,
          patientId: 'ok',
          scores: [
            { date: '2026-03-01', score: 18 },
            { date: '2026-03-18', score: 12 },
          ],
        },
      ],
    });
    expect(r).toMatchObject({
      enrolled: 2,
      patients: 1,
      baselineBelowThreshold: 1,
      withFollowUp: 1,
      remitters: 0,
    });
  });
});
