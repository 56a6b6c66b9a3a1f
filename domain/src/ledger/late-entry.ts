import type { LedgerRefusal } from './types.ts';

const DAY_MS = 86_400_000;

/**
 * An entry dated more than `limitDays` × 24 h before it is recorded must say why it is recorded late
 * (`lateReason`, free text kept on the entry). The ledger keeps the actual date of each event
 * (21 CFR 1304.21(d)) and must be current (1304.21(a)), so a late entry is allowed but explained.
 * The limit is a clinic setting (settings.ts).
 */
export function lateEntryRefusal(q: {
  occurredAt: string;
  recordedAt: string;
  limitDays: number;
  lateReason: string | null | undefined;
}): LedgerRefusal | null {
  const lateMs = Date.parse(q.recordedAt) - Date.parse(q.occurredAt);
  if (lateMs <= q.limitDays * DAY_MS || (q.lateReason ?? '').trim() !== '') {
    return null;
  }
  return {
    code: 'late_reason_required',
    message:
      `This is dated more than ${q.limitDays} day${q.limitDays === 1 ? '' : 's'} ago: ` +
      'say why it is recorded late (a written reason is kept on the entry).',
  };
}

/** Whether `occurredAt` is late enough to need a reason (the forms show the reason field then). */
export function needsLateReason(occurredAt: string, recordedAt: string, limitDays: number): boolean {
  return Date.parse(recordedAt) - Date.parse(occurredAt) > limitDays * DAY_MS;
}
