import { requireNumber } from '../errors.ts';
import { addDays } from './dates.ts';

/** Proposed date for the next booster, yyyy-mm-dd: a default to book against, not a rule. */
export function nextBoosterDue(lastInfusionDate: string, intervalDays: number): string {
  const days = requireNumber(intervalDays, 'intervalDays', { integer: true, min: 1, max: 365 });
  return addDays(lastInfusionDate, days);
}
