import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { boosterSignal, defaultBoosterSignalRule } from './booster-signal.ts';
import type { BoosterSignalInput } from './booster-signal.ts';

const SERIES_END = '2026-03-13';
const signal = (input: Partial<BoosterSignalInput>, rule = defaultBoosterSignalRule) =>
  boosterSignal(
    { baselineScore: 20, scores: [], seriesEndDate: SERIES_END, asOf: '2026-05-01', ...input },
    rule,
  );

describe('boosterSignal: default rule (PHQ-9 up ≥ 5 from the low, or half the improvement lost)', () => {
  it('is documented as a heuristic with the issue’s defaults', () => {
    expect(defaultBoosterSignalRule).toEqual({ riseFromLowPoints: 5, improvementLostFraction: 0.5 });
  });

  it('flags a rise of 5 points from the post-series low', () => {
    const result = signal({
      scores: [
        { date: '2026-03-13', score: 8 },
        { date: '2026-03-27', score: 4 },
        { date: '2026-04-20', score: 9 },
      ],
    });
    expect(result).toMatchObject({
      flag: true,
      triggers: ['rise_from_low'],
      low: { date: '2026-03-27', score: 4 },
      latest: { date: '2026-04-20', score: 9 },
    });
    expect(result.reason).toContain('up 5 points from the post-series low of 4');
  });

  it('flags half of the improvement lost even when the rise is under 5 points', () => {
    // Baseline 12, low 4: an 8-point improvement; back up to 8 loses half of it.
    const result = signal({
      baselineScore: 12,
      scores: [
        { date: '2026-03-20', score: 4 },
        { date: '2026-04-20', score: 8 },
      ],
    });
    expect(result).toMatchObject({ flag: true, triggers: ['improvement_lost'] });
    expect(result.reason).toContain('50 % of the 8-point improvement lost');
  });

  it('names both triggers when both fire', () => {
    const result = signal({
      baselineScore: 16,
      scores: [
        { date: '2026-03-20', score: 2 },
        { date: '2026-04-20', score: 10 },
      ],
    });
    expect(result.triggers).toEqual(['rise_from_low', 'improvement_lost']);
  });

  it('does not flag a small rise that keeps most of the improvement', () => {
    const result = signal({
      scores: [
        { date: '2026-03-20', score: 4 },
        { date: '2026-04-20', score: 8 },
      ],
    });
    // Baseline 20, low 4: 4 of 16 points lost (25 %), rise 4 < 5.
    expect(result).toMatchObject({ flag: false, triggers: [] });
    expect(result.reason).toContain('4 points above the post-series low of 4');
  });

  it('does not flag a patient at their low', () => {
    expect(signal({ scores: [{ date: '2026-04-20', score: 3 }] })).toMatchObject({
      flag: false,
      low: { score: 3 },
      latest: { score: 3 },
    });
  });

  it('does not fire the fraction test for a patient who never improved and is standing still', () => {
    const result = signal({
      baselineScore: 10,
      scores: [
        { date: '2026-03-20', score: 12 },
        { date: '2026-04-20', score: 12 },
      ],
    });
    expect(result.flag).toBe(false);
  });

  it('applies only the points test without a baseline', () => {
    const scores = [
      { date: '2026-03-20', score: 4 },
      { date: '2026-04-20', score: 9 },
    ];
    expect(signal({ baselineScore: null, scores })).toMatchObject({
      flag: true,
      triggers: ['rise_from_low'],
    });
    // Without a baseline there is no improvement to lose: a 4-point rise alone does not fire.
    const smallRise = [scores[0], { date: '2026-04-20', score: 8 }] as typeof scores;
    expect(signal({ baselineScore: null, scores: smallRise }).flag).toBe(false);
  });

  it('takes the earliest date when the low is reached twice', () => {
    const result = signal({
      scores: [
        { date: '2026-04-10', score: 3 },
        { date: '2026-03-20', score: 3 },
        { date: '2026-04-20', score: 6 },
      ],
    });
    expect(result.low).toEqual({ date: '2026-03-20', score: 3 });
  });
});

describe('boosterSignal: which scores count', () => {
  it('ignores scores before the end of the series and after asOf', () => {
    const result = signal({
      asOf: '2026-04-30',
      scores: [
        { date: '2026-03-12', score: 1 }, // during the series
        { date: '2026-03-20', score: 5 },
        { date: '2026-04-15', score: 7 },
        { date: '2026-05-10', score: 19 }, // after asOf
      ],
    });
    expect(result).toMatchObject({ flag: false, low: { score: 5 }, latest: { score: 7 } });
  });

  it('counts a score on the last infusion day', () => {
    expect(signal({ scores: [{ date: SERIES_END, score: 6 }] }).low).toEqual({ date: SERIES_END, score: 6 });
  });

  it('says so when there is no score since the series', () => {
    expect(signal({ scores: [{ date: '2026-03-01', score: 9 }] })).toEqual({
      flag: false,
      triggers: [],
      reason: 'No score since the end of the induction series',
      low: null,
      latest: null,
      daysSinceLastInfusion: 49,
    });
  });
});

describe('boosterSignal: days since last infusion and configuration', () => {
  it('counts days from the series end, or from a later infusion', () => {
    expect(signal({ asOf: SERIES_END }).daysSinceLastInfusion).toBe(0);
    expect(signal({ lastInfusionDate: '2026-04-24' }).daysSinceLastInfusion).toBe(7);
  });

  it('lets a clinic switch either test off or change its threshold', () => {
    const scores = [
      { date: '2026-03-20', score: 4 },
      { date: '2026-04-20', score: 9 },
    ];
    expect(signal({ scores }, { riseFromLowPoints: null, improvementLostFraction: 0.5 }).flag).toBe(false);
    expect(signal({ scores }, { riseFromLowPoints: 6, improvementLostFraction: null }).flag).toBe(false);
    expect(signal({ scores }, { riseFromLowPoints: 3, improvementLostFraction: null }).flag).toBe(true);
    expect(signal({ scores }, { riseFromLowPoints: null, improvementLostFraction: 0.25 }).triggers).toEqual([
      'improvement_lost',
    ]);
  });

  it('rejects impossible rules and dates', () => {
    expect(() => signal({}, { riseFromLowPoints: 0, improvementLostFraction: null })).toThrow(DomainError);
    expect(() => signal({}, { riseFromLowPoints: null, improvementLostFraction: 1.5 })).toThrow(DomainError);
    expect(() => signal({ baselineScore: -2 })).toThrow(DomainError);
    expect(() => signal({ asOf: '2026-03-01' })).toThrow(DomainError);
    expect(() => signal({ lastInfusionDate: '2026-03-01' })).toThrow(DomainError);
    expect(() => signal({ seriesEndDate: 'yesterday' })).toThrow(DomainError);
    expect(() => signal({ scores: [{ date: '2026-04-01', score: Number.NaN }] })).toThrow(DomainError);
  });
});
