import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { madrsOutcomeCriteria, phq9OutcomeCriteria } from './criteria.ts';
import { assessResponse } from './response.ts';
import type { ResponseInput } from './response.ts';

const FIRST = '2026-03-02';
const assess = (input: Partial<ResponseInput>) =>
  assessResponse({ scores: [], firstInfusionDate: FIRST, ...input }, phq9OutcomeCriteria);

describe('assessResponse: baseline', () => {
  it('takes the latest score on or before the first infusion', () => {
    const result = assess({
      scores: [
        { date: '2026-02-01', score: 22 },
        { date: '2026-02-20', score: 18 },
        { date: '2026-03-20', score: 8 },
      ],
    });
    expect(result).toMatchObject({ status: 'assessed', baseline: { date: '2026-02-20', score: 18 } });
  });

  it('counts a score dated on the first infusion day as the pre-dose baseline, not follow-up', () => {
    const result = assess({
      scores: [
        { date: '2026-02-20', score: 18 },
        { date: FIRST, score: 16 },
      ],
    });
    expect(result).toEqual({ status: 'no_follow_up', baseline: { date: FIRST, score: 16 } });
  });

  it('has no baseline when every score is after the first infusion', () => {
    expect(assess({ scores: [{ date: '2026-03-03', score: 10 }] })).toEqual({ status: 'no_baseline' });
    expect(assess({ scores: [] })).toEqual({ status: 'no_baseline' });
  });

  it('takes the later of two scores on one date, in input order', () => {
    const result = assess({
      scores: [
        { date: '2026-03-30', score: 3 },
        { date: '2026-03-01', score: 20 },
        { date: '2026-03-01', score: 12 },
        { date: '2026-03-30', score: 6 },
      ],
    });
    expect(result).toMatchObject({ baseline: { score: 12 }, latest: { score: 6 } });
  });

  it('can ignore baseline scores older than a limit', () => {
    const scores = [
      { date: '2025-06-01', score: 20 },
      { date: '2026-04-01', score: 5 },
    ];
    expect(assess({ scores, maxBaselineAgeDays: 60 })).toEqual({ status: 'no_baseline' });
    expect(assess({ scores, maxBaselineAgeDays: 365 })).toMatchObject({ status: 'assessed' });
    expect(assess({ scores: [{ date: FIRST, score: 9 }], maxBaselineAgeDays: 0 })).toMatchObject({
      status: 'no_follow_up',
    });
  });
});

describe('assessResponse: follow-up', () => {
  const scores = [
    { date: '2026-02-25', score: 20 },
    { date: '2026-03-09', score: 14 },
    { date: '2026-03-30', score: 9 },
    { date: '2026-05-15', score: 4 },
  ];

  it('takes the latest score after the first infusion', () => {
    expect(assess({ scores })).toMatchObject({ latest: { date: '2026-05-15', score: 4 } });
  });

  it('ignores scores after the window end, so a past report stays the same', () => {
    expect(assess({ scores, followUp: { to: '2026-04-30' } })).toMatchObject({
      latest: { date: '2026-03-30', score: 9 },
    });
  });

  it('ignores scores before the window start', () => {
    expect(assess({ scores, followUp: { from: '2026-03-10', to: '2026-03-29' } })).toEqual({
      status: 'no_follow_up',
      baseline: { date: '2026-02-25', score: 20 },
    });
    expect(assess({ scores, followUp: { from: '2026-03-09', to: '2026-03-09' } })).toMatchObject({
      latest: { score: 14 },
    });
  });

  it('reports no follow-up rather than a non-response or a response', () => {
    const result = assess({ scores: [{ date: '2026-02-25', score: 20 }] });
    expect(result.status).toBe('no_follow_up');
    expect(result).not.toHaveProperty('responder');
  });
});

