import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { kaplanMeier, survivalAt } from './kaplan-meier.ts';
import type { SurvivalObservation } from './kaplan-meier.ts';

const relapse = (time: number): SurvivalObservation => ({ time, event: true });
const censored = (time: number): SurvivalObservation => ({ time, event: false });

// Remission times in weeks of the 6-MP and placebo arms of the Freireich et al. (Blood 1963) trial,
// as tabulated by Gehan (Biometrika 1965) and shipped as MASS::gehan.
const sixMp: SurvivalObservation[] = [
  ...[6, 6, 6, 7, 10, 13, 16, 22, 23].map(relapse),
  ...[6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map(censored),
];
const placebo: SurvivalObservation[] = [
  1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23,
].map(relapse);

describe('kaplanMeier: the 6-MP leukaemia remission data', () => {
  const estimate = kaplanMeier(sixMp);
  const eventSteps = estimate.steps.filter((s) => s.events > 0);

  it('reproduces the textbook survival estimates (Kleinbaum & Klein, "Survival Analysis")', () => {
    expect(eventSteps.map((s) => s.time)).toEqual([6, 7, 10, 13, 16, 22, 23]);
    const expected = [0.857, 0.807, 0.753, 0.69, 0.627, 0.538, 0.448];
    eventSteps.forEach((step, i) => expect(step.survival).toBeCloseTo(expected[i] as number, 3));
  });

  it('counts the tie at week 6 as 3 relapses before 1 censoring: 21 at risk, S = 18/21', () => {
    expect(eventSteps[0]).toMatchObject({ time: 6, atRisk: 21, events: 3, censored: 1 });
    expect(eventSteps[0]?.survival).toBeCloseTo(18 / 21, 12);
    expect(eventSteps[1]).toMatchObject({ time: 7, atRisk: 17, events: 1, censored: 0 });
  });

  it('matches Thomas & Grunkemeier (JASA 1975, Table 1) at 10 weeks: 0.753', () => {
    expect(survivalAt(estimate, 10)).toBeCloseTo(0.753, 3);
    expect(survivalAt(kaplanMeier(placebo), 10)).toBeCloseTo(0.381, 3);
  });

  it('keeps censor-only times as steps with unchanged survival', () => {
    const week9 = estimate.steps.find((s) => s.time === 9);
    expect(week9).toMatchObject({ atRisk: 16, events: 0, censored: 1 });
    expect(week9?.survival).toBeCloseTo(eventSteps[1]?.survival as number, 12);
  });

  it('gives the median remission as 23 weeks (6-MP) and 8 weeks (placebo)', () => {
    expect(estimate.medianTime).toBe(23);
    expect(kaplanMeier(placebo).medianTime).toBe(8);
  });

  it('totals subjects, relapses and censorings', () => {
    expect(estimate).toMatchObject({ subjects: 21, events: 9, censored: 12 });
    expect(estimate.steps.at(-1)).toMatchObject({ time: 35, atRisk: 1, censored: 1 });
  });

  it('does not depend on input order', () => {
    expect(kaplanMeier([...sixMp].reverse())).toEqual(estimate);
  });
});

describe('kaplanMeier: Greenwood standard error', () => {
  it('matches Stata sts list for the placebo arm (0.9048 ± 0.0641, 0.8095 ± 0.0857)', () => {
    // http://data.princeton.edu/eco572/KaplanMeier.html
    const [week1, week2] = kaplanMeier(placebo).steps;
    expect(week1?.survival).toBeCloseTo(0.9048, 4);
    expect(week1?.standardError).toBeCloseTo(0.0641, 4);
    expect(week2?.survival).toBeCloseTo(0.8095, 4);
    expect(week2?.standardError).toBeCloseTo(0.0857, 4);
  });

  it('is 0 before the first event and null once survival reaches 0', () => {
    const { steps } = kaplanMeier([censored(1), relapse(2), relapse(3)]);
    expect(steps[0]?.standardError).toBe(0);
    expect(steps[1]?.standardError).toBeCloseTo(Math.SQRT2 / 4, 12); // S · √(d/(n(n − d))) = ½ · √½
    expect(steps[2]).toMatchObject({ survival: 0, standardError: null });
  });
});

describe('kaplanMeier: edge cases', () => {
  it('returns an empty curve with no median for no subjects', () => {
    expect(kaplanMeier([])).toEqual({ steps: [], medianTime: null, subjects: 0, events: 0, censored: 0 });
  });

  it('stays at 1 with no median when everyone is censored', () => {
    const estimate = kaplanMeier([censored(3), censored(5)]);
    expect(estimate.steps.map((s) => s.survival)).toEqual([1, 1]);
    expect(estimate.medianTime).toBeNull();
  });

  it('takes the midpoint of a flat stretch at exactly 0.5, as R survival does', () => {
    // R: quantile(survfit(Surv(c(1, 2, 3, 4, 5, 6), rep(1, 6)) ~ 1), 0.5) is 3.5, the sample median;
    // the first time S ≤ 0.5 would say 3. (5/6)(4/5)(3/4) = 0.5 needs the rounding tolerance too.
    expect(kaplanMeier([1, 2, 3, 4, 5, 6].map(relapse)).medianTime).toBe(3.5);
    // Flat at 0.5 from day 4 to the drop at day 10.
    expect(kaplanMeier([relapse(4), relapse(4), censored(7), relapse(10)]).medianTime).toBe(7);
    // Ties: two of four at day 1, the rest at day 2: the sample median (1 + 2) / 2.
    expect(kaplanMeier([1, 1, 2, 2].map(relapse)).medianTime).toBe(1.5);
  });

  it('takes the midpoint up to the last time observed when the curve ends flat at 0.5', () => {
    // R: survfit(Surv(c(4, 9), c(1, 0)) ~ 1) prints median 6.5: flat at 0.5 from day 4 to day 9.
    expect(kaplanMeier([relapse(4), censored(9)]).medianTime).toBe(6.5);
  });

  it('takes the first time below 0.5 when the curve steps over it', () => {
    expect(kaplanMeier([relapse(1), relapse(2), relapse(2), censored(5)]).medianTime).toBe(2);
  });

  it('has no median while survival stays above 0.5', () => {
    expect(kaplanMeier([relapse(1), censored(2), censored(3)]).medianTime).toBeNull();
  });

  it('allows time 0 (an event on the day the series ended)', () => {
    expect(kaplanMeier([relapse(0), censored(10)]).steps[0]).toMatchObject({
      time: 0,
      atRisk: 2,
      survival: 0.5,
    });
  });

  it('reads S(t) off the steps: 1 before the first event, flat between steps', () => {
    const estimate = kaplanMeier(sixMp);
    expect(survivalAt(estimate, 5.9)).toBe(1);
    expect(survivalAt(estimate, 6)).toBeCloseTo(0.857, 3);
    expect(survivalAt(estimate, 8)).toBeCloseTo(0.807, 3);
    expect(survivalAt(estimate, 1000)).toBeCloseTo(0.448, 3);
  });

  it('rejects negative or non-finite times and non-boolean events', () => {
    expect(() => kaplanMeier([relapse(-1)])).toThrow(DomainError);
    expect(() => kaplanMeier([relapse(Number.NaN)])).toThrow(DomainError);
    expect(() => kaplanMeier([{ time: 1, event: 1 } as unknown as SurvivalObservation])).toThrow(DomainError);
    expect(() => kaplanMeier([null as unknown as SurvivalObservation])).toThrow(DomainError);
    expect(() => kaplanMeier('x' as unknown as SurvivalObservation[])).toThrow(DomainError);
  });
});

describe('kaplanMeier: properties', () => {
  const observationsArb = fc.array(
    fc.record({ time: fc.integer({ min: 0, max: 60 }), event: fc.boolean() }),
    { maxLength: 80 },
  );

  it('is non-increasing, starts at or below 1 and stays within [0, 1]', () => {
    fc.assert(
      fc.property(observationsArb, (observations) => {
        const { steps } = kaplanMeier(observations);
        let previous = 1;
        for (const step of steps) {
          expect(step.survival).toBeLessThanOrEqual(previous);
          expect(step.survival).toBeGreaterThanOrEqual(0);
          previous = step.survival;
        }
      }),
    );
  });

  it('keeps the risk set consistent: each step loses its events and censorings', () => {
    fc.assert(
      fc.property(observationsArb, (observations) => {
        const estimate = kaplanMeier(observations);
        let atRisk = observations.length;
        for (const step of estimate.steps) {
          expect(step.atRisk).toBe(atRisk);
          atRisk -= step.events + step.censored;
        }
        expect(atRisk).toBe(0);
        expect(estimate.events + estimate.censored).toBe(observations.length);
      }),
    );
  });

  it('equals the empirical survival (share with time > t) when nobody is censored', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 80 }), (times) => {
        const { steps, medianTime } = kaplanMeier(times.map(relapse));
        for (const step of steps) {
          const empirical = times.filter((t) => t > step.time).length / times.length;
          expect(step.survival).toBeCloseTo(empirical, 12);
        }
        // Without censoring the median is the ordinary sample median (R survival's midpoint rule).
        const sorted = [...times].sort((a, b) => a - b);
        const mid = times.length / 2;
        const sampleMedian =
          times.length % 2 === 1
            ? sorted[Math.floor(mid)]
            : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
        expect(medianTime).toBe(sampleMedian);
      }),
    );
  });
});
