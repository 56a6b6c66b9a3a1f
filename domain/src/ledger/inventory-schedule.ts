import { isoDateToDay } from '../plans/dates.ts';
import type { LedgerRefusal } from './types.ts';

/**
 * When a registered location's inventories are due (21 CFR 1304.11):
 * - (b) the initial inventory is taken on the date the registrant first engages in handling controlled
 *   substances, so before the first stock arrives; with nothing on hand it is a zero inventory.
 * - (c) after it, a new (biennial) inventory at least every two years, on any date within two years
 *   of the previous one.
 * Sources: http://www.deacompliance.com/inventories.htm;
 * https://dentalcompliance.com/blogs/news/dea-practitioners-manual-inventory-requirements.
 */

/**
 * The last day a biennial inventory may be taken: two calendar years after `lastOn`. A 29 February
 * maps to 28 February, never to a day beyond two years.
 */
export function biennialDueOn(lastOn: string): string {
  isoDateToDay(lastOn);
  const year = Number(lastOn.slice(0, 4)) + 2;
  const monthDay = lastOn.slice(5) === '02-29' ? '02-28' : lastOn.slice(5);
  return `${year}-${monthDay}`;
}

/** How close "due soon" is: a clinic plans a full count weeks ahead. */
export const INVENTORY_DUE_SOON_DAYS = 60;

export type InventoryState =
  /** No inventory and no stock yet: the initial inventory comes before the first receipt. */
  | 'initial_needed'
  /** Stock was received (before this rule) without an initial inventory on record. */
  | 'initial_missing'
  | 'ok'
  | 'due_soon'
  | 'overdue';

export interface InventorySchedule {
  state: InventoryState;
  /** The last day the next biennial inventory may be taken; null until a first inventory. */
  dueOn: string | null;
}

/**
 * `lastOn`: the clinic-local day of the location's latest initial or biennial inventory, if any;
 * `hadStock`: whether stock ever arrived there; `today`: the clinic-local day.
 */
export function inventorySchedule(q: {
  lastOn: string | null;
  hadStock: boolean;
  today: string;
}): InventorySchedule {
  const today = isoDateToDay(q.today);
  if (q.lastOn === null) {
    return { state: q.hadStock ? 'initial_missing' : 'initial_needed', dueOn: null };
  }
  const dueOn = biennialDueOn(q.lastOn);
  const due = isoDateToDay(dueOn);
  const state = today > due ? 'overdue' : today > due - INVENTORY_DUE_SOON_DAYS ? 'due_soon' : 'ok';
  return { state, dueOn };
}

/**
 * Whether stock may arrive at a location at `at` (an ISO instant): only after its initial inventory
 * was taken (`initialAt`, the earliest initial inventory there, ISO). A location that already held
 * stock from before the rule existed (`firstStockAt` at or before `at`) is not held up: its first
 * receipt has passed, and the missing inventory is shown instead (initial_missing).
 */
export function stockArrivalRefusal(
  q: { initialAt: string | null; firstStockAt: string | null; locationName: string },
  at: string,
): LedgerRefusal | null {
  const t = Date.parse(at);
  if (q.initialAt !== null && Date.parse(q.initialAt) <= t) {
    return null;
  }
  if (q.firstStockAt !== null && Date.parse(q.firstStockAt) <= t) {
    return null;
  }
  return {
    code: 'initial_inventory_required',
    message:
      q.initialAt === null
        ? `Take the initial inventory of ${q.locationName} before its first stock arrives ` +
          '(21 CFR 1304.11(b)): a zero inventory if nothing is on hand.'
        : `The initial inventory of ${q.locationName} was taken later than this; stock cannot be ` +
          'recorded as arriving before it.',
  };
}
