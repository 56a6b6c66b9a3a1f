/**
 * How every ledger write runs: the caller's permission, one clinic transaction, the clinic's rules
 * (followups/settings.ts), the entries through the chain (record.ts), an audit row, and the entries
 * answered as the ledger page shows them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { clinicTimeZone, inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission, type Permission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest } from '../http/errors.ts';
import { currentRules } from './followups/settings.ts';
import { recordEntries, type EntrySpec } from './record.ts';
import * as store from './store.ts';
import { entryView, type EntryView } from './views.ts';

export interface LedgerDeps {
  db: Kysely<DB>;
  now: () => Date;
}

/** An instant the user gave, not in the future (a minute of clock drift allowed). */
export function occurred(at: string | undefined, now: Date): Date {
  const when = at ? new Date(at) : now;
  if (when.getTime() > now.getTime() + 60_000) {
    throw badRequest('a ledger entry cannot be dated in the future');
  }
  return when;
}

/** Runs specs built inside the transaction through the chain; audits what was written. */
export async function write(
  deps: LedgerDeps,
  caller: Caller,
  permission: Permission,
  action: string,
  build: (tx: Tx) => Promise<{ specs: EntrySpec[]; patientId?: string | null }>,
): Promise<EntryView[]> {
  requirePermission(caller, permission);
  const now = deps.now();
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const { specs, patientId } = await build(tx);
    const rows = await recordEntries(tx, caller, specs, {
      timeZone: await clinicTimeZone(tx),
      now,
      backdateLimitDays: (await currentRules(tx)).backdateLimitDays,
    });
    await audit(tx, caller, {
      action,
      entity: 'ledger_entry',
      entityId: rows[0]?.id,
      patientId: patientId ?? undefined,
      detail: { seqs: rows.map((r) => r.seq) },
    });
    return (
      await store.namedEntriesBySeq(
        tx,
        rows.map((r) => Number(r.seq)),
      )
    ).map(entryView);
  });
}
