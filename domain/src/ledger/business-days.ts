import { dayToIsoDate, isoDateToDay, weekdayOfDay } from '../plans/dates.ts';

/**
 * Business days for DEA deadlines: Monday to Friday, except the US federal legal public holidays of
 * 5 U.S.C. 6103(a), on the days federal offices (a DEA Field Division) observe them: a holiday that
 * falls on a Saturday is observed the Friday before, one on a Sunday the Monday after (6103(b)).
 * Source for the list and the shift: https://www.okwb.uscourts.gov/holidays (5 U.S.C. 6103).
 * Inauguration Day (6103(c)) is a holiday only around Washington DC and is left out.
 */

/** yyyy-mm-dd of the `n`th (1-based; -1 = last) `weekday` (0 = Sunday) of `month` (1–12). */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = isoDateToDay(`${year}-${String(month).padStart(2, '0')}-01`);
    return dayToIsoDate(first + ((weekday - weekdayOfDay(first) + 7) % 7) + (n - 1) * 7);
  }
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = isoDateToDay(next) - 1;
  return dayToIsoDate(last - ((weekdayOfDay(last) - weekday + 7) % 7));
}

/** A fixed-date holiday moved off the weekend (6103(b)). */
function observed(date: string): string {
  const day = isoDateToDay(date);
  const weekday = weekdayOfDay(day);
  return dayToIsoDate(weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day);
}

function holidaysOf(year: number): string[] {
  const fixed = (month: number, day: number) =>
    observed(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  return [
    fixed(1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday in January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday in February
    nthWeekday(year, 5, 1, -1), // Memorial Day: last Monday in May
    // Juneteenth National Independence Day, a legal public holiday since 17 June 2021.
    ...(year >= 2021 ? [fixed(6, 19)] : []),
    fixed(7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday in September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday in October
    fixed(11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday in November
    fixed(12, 25), // Christmas Day
  ];
}

const byYear = new Map<number, ReadonlySet<string>>();

function holidaySet(year: number): ReadonlySet<string> {
  let set = byYear.get(year);
  if (!set) {
    const prefix = `${year}-`;
    set = new Set([...holidaysOf(year), ...holidaysOf(year + 1)].filter((d) => d.startsWith(prefix)));
    byYear.set(year, set);
  }
  return set;
}

/**
 * The observed federal holidays falling in `year`, sorted. New Year's Day of the next year counts
 * here when it falls on a Saturday (observed on 31 December).
 */
export function federalHolidays(year: number): string[] {
  return [...holidaySet(year)].sort();
}

/** Monday to Friday and not an observed federal holiday. */
export function isBusinessDay(date: string): boolean {
  const weekday = weekdayOfDay(isoDateToDay(date));
  return weekday !== 0 && weekday !== 6 && !holidaySet(Number(date.slice(0, 4))).has(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string): string {
  let day = isoDateToDay(date) + 1;
  while (!isBusinessDay(dayToIsoDate(day))) {
    day += 1;
  }
  return dayToIsoDate(day);
}
