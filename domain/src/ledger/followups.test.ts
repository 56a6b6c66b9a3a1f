import { describe, expect, it } from 'vitest';
import { deaNoticeDueOn, followUps, noticeState, type FollowUpEntry } from './followups.ts';

/** 2026-12-04 is a Friday. */
const FRIDAY = '2026-12-04';

function e(seq: number, kind: FollowUpEntry['kind'], fields: Partial<FollowUpEntry> = {}): FollowUpEntry {
  return { seq, kind, containerId: 'v1', quantityUg: 0, day: FRIDAY, refersToSeq: null, ...fields };
}

const loss = e(5, 'loss', { quantityUg: 500_000 });
const short = e(6, 'adjust', { quantityUg: -25_000 });
const opts = { today: FRIDAY, reviewAboveUg: 10_000 };

describe('DEA notice deadline (21 CFR 1301.76(b))', () => {
  it('is due by the end of the next business day after discovery', () => {
    expect(deaNoticeDueOn(FRIDAY)).toBe('2026-12-07');
    expect(deaNoticeDueOn('2026-12-02')).toBe('2026-12-03');
    expect(noticeState('2026-12-07', FRIDAY)).toBe('due');
    expect(noticeState('2026-12-07', '2026-12-07')).toBe('due_today');
    expect(noticeState('2026-12-07', '2026-12-08')).toBe('overdue');
  });

  it('opens for a loss and stays open until the notice is recorded', () => {
    expect(followUps([loss], opts).notices).toEqual([
      {
        seq: 5,
        kind: 'loss',
        containerId: 'v1',
        lostUg: 500_000,
        discoveredOn: FRIDAY,
        dueOn: '2026-12-07',
        state: 'due',
      },
    ]);
    expect(followUps([loss], { ...opts, today: '2026-12-08' }).notices[0]?.state).toBe('overdue');
    const sent = e(7, 'dea_notice', { refersToSeq: 5, quantityUg: 500_000 });
    expect(followUps([loss, sent], opts).notices).toEqual([]);
  });

  it('reopens when the notice is corrected, and closes when the loss itself is corrected', () => {
    const sent = e(7, 'dea_notice', { refersToSeq: 5 });
    const unsent = e(8, 'correction', { refersToSeq: 7 });
    expect(followUps([loss, sent, unsent], opts).notices.map((n) => n.seq)).toEqual([5]);
    const voided = e(9, 'correction', { refersToSeq: 5 });
    expect(followUps([loss, voided], opts).notices).toEqual([]);
  });
});

describe('significant-loss review of a negative adjustment', () => {
  it('is prompted above the clinic threshold only', () => {
    expect(followUps([short], opts).reviews).toEqual([
      { seq: 6, containerId: 'v1', lostUg: 25_000, adjustedOn: FRIDAY },
    ]);
    expect(followUps([short], { ...opts, reviewAboveUg: 25_000 }).reviews).toEqual([]);
    expect(followUps([e(6, 'adjust', { quantityUg: 25_000 })], opts).reviews).toEqual([]);
    // A review does not open a notice by itself.
    expect(followUps([short], opts).notices).toEqual([]);
  });

  it('closes on a finding; a significant one opens the DEA notice from the adjustment day', () => {
    const notSignificant = e(7, 'loss_review', { refersToSeq: 6, significant: false });
    expect(followUps([short, notSignificant], opts)).toEqual({ notices: [], reviews: [] });
    const significant = e(7, 'loss_review', { refersToSeq: 6, significant: true, day: '2026-12-08' });
    const after = followUps([short, significant], { ...opts, today: '2026-12-08' });
    expect(after.reviews).toEqual([]);
    expect(after.notices).toEqual([
      expect.objectContaining({ seq: 6, kind: 'adjust', dueOn: '2026-12-07', state: 'overdue' }),
    ]);
    const sent = e(8, 'dea_notice', { refersToSeq: 6 });
    expect(followUps([short, significant, sent], opts)).toEqual({ notices: [], reviews: [] });
  });

  it('counts a notice sent without a review as settling it, and a corrected review as none', () => {
    expect(followUps([short, e(7, 'dea_notice', { refersToSeq: 6 })], opts).reviews).toEqual([]);
    const review = e(7, 'loss_review', { refersToSeq: 6, significant: false });
    expect(
      followUps([short, review, e(8, 'correction', { refersToSeq: 7 })], opts).reviews.map((r) => r.seq),
    ).toEqual([6]);
  });
});
