import { DomainError, requireNumber } from '../errors.ts';
import { dayToIsoDate, isoDateToDay, weekdayOfDay } from './dates.ts';
import type { Protocol } from './protocol.ts';

export interface InductionPlanOptions {
  /** Overrides for this patient; default to the protocol's induction settings. */
  sessions?: number;
  minDaysBetween?: number;
  maxSessionsPerWeek?: number;
  /** Weekdays the clinic is shut, 0 = Sunday … 6 = Saturday. */
  closedWeekdays?: readonly number[];
  /** Holidays or chair unavailability, yyyy-mm-dd. */
  closedDates?: readonly string[];
}

/** How far ahead one session may be pushed before we decide the constraints cannot be met. */
const MAX_SEARCH_DAYS = 366;

/**
 * Proposes the induction dates: the earliest open day for each session that keeps the minimum gap and
 * no more than maxSessionsPerWeek in any 7 consecutive days. If firstDate itself is closed, the series
 * starts on the next open day. Pure: the caller books the chairs.
 */
export function planInductionSeries(
  protocol: Protocol,
  firstDate: string,
  options: InductionPlanOptions = {},
): string[] {
  const sessions = requireNumber(options.sessions ?? protocol.induction.sessions, 'sessions', {
    integer: true,
    min: 1,
    max: 100,
  });
  const minGap = requireNumber(
    options.minDaysBetween ?? protocol.induction.minDaysBetween,
    'minDaysBetween',
    {
      integer: true,
      min: 1,
    },
  );
  const perWeek = requireNumber(
    options.maxSessionsPerWeek ?? protocol.induction.maxSessionsPerWeek,
    'maxSessionsPerWeek',
    { integer: true, min: 1, max: 7 },
  );
  const closedWeekdays = new Set(
    (options.closedWeekdays ?? []).map((d) =>
      requireNumber(d, 'closedWeekdays', { integer: true, min: 0, max: 6 }),
    ),
  );
  if (closedWeekdays.size === 7) {
    throw new DomainError('invalid_input', 'The clinic cannot be closed on every weekday');
  }
  const closedDays = new Set((options.closedDates ?? []).map(isoDateToDay));

  const planned: number[] = [];
  let candidate = isoDateToDay(firstDate);
  while (planned.length < sessions) {
    const day = nextOpenDay(candidate, planned, perWeek, closedWeekdays, closedDays);
    planned.push(day);
    candidate = day + minGap;
  }
  return planned.map(dayToIsoDate);
}

function nextOpenDay(
  from: number,
  planned: readonly number[],
  perWeek: number,
  closedWeekdays: ReadonlySet<number>,
  closedDays: ReadonlySet<number>,
): number {
  for (let day = from; day < from + MAX_SEARCH_DAYS; day++) {
    if (closedWeekdays.has(weekdayOfDay(day)) || closedDays.has(day)) {
      continue;
    }
    const inWindow = planned.filter((p) => p > day - 7).length;
    if (inWindow < perWeek) {
      return day;
    }
  }
  throw new DomainError('invalid_input', 'No open day found within a year; check the closed dates', {
    from: dayToIsoDate(from),
  });
}
