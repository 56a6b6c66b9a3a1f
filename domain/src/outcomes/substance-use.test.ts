import { describe, expect, it } from 'vitest';
import { substanceUseSummary } from './substance-use.ts';

describe('substanceUseSummary', () => {
  it('finds craving before and after, the last week, and the first heavy week after the first infusion', () => {
    const s = substanceUseSummary({
      firstInfusionDate: '2026-03-02',
      diary: [
        { date: '2026-03-01', daysUsed: 6, heavyDays: 4 }, // before treatment: not counted
        { date: '2026-03-09', daysUsed: 0, heavyDays: 0 },
        { date: '2026-03-16', daysUsed: 1, heavyDays: 0 },
        { date: '2026-03-23', daysUsed: 2, heavyDays: 1 },
        { date: '2026-03-30', daysUsed: 0, heavyDays: 0 },
      ],
      craving: [
        { date: '2026-03-30', score: 9 },
        { date: '2026-02-28', score: 22 },
      ],
    });
    expect(s).toEqual({
      cravingBaseline: { date: '2026-02-28', score: 22 },
      cravingLatest: { date: '2026-03-30', score: 9 },
      lastWeek: { date: '2026-03-30', daysUsed: 0, heavyDays: 0, abstinentDays: 7 },
      // the week ending 23 March: 21 days after the first infusion at most
      daysToFirstHeavyWeek: 21,
      weeksReported: 4,
      abstinentWeeks: 2,
    });
  });

  it('says nothing it does not know', () => {
    expect(substanceUseSummary({ firstInfusionDate: null, diary: [], craving: [] })).toEqual({
      cravingBaseline: null,
      cravingLatest: null,
      lastWeek: null,
      daysToFirstHeavyWeek: null,
      weeksReported: 0,
      abstinentWeeks: 0,
    });
  });
});
