import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { addDays, dayToIsoDate, isoDateToDay, weekdayOfDay } from './dates.ts';

describe('ISO dates', () => {
  it('round-trips and counts days from 1970-01-01', () => {
    expect(isoDateToDay('1970-01-01')).toBe(0);
    expect(dayToIsoDate(isoDateToDay('2026-03-09'))).toBe('2026-03-09');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
    expect(addDays('2026-01-10', -10)).toBe('2025-12-31');
  });

  it('knows weekdays (0 = Sunday)', () => {
    expect(weekdayOfDay(isoDateToDay('2026-01-05'))).toBe(1); // a Monday
    expect(weekdayOfDay(isoDateToDay('1969-12-28'))).toBe(0); // before the epoch
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '05/01/2026', '2026-01-05T00:00:00Z', ''])(
    'rejects %j',
    (bad) => {
      expect(() => isoDateToDay(bad)).toThrow(DomainError);
    },
  );

  it('rejects a non-string', () => {
    expect(() => isoDateToDay(20260105 as unknown as string)).toThrow(/not a valid yyyy-mm-dd/);
  });
});

describe('isoDateToDay against the Date object', () => {
  it('agrees with Date for every day from 1600 to 2400 and refuses impossible dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoDateToDay(iso)).toBe(day);
      }),
    );
    for (const bad of [
      '2026-02-29',
      '2024-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '1900-02-29',
      '26-01-01',
    ]) {
      expect(() => isoDateToDay(bad)).toThrow();
    }
    expect(isoDateToDay('2000-02-29')).toBe(11016);
    expect(isoDateToDay('1970-01-01')).toBe(0);
    expect(isoDateToDay('1969-12-31')).toBe(-1);
  });
});
