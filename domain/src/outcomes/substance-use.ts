import { isoDateToDay } from '../plans/dates.ts';
import type { DatedScore } from './scores.ts';

/** One weekly use-diary answer (instruments/use-diary.ts): the 7 days up to and including `date`. */
export interface DiaryWeek {
  date: string;
  daysUsed: number;
  heavyDays: number;
}

/**
 * The substance-use track for one patient (issue 4): craving then and now, the latest week, and how
 * long after the first infusion the first heavy day came. A diary only says a heavy day fell in the
 * week it covers, so "days to first heavy day" is counted to the end of that week: an upper bound,
 * said as such to staff.
 */
export interface SubstanceUseSummary {
  cravingBaseline: DatedScore | null;
  cravingLatest: DatedScore | null;
  lastWeek: (DiaryWeek & { abstinentDays: number }) | null;
  /** Days from the first infusion to the end of the first week after it with a heavy day; null if none yet. */
  daysToFirstHeavyWeek: number | null;
  /** Weeks reported since the first infusion, and how many of them had no use at all. */
  weeksReported: number;
  abstinentWeeks: number;
}

export function substanceUseSummary(input: {
  firstInfusionDate: string | null;
  diary: readonly DiaryWeek[];
  craving: readonly DatedScore[];
}): SubstanceUseSummary {
  const byDate = <T extends { date: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => isoDateToDay(a.date) - isoDateToDay(b.date));
  const diary = byDate(input.diary);
  const craving = byDate(input.craving);
  const first = input.firstInfusionDate === null ? null : isoDateToDay(input.firstInfusionDate);
  const after = first === null ? [] : diary.filter((w) => isoDateToDay(w.date) > first);
  const firstHeavy = after.find((w) => w.heavyDays > 0);
  const last = diary.at(-1);
  return {
    cravingBaseline:
      (first === null ? craving[0] : craving.filter((c) => isoDateToDay(c.date) <= first).at(-1)) ?? null,
    cravingLatest: craving.at(-1) ?? null,
    lastWeek: last ? { ...last, abstinentDays: 7 - last.daysUsed } : null,
    daysToFirstHeavyWeek: firstHeavy && first !== null ? isoDateToDay(firstHeavy.date) - first : null,
    weeksReported: after.length,
    abstinentWeeks: after.filter((w) => w.daysUsed === 0).length,
  };
}
