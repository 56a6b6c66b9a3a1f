import { isoDateToDay } from '../plans/dates.ts';
import { nextBusinessDay } from './business-days.ts';
import type { EntryKind } from './types.ts';

/**
 * What a theft or loss still asks of the clinic (21 CFR 1301.76(b)):
 * - the written notice to the DEA Field Division "within one business day of discovery of such loss
 *   or theft", open until a dea_notice entry records it sent. Read here as: by the end of the first
 *   business day after the day of discovery, in the clinic's time zone (business-days.ts skips
 *   weekends and federal holidays). A loss entry is a theft or significant loss by its nature; a
 *   negative adjustment is one once its review finds it significant. DEA Form 106 follows within 45
 *   days (88 FR 40707, 2023; https://www.pharmhealthlaw.com/single-post/2023/08/27/changes-in-reporting-loss-theft-of-controlled-substances/).
 * - a significant-loss review of every negative adjustment above the clinic's threshold, weighing the
 *   factors of 1301.76(b)(1)–(6) (https://deadiversion.usdoj.gov/faq/theft-loss-faq.html), open until a
 *   loss_review entry records the finding (a DEA notice already sent settles it too).
 * A corrected entry asks nothing; a corrected notice or review is as if never recorded.
 */

export interface FollowUpEntry {
  seq: number;
  kind: EntryKind;
  containerId: string | null;
  /** As stored: adjust is signed (− missing). */
  quantityUg: number;
  /** The clinic-local day (yyyy-mm-dd) of occurredAt: the day of discovery for a loss or adjustment. */
  day: string;
  refersToSeq: number | null;
  /** loss_review only: whether the review found a significant loss. */
  significant?: boolean;
}

export type NoticeState = 'due' | 'due_today' | 'overdue';

export interface OpenNotice {
  /** The loss or adjustment to report. */
  seq: number;
  kind: 'loss' | 'adjust';
  containerId: string | null;
  /** The amount lost, µg (positive). */
  lostUg: number;
  discoveredOn: string;
  /** Send by the end of this clinic-local day. */
  dueOn: string;
  state: NoticeState;
}

export interface PendingReview {
  /** The adjustment to review. */
  seq: number;
  containerId: string | null;
  lostUg: number;
  adjustedOn: string;
}

/** The day the written notice of a loss discovered on `discoveredOn` is due by (see above). */
export function deaNoticeDueOn(discoveredOn: string): string {
  return nextBusinessDay(discoveredOn);
}

export function noticeState(dueOn: string, today: string): NoticeState {
  const due = isoDateToDay(dueOn);
  const now = isoDateToDay(today);
  return now > due ? 'overdue' : now === due ? 'due_today' : 'due';
}

/**
 * The notices still to send and the reviews still to do, oldest first. `entries` must hold every loss,
 * adjustment, dea_notice, loss_review and correction the answer depends on (the server passes all of
 * them). `reviewAboveUg`: a missing amount above this prompts a review.
 */
export function followUps(
  entries: readonly FollowUpEntry[],
  opts: { today: string; reviewAboveUg: number },
): { notices: OpenNotice[]; reviews: PendingReview[] } {
  isoDateToDay(opts.today);
  const corrected = new Set(
    entries.flatMap((e) => (e.kind === 'correction' && e.refersToSeq !== null ? [e.refersToSeq] : [])),
  );
  const live = entries.filter((e) => !corrected.has(e.seq)).sort((a, b) => a.seq - b.seq);
  const noticed = new Set<number>();
  const reviewed = new Map<number, boolean>();
  for (const e of live) {
    if (e.refersToSeq === null) {
      continue;
    }
    if (e.kind === 'dea_notice') {
      noticed.add(e.refersToSeq);
    } else if (e.kind === 'loss_review') {
      reviewed.set(e.refersToSeq, e.significant === true);
    }
  }
  const notices: OpenNotice[] = [];
  const reviews: PendingReview[] = [];
  for (const e of live) {
    const missing = e.kind === 'adjust' && e.quantityUg < 0;
    if ((e.kind !== 'loss' && !missing) || noticed.has(e.seq)) {
      continue;
    }
    const lostUg = Math.abs(e.quantityUg);
    const finding = reviewed.get(e.seq);
    if (e.kind === 'loss' || finding === true) {
      const dueOn = deaNoticeDueOn(e.day);
      notices.push({
        seq: e.seq,
        kind: e.kind === 'loss' ? 'loss' : 'adjust',
        containerId: e.containerId,
        lostUg,
        discoveredOn: e.day,
        dueOn,
        state: noticeState(dueOn, opts.today),
      });
    } else if (finding === undefined && lostUg > opts.reviewAboveUg) {
      reviews.push({ seq: e.seq, containerId: e.containerId, lostUg, adjustedOn: e.day });
    }
  }
  return { notices, reviews };
}
