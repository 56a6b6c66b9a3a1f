import { DomainError, requireNumber } from '../errors.ts';
import type { Protocol } from './protocol.ts';

/**
 * Which score is a patient's outcome (issue 10 "Outcome report honesty"): the one at the end of the
 * induction series, not whatever was answered last. A score taken the day after the first infusion
 * measures one dose, not the treatment; a score months later measures how long the effect lasted.
 *
 * The window is in clinic days relative to the day of the last induction session (the planned-th
 * completed session): `fromDay` and `toDay` inclusive, either may be negative (before that session).
 */
export interface OutcomeWindow {
  fromDay: number;
  toDay: number;
}

/**
 * Default: the day of the last induction session through 7 days after it. A clinical-judgement
 * default, a protocol setting (`outcome.followUpWindow`) the clinic may change:
 * - A single infusion's effect peaks about 24 h after it and is mostly gone 5–8 days later (Shiroma et
 *   al. 2020, Transl Psychiatry 10:206, six infusions in 12 days, https://www.nature.com/articles/s41398-020-00897-0),
 *   so a score within a week of the last session measures the series; later ones measure how long it lasted.
 * - Trials of a six-infusion series report response at the end of the series and follow relapse
 *   after it (Murrough et al. 2013, Biol Psychiatry 74:250-256: response at study end 70.8 %, median
 *   18 days to relapse; http://dreamscapeketamine.com/immediate-and-persistent-antidepressant-effects-of-repeated-ketamine-infusions/).
 * - Day 0 keeps the PHQ-9 answered before the last session (the default cadence asks one before each
 *   session, plans/measures.ts) as the fallback when none was answered in the week after it; the
 *   latest score in the window is taken, so a score after the series wins when there is one.
 * A real-world alternative: McInnes et al. 2022 (J Affect Disord 301:486-495, PMID 35027209) measured
 * response 14–31 days after the induction: `{ fromDay: 14, toDay: 31 }`.
 */
export const defaultOutcomeWindow: OutcomeWindow = { fromDay: 0, toDay: 7 };

export const OUTCOME_WINDOW_SOURCES: readonly string[] = [
  'https://www.nature.com/articles/s41398-020-00897-0',
  'http://dreamscapeketamine.com/immediate-and-persistent-antidepressant-effects-of-repeated-ketamine-infusions/',
  'https://stanfordhealthcare.org/publications/837/837264.html',
];

/** Widest window a protocol may set, either side of the last session (a year after; a month before). */
export const OUTCOME_WINDOW_LIMITS = { minFromDay: -30, maxToDay: 365 } as const;

/** The protocol's window; a snapshot older than the setting (or without it) takes the default. */
export function outcomeWindowOf(protocol: Pick<Protocol, 'outcome'>): OutcomeWindow {
  return protocol.outcome?.followUpWindow ?? defaultOutcomeWindow;
}

export function requireOutcomeWindow(window: OutcomeWindow): OutcomeWindow {
  if (typeof window !== 'object' || window === null) {
    throw new DomainError('invalid_input', 'An outcome window { fromDay, toDay } is required');
  }
  const { minFromDay, maxToDay } = OUTCOME_WINDOW_LIMITS;
  const from = requireNumber(window.fromDay, 'fromDay', { integer: true, min: minFromDay, max: maxToDay });
  const to = requireNumber(window.toDay, 'toDay', { integer: true, min: minFromDay, max: maxToDay });
  if (from > to) {
    throw new DomainError('invalid_input', 'The outcome window must not end before it starts', {
      fromDay: from,
      toDay: to,
    });
  }
  return window;
}

/** "from the day of the last induction session to 7 days after it", for page, CSV and PDF. */
export function describeOutcomeWindow(window: OutcomeWindow): string {
  const days = (d: number): string => `${Math.abs(d)} day${Math.abs(d) === 1 ? '' : 's'}`;
  const relative = (d: number): string =>
    d === 0
      ? 'the day of the last induction session'
      : `${days(d)} ${d < 0 ? 'before' : 'after'} the last induction session`;
  if (window.fromDay === window.toDay) {
    return `on ${relative(window.fromDay)}`;
  }
  if (window.fromDay === 0 && window.toDay > 0) {
    return `from the day of the last induction session to ${days(window.toDay)} after it`;
  }
  return `from ${relative(window.fromDay)} to ${relative(window.toDay)}`;
}
