import { DomainError } from '../errors.ts';

/**
 * Calendar dates as ISO yyyy-mm-dd strings, computed as whole days since 1970-01-01 so that no
 * time zone or clock is involved. The clinic's time zone is applied by whoever picks "today".
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDateToDay(date: string): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(y, m - 1, d);
    // Date.UTC rolls 2026-02-30 over to March; a round trip catches it.
    if (dayToIsoDate(ms / MS_PER_DAY) === date) {
      return ms / MS_PER_DAY;
    }
  }
  throw new DomainError('invalid_date', `"${String(date)}" is not a valid yyyy-mm-dd date`, { date });
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
