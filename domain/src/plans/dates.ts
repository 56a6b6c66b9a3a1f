import { DomainError } from '../errors.ts';

/**
 * Calendar dates as ISO yyyy-mm-dd strings, computed as whole days since 1970-01-01 so that no
 * time zone or clock is involved. The clinic's time zone is applied by whoever picks "today".
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days already parsed. The outcome report turns hundreds of thousands of dates into days, but a
 * clinic's dates are a few thousand distinct days: a lookup is cheaper than a parse. Bounded, and only
 * valid dates are kept, so the answer is always the parse's.
 */
const parsedDays = new Map<string, number>();
const PARSED_DAYS_MAX = 20_000;

export function isoDateToDay(date: string): number {
  const known = parsedDays.get(date);
  if (known !== undefined) {
    return known;
  }
  // Parsed by hand, not through Date: no time zone, and several times faster.
  if (typeof date === 'string' && ISO_DATE.test(date)) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      const day = daysFromCivil(y, m, d);
      if (parsedDays.size >= PARSED_DAYS_MAX) {
        parsedDays.clear();
      }
      parsedDays.set(date, day);
      return day;
    }
  }
  throw new DomainError('invalid_date', `"${String(date)}" is not a valid yyyy-mm-dd date`, { date });
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil). */
function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayToIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dayToIsoDate(isoDateToDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}
