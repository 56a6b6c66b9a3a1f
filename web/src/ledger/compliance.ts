// Words for what the ledger still asks of the clinic (GET /api/ledger/compliance): a DEA notice's
// deadline and an inventory's due date, in the clinic's calendar.
import { formatDate } from '../app/format.ts';
import type { Compliance } from './api.ts';

export type OpenNotice = Compliance['notices'][number];
export type PendingReview = Compliance['reviews'][number];
export type LocationInventory = Compliance['inventories'][number];

/** "Mon 7 Dec 2026": the weekday matters for a business-day deadline. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return `${weekday} ${formatDate(date)}`;
}

export function noticeDeadline(n: OpenNotice): string {
  switch (n.state) {
    case 'overdue':
      return `Overdue: was due by the end of ${formatDay(n.dueOn)}`;
    case 'due_today':
      return 'Due today, by the end of the day';
    case 'due':
      return `Due by the end of ${formatDay(n.dueOn)}`;
  }
}

export function inventoryStatus(i: LocationInventory): string {
  switch (i.state) {
    case 'initial_needed':
      return 'Initial inventory needed before the first stock arrives';
    case 'initial_missing':
      return 'No initial inventory on record: take an inventory now';
    case 'overdue':
      return `Biennial inventory overdue: was due by ${formatDate(i.dueOn)}`;
    case 'due_soon':
      return `Biennial inventory due by ${formatDate(i.dueOn)}`;
    case 'ok':
      return `Next (biennial) inventory due by ${formatDate(i.dueOn)}`;
  }
}
