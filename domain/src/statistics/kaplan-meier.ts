import { DomainError, requireNumber } from '../errors.ts';

/** One subject: followed for `time` units, ending in the event (`true`) or censored (`false`). */
export interface SurvivalObservation {
  time: number;
  event: boolean;
}

/** The estimate just after `time`: one step per distinct observed time, events or censorings. */
export interface KaplanMeierStep {
  time: number;
  /** Subjects still followed just before `time`, including those censored at `time`. */
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /**
   * Greenwood standard error of `survival`. Null once survival reaches 0, where the formula divides
   * by zero (R survfit and Stata sts list leave it undefined there too).
   */
  standardError: number | null;
}

export interface KaplanMeierEstimate {
  steps: readonly KaplanMeierStep[];
  /**
   * Where a horizontal line at 0.5 meets the curve (R survival's convention, see kaplanMeier): the
   * first time survival falls below 0.5, or the midpoint of a flat stretch at exactly 0.5. Null while
   * the curve stays above 0.5. Not always a whole day: a flat stretch from day 4 to day 9 gives 6.5.
   */
  medianTime: number | null;
  subjects: number;
  events: number;
  censored: number;
}

// Survival is a product of ratios; allow for rounding so a curve that is exactly 0.5 on paper
// (e.g. 1 − 1/2) counts as having reached its median.
const MEDIAN_TOLERANCE = 1e-12;

/**
 * Kaplan–Meier product-limit estimate with right censoring (Kaplan & Meier 1958, JASA 53:457–481):
 * S(t) = ∏ over event times tⱼ ≤ t of (nⱼ − dⱼ)/nⱼ.
 *
 * Ties: at a time where both events and censorings occur, the events are taken first, so subjects
 * censored at tⱼ are still counted in nⱼ ("by convention, subjects censored at time tj are considered
 * at-risk and included in nj", epitools::kapmeier, https://rdrr.io/cran/epitools/man/kapmeier.html).
 * The textbook 6-MP figure S(6) = 0.857 = 18/21 only comes out this way (see the tests).
 *
 * Standard error: Greenwood's formula, SE(S) = S · √Σ dⱼ/(nⱼ(nⱼ − dⱼ)), as used by Stata sts list
 * (http://data.princeton.edu/eco572/KaplanMeier.html).
 *
 * Median: where a horizontal line at 0.5 meets the curve. If the curve sits exactly on 0.5 over a
 * stretch, the midpoint of that stretch — from the time it reached 0.5 to the next time it drops, or
 * to the last time observed if it never drops again — the convention of R's survival package
 * (quantile.survfit and print.survfit, https://rdrr.io/pkg/survival/man/quantile.survfit.html: "it
 * is possible for the curve to have a horizontal segment at exactly 1-k, in which case the midpoint
 * of the horizontal segment is returned. This mirrors the standard behavior of the median when data
 * is uncensored"). So with no censoring the median is the ordinary sample median (tests).
 */
export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeierEstimate {
  if (!Array.isArray(observations)) {
    throw new DomainError('invalid_input', 'observations must be an array of { time, event }');
  }
  const byTime = new Map<number, { events: number; censored: number }>();
  observations.forEach((o, i) => {
    if (typeof o !== 'object' || o === null || typeof o.event !== 'boolean') {
      throw new DomainError('invalid_input', `observations[${i}] must be { time: number, event: boolean }`, {
        index: i,
      });
    }
    const time = requireNumber(o.time, `observations[${i}].time`, { min: 0 });
    const tally = byTime.get(time) ?? { events: 0, censored: 0 };
    if (o.event) {
      tally.events += 1;
    } else {
      tally.censored += 1;
    }
    byTime.set(time, tally);
  });

  const steps: KaplanMeierStep[] = [];
  let atRisk = observations.length;
  let survival = 1;
  let greenwoodSum = 0;
  // The time the curve first reached exactly 0.5 (within rounding), while it stays there.
  let flatAtHalfFrom: number | null = null;
  let medianTime: number | null = null;
  let events = 0;
  for (const time of [...byTime.keys()].sort((a, b) => a - b)) {
    const tally = byTime.get(time) as { events: number; censored: number };
    if (tally.events > 0) {
      survival *= (atRisk - tally.events) / atRisk;
      // The term is infinite when every subject at risk has the event; survival is then 0 and the
      // standard error undefined from here on.
      greenwoodSum += atRisk > tally.events ? tally.events / (atRisk * (atRisk - tally.events)) : Infinity;
    }
    const standardError =
      survival > 0 && Number.isFinite(greenwoodSum) ? survival * Math.sqrt(greenwoodSum) : null;
    steps.push({ time, atRisk, events: tally.events, censored: tally.censored, survival, standardError });
    if (medianTime === null && tally.events > 0) {
      if (flatAtHalfFrom !== null) {
        // The flat stretch at 0.5 ends with this drop.
        medianTime = (flatAtHalfFrom + time) / 2;
      } else if (Math.abs(survival - 0.5) <= MEDIAN_TOLERANCE) {
        flatAtHalfFrom = time;
      } else if (survival < 0.5) {
        medianTime = time;
      }
    }
    events += tally.events;
    atRisk -= tally.events + tally.censored;
  }
  const lastTime = steps.at(-1)?.time;
  if (medianTime === null && flatAtHalfFrom !== null && lastTime !== undefined) {
    // Flat at 0.5 to the end of follow-up: the midpoint up to the last time observed.
    medianTime = (flatAtHalfFrom + lastTime) / 2;
  }
  return {
    steps,
    medianTime,
    subjects: observations.length,
    events,
    censored: observations.length - events,
  };
}

/** S(t) read off the step function: 1 before the first event, constant between steps. */
export function survivalAt(estimate: KaplanMeierEstimate, time: number): number {
  const t = requireNumber(time, 'time');
  let survival = 1;
  for (const step of estimate.steps) {
    if (step.time > t) {
      break;
    }
    survival = step.survival;
  }
  return survival;
}
