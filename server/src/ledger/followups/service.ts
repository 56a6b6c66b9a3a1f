/**
 * Follow-ups of a theft or loss (21 CFR 1301.76(b)), recorded as ledger entries that move nothing: the
 * written notice sent to the DEA Field Division, and the significant-loss review of a count adjustment
 * that found drug missing. Both are the registrant's acts: ledger.setup (administrator, physician).
 */
import type { NoticeInput, ReviewInput } from '@openkap/domain/ledger/schema';
import type { Caller } from '../../auth/caller.ts';
import { notFound } from '../../http/errors.ts';
import type { Tx } from '../../db/clinic-scope.ts';
import * as store from '../store.ts';
import type { EntryView } from '../views.ts';
import { occurred, write, type LedgerDeps } from '../write.ts';

/** The entry followed up; the rules (it is a loss, not yet followed up) are the domain's (admit.ts). */
async function requireEntry(tx: Tx, seq: number): Promise<store.EntryRow> {
  const target = await store.entryBySeq(tx, seq);
  if (!target) {
    throw notFound(`entry #${seq}`);
  }
  return target;
}

export function recordNotice(deps: LedgerDeps, caller: Caller, input: NoticeInput): Promise<EntryView[]> {
  const sentAt = occurred(input.sentAt, deps.now());
  return write(deps, caller, 'ledger.setup', 'ledger_dea_notice', async (tx) => {
    const target = await requireEntry(tx, input.seq);
    return {
      specs: [
        {
          kind: 'dea_notice',
          locationId: target.location_id,
          containerId: target.container_id,
          quantityUg: Math.abs(Number(target.quantity_ug)),
          occurredAt: sentAt,
          refersToSeq: Number(target.seq),
          lateReason: input.lateReason,
          details: {
            method: input.method,
            sentTo: input.sentTo?.trim() || null,
            form106Filed: input.form106Filed,
            notifies: { seq: Number(target.seq), kind: target.kind },
          },
        },
      ],
    };
  });
}

export function recordReview(deps: LedgerDeps, caller: Caller, input: ReviewInput): Promise<EntryView[]> {
  const now = deps.now();
  return write(deps, caller, 'ledger.setup', 'ledger_loss_review', async (tx) => {
    const target = await requireEntry(tx, input.seq);
    return {
      specs: [
        {
          kind: 'loss_review',
          locationId: target.location_id,
          containerId: target.container_id,
          quantityUg: Math.abs(Number(target.quantity_ug)),
          occurredAt: now,
          refersToSeq: Number(target.seq),
          reason: input.reason,
          details: {
            significant: input.significant,
            factors: [...new Set(input.factors)],
            reviews: { seq: Number(target.seq), kind: target.kind },
          },
        },
      ],
    };
  });
}