describe('assessResponse: response and remission (PHQ-9)', () => {
  const pair = (baseline: number, latest: number) =>
    assess({
      scores: [
        { date: '2026-02-25', score: baseline },
        { date: '2026-04-01', score: latest },
      ],
    });

  it('computes change and percent change', () => {
    expect(pair(20, 9)).toMatchObject({ change: -11, percentChange: -55, responder: true, remitter: false });
    expect(pair(12, 15)).toMatchObject({ change: 3, percentChange: 25, responder: false });
  });

  it('calls exactly a 50 % fall a response, and 1 point less not', () => {
    expect(pair(20, 10)).toMatchObject({ percentChange: -50, responder: true });
    expect(pair(20, 11)).toMatchObject({ responder: false });
    expect(pair(15, 7)).toMatchObject({ responder: true });
    expect(pair(15, 8)).toMatchObject({ responder: false });
  });

  it('calls remission below 5 only', () => {
    expect(pair(20, 4)).toMatchObject({ remitter: true, responder: true });
    expect(pair(20, 5)).toMatchObject({ remitter: false });
    // Remission does not need a response: a mild baseline can remit with a small fall.
    expect(pair(6, 4)).toMatchObject({ remitter: true, responder: false });
  });

  it('leaves percent change undefined for a baseline of 0 and never calls that a response', () => {
    expect(pair(0, 0)).toMatchObject({ change: 0, percentChange: null, responder: false, remitter: true });
    expect(pair(0, 6)).toMatchObject({ change: 6, percentChange: null, responder: false, remitter: false });
  });

  it('applies the instrument’s own validated threshold (MADRS < 10: 9 remits, 10 does not)', () => {
    const madrs = (last: number) =>
      assessResponse(
        {
          scores: [
            { date: '2026-02-25', score: 30 },
            { date: '2026-04-01', score: last },
          ],
          firstInfusionDate: FIRST,
        },
        madrsOutcomeCriteria,
      );
    expect(madrs(9)).toMatchObject({ responder: true, remitter: true });
    expect(madrs(10)).toMatchObject({ responder: true, remitter: false });
  });
});

describe('assessResponse: the baseline is before the first dose (issue 10)', () => {
  const DOSE = '2026-03-02T15:00:00Z';
  const scores = [
    { date: '2026-02-20', score: 18 },
    { date: FIRST, score: 20, at: '2026-03-02T14:30:00Z' }, // before the dose
    { date: FIRST, score: 9, at: '2026-03-02T17:00:00Z' }, // after it: an acute effect
  ];

  it('never takes a score answered after the first dose on the same day as the baseline', () => {
    expect(assess({ scores, firstDoseAt: DOSE })).toEqual({
      status: 'no_follow_up',
      baseline: { date: FIRST, score: 20 },
    });
    // Without the pre-dose score, the one before it is the baseline, not the post-dose 9.
    expect(assess({ scores: [scores[0], scores[2]] as typeof scores, firstDoseAt: DOSE })).toMatchObject({
      baseline: { date: '2026-02-20', score: 18 },
    });
  });

  it('does not take a same-day score without a time once the dose time is known', () => {
    expect(assess({ scores: [{ date: FIRST, score: 20 }], firstDoseAt: DOSE })).toEqual({
      status: 'no_baseline',
    });
  });

  it('counts a score at the very instant of the dose as after it', () => {
    expect(assess({ scores: [{ date: FIRST, score: 20, at: DOSE }], firstDoseAt: DOSE })).toEqual({
      status: 'no_baseline',
    });
  });

  it('rejects an instant without an offset', () => {
    expect(() => assess({ scores, firstDoseAt: '2026-03-02T15:00:00' })).toThrow(DomainError);
    expect(() => assess({ scores: [{ date: FIRST, score: 1, at: 'soon' }] })).toThrow(DomainError);
  });
});

