import { DomainError, requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';

/** A total score for one instrument on a calendar date (yyyy-mm-dd). */
export interface DatedScore {
  date: string;
  score: number;
  /**
   * When it was answered (ISO instant), where known: on the first infusion's day it tells a pre-dose
   * baseline from a score taken after the dose (response.ts).
   */
  at?: string;
}

/** A checked score with its date as a day number, for comparisons. */
export interface DayScore extends DatedScore {
  day: number;
  /** `at` in epoch ms; null when not known. */
  atMs: number | null;
}

/**
 * Validates scores and sorts them by date. The sort is stable, so two scores on one date keep their
 * input order: dates carry no time of day, and the later entry is taken as the later score.
 */
export function readDatedScores(scores: readonly DatedScore[]): DayScore[] {
  if (!Array.isArray(scores)) {
    throw new DomainError('invalid_input', 'scores must be an array of { date, score }');
  }
  return scores
    .map((s: unknown, i) => {
      if (typeof s !== 'object' || s === null) {
        throw new DomainError('invalid_input', `scores[${i}] must be { date, score }`, { index: i });
      }
      const { date, score, at } = s as DatedScore;
      // No object spread: this runs for every score of a 100,000-patient report.
      const checked: DayScore = {
        date,
        day: isoDateToDay(date),
        score: requireNumber(score, `scores[${i}].score`, { min: 0 }),
        atMs: at === undefined ? null : instantMs(at, `scores[${i}].at`),
      };
      if (at !== undefined) {
        checked.at = at;
      }
      return checked;
    })
    .sort((a, b) => a.day - b.day);
}

/** What the API answers: date and score (the instant only served the rules above). */
export function toDatedScore(s: DayScore): DatedScore {
  return { date: s.date, score: s.score };
}

/** An ISO 8601 instant with its offset (2026-03-02T15:00:00Z) as epoch ms. */
export function instantMs(value: string, name: string): number {
  const ms = typeof value === 'string' && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new DomainError('invalid_input', `${name} must be an ISO instant with an offset`, {
      field: name,
      value,
    });
  }
  return ms;
}
