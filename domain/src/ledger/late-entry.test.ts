import { describe, expect, it } from 'vitest';
import { lateEntryRefusal, needsLateReason } from './late-entry.ts';

const recordedAt = '2026-12-04T15:00:00.000Z';
const daysBefore = (days: number) => new Date(Date.parse(recordedAt) - days * 86_400_000).toISOString();

describe('entries recorded late', () => {
  it('takes an entry up to the limit without a reason', () => {
    expect(
      lateEntryRefusal({ occurredAt: daysBefore(7), recordedAt, limitDays: 7, lateReason: null }),
    ).toBeNull();
    expect(needsLateReason(daysBefore(7), recordedAt, 7)).toBe(false);
  });

  it('asks for a written reason past the limit, and takes one', () => {
    const late = daysBefore(7.01);
    expect(needsLateReason(late, recordedAt, 7)).toBe(true);
    expect(
      lateEntryRefusal({ occurredAt: late, recordedAt, limitDays: 7, lateReason: undefined }),
    ).toMatchObject({
      code: 'late_reason_required',
      message: expect.stringMatching(/more than 7 days ago/),
    });
    expect(lateEntryRefusal({ occurredAt: late, recordedAt, limitDays: 7, lateReason: '  ' })?.code).toBe(
      'late_reason_required',
    );
    expect(
      lateEntryRefusal({
        occurredAt: late,
        recordedAt,
        limitDays: 7,
        lateReason: 'Paper log from the outage',
      }),
    ).toBeNull();
  });

  it('follows the clinic’s limit', () => {
    expect(
      lateEntryRefusal({ occurredAt: daysBefore(2), recordedAt, limitDays: 1, lateReason: null })?.message,
    ).toMatch(/more than 1 day ago/);
  });
});
