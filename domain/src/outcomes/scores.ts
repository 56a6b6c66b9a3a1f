import { DomainError, requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';

/** A total score for one instrument on a calendar date (yyyy-mm-dd). */
export interface DatedScore {
  date: string;
  score: number;
}

/** A checked score with its date as a day number, for comparisons. */
export interface DayScore extends DatedScore {
  day: number;
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
      const { date, score } = s as DatedScore;
      return { date, day: isoDateToDay(date), score: requireNumber(score, `scores[${i}].score`, { min: 0 }) };
    })
    .sort((a, b) => a.day - b.day);
}

export function toDatedScore(s: DayScore): DatedScore {
  return { date: s.date, score: s.score };
}