describe('assessResponse: the outcome is at the end of the induction series (issue 10)', () => {
  const window = { fromDay: 0, toDay: 7 };
  const END = '2026-03-13';
  const scores = [
    { date: '2026-02-27', score: 20 },
    { date: '2026-03-03', score: 6 }, // the day after the first infusion: one dose, not the treatment
    { date: END, score: 12 }, // before the last session
    { date: '2026-03-19', score: 9 }, // 6 days after it
    { date: '2026-04-30', score: 4 }, // weeks later
  ];

  it('takes the latest score from the day of the last induction session to 7 days after it', () => {
    expect(assess({ scores, outcome: { rule: 'end_of_series', seriesEndDate: END, window } })).toMatchObject({
      status: 'assessed',
      latest: { date: '2026-03-19', score: 9 },
      responder: true,
      remitter: false,
    });
    // With nothing after the last session in the window, the score of its day.
    expect(
      assess({
        scores: scores.filter((s) => s.date !== '2026-03-19'),
        outcome: { rule: 'end_of_series', seriesEndDate: END, window },
      }),
    ).toMatchObject({ latest: { date: END, score: 12 } });
  });

  it('never takes the day after the first infusion as the outcome', () => {
    const early = scores.slice(0, 2);
    // The old rule ("latest after the first infusion") called this a response and a remission.
    expect(assess({ scores: early })).toMatchObject({ status: 'assessed', responder: true, remitter: false });
    expect(assess({ scores: early, outcome: { rule: 'end_of_series', seriesEndDate: END, window } })).toEqual(
      {
        status: 'no_follow_up',
        baseline: { date: '2026-02-27', score: 20 },
      },
    );
    expect(assess({ scores: early, outcome: { rule: 'latest', seriesEndDate: END, window } })).toMatchObject({
      status: 'no_follow_up',
    });
  });

  it('has no outcome while the series is not complete', () => {
    expect(assess({ scores, outcome: { rule: 'end_of_series', seriesEndDate: null, window } })).toMatchObject(
      { status: 'no_follow_up' },
    );
    expect(assess({ scores, outcome: { rule: 'latest', seriesEndDate: null, window } })).toMatchObject({
      status: 'no_follow_up',
    });
  });

  it('takes the latest score from the window’s opening to the end date under "latest"', () => {
    expect(assess({ scores, outcome: { rule: 'latest', seriesEndDate: END, window } })).toMatchObject({
      latest: { date: '2026-04-30', score: 4 },
      remitter: true,
    });
    expect(
      assess({
        scores,
        followUp: { to: '2026-04-01' },
        outcome: { rule: 'latest', seriesEndDate: END, window },
      }),
    ).toMatchObject({ latest: { date: '2026-03-19', score: 9 } });
  });

  it('follows a protocol’s own window, before or after the last session', () => {
    const late = { rule: 'end_of_series' as const, seriesEndDate: END, window: { fromDay: 14, toDay: 60 } };
    expect(assess({ scores, outcome: late })).toMatchObject({ latest: { date: '2026-04-30', score: 4 } });
    const before = {
      rule: 'end_of_series' as const,
      seriesEndDate: END,
      window: { fromDay: -11, toDay: -1 },
    };
    expect(assess({ scores, outcome: before })).toMatchObject({ latest: { date: '2026-03-03', score: 6 } });
  });

  it('rejects a window that ends before it starts, or an unknown rule', () => {
    expect(() =>
      assess({
        scores,
        outcome: { rule: 'end_of_series', seriesEndDate: END, window: { fromDay: 3, toDay: 1 } },
      }),
    ).toThrow(DomainError);
    expect(() =>
      assess({ scores, outcome: { rule: 'first' as 'latest', seriesEndDate: END, window } }),
    ).toThrow(DomainError);
  });
});

describe('assessResponse: invalid input', () => {
  it('rejects bad dates and scores', () => {
    expect(() => assess({ firstInfusionDate: '2026-02-30' })).toThrow(DomainError);
    expect(() => assess({ scores: [{ date: '1 March', score: 3 }] })).toThrow(DomainError);
    expect(() => assess({ scores: [{ date: FIRST, score: -1 }] })).toThrow(DomainError);
    expect(() => assess({ scores: [{ date: FIRST, score: Number.NaN }] })).toThrow(DomainError);
    expect(() => assess({ scores: [null as unknown as { date: string; score: number }] })).toThrow(
      DomainError,
    );
    expect(() => assess({ scores: 'none' as unknown as [] })).toThrow(DomainError);
    expect(() => assess({ followUp: { to: 'soon' } })).toThrow(DomainError);
    expect(() => assess({ maxBaselineAgeDays: -1 })).toThrow(DomainError);
  });

  it('rejects broken criteria', () => {
    expect(() =>
      assessResponse(
        { scores: [], firstInfusionDate: FIRST },
        { ...phq9OutcomeCriteria, responseReduction: 2 },
      ),
    ).toThrow(DomainError);
  });
});
