import { describe, expect, it } from 'vitest';
import { federalHolidays, isBusinessDay, nextBusinessDay } from './business-days.ts';

describe('federal business days (5 U.S.C. 6103)', () => {
  it('lists the eleven holidays of 2026 on the days federal offices observe them', () => {
    expect(federalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      // 4 July 2026 is a Saturday: observed on Friday the 3rd.
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('moves a Sunday holiday to Monday and a Saturday New Year to the year before', () => {
    // 19 June 2022 was a Sunday; 1 January 2022 a Saturday, observed on 31 December 2021.
    expect(federalHolidays(2022)).toContain('2022-06-20');
    expect(federalHolidays(2022)).not.toContain('2022-01-01');
    expect(federalHolidays(2021)).toEqual(expect.arrayContaining(['2021-12-24', '2021-12-31']));
    // Juneteenth became a holiday in 2021.
    expect(federalHolidays(2020).some((d) => d.startsWith('2020-06'))).toBe(false);
  });

  it('counts Monday to Friday, not weekends or holidays', () => {
    expect(isBusinessDay('2026-12-04')).toBe(true);
    expect(isBusinessDay('2026-12-05')).toBe(false);
    expect(isBusinessDay('2026-12-06')).toBe(false);
    expect(isBusinessDay('2026-11-26')).toBe(false);
  });

  it('finds the next business day over weekends and holidays', () => {
    expect(nextBusinessDay('2026-12-03')).toBe('2026-12-04');
    // Friday → Monday; Saturday → Monday.
    expect(nextBusinessDay('2026-12-04')).toBe('2026-12-07');
    expect(nextBusinessDay('2026-12-05')).toBe('2026-12-07');
    // The day before Thanksgiving → the Friday after it; Christmas Eve 2026 (Thursday) → Monday 28th.
    expect(nextBusinessDay('2026-11-25')).toBe('2026-11-27');
    expect(nextBusinessDay('2026-12-24')).toBe('2026-12-28');
    // Across the year end, with New Year's Day 2027 on a Friday.
    expect(nextBusinessDay('2026-12-31')).toBe('2027-01-04');
  });
});
