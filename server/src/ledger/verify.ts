import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { entryHash } from './chain.ts';
import * as store from './store.ts';

export interface ChainBreak {
  seq: number;
  kind: string | null;
  occurredAt: string | null;
  problem: string;
}

export interface ChainReport {
  clinicId: string;
  entries: number;
  headSeq: number;
  ok: boolean;
  /** The first entry whose stored content no longer matches the chain: where to start looking. */
  firstBreak: ChainBreak | null;
}

/**
 * Re-computes one clinic's hash chain from the stored rows. Any UPDATE or DELETE made behind the
 * app's back (triggers disabled, a restored backup edited by hand) breaks it at the first entry
 * touched: a changed row no longer hashes to its stored hash; a deleted one leaves a gap or a link
 * that points nowhere; a dropped tail no longer reaches the chain head.
 */
export async function verifyChain(tx: Tx, clinicId: string): Promise<ChainReport> {
  const [entries, head, containers] = await Promise.all([
    store.allEntries(tx),
    store.chainHead(tx),
    store.allContainers(tx),
  ]);
  const report = (firstBreak: ChainBreak | null): ChainReport => ({
    clinicId,
    entries: entries.length,
    headSeq: Number(head?.seq ?? 0),
    ok: firstBreak == null,
    firstBreak,
  });
  const at = (e: store.EntryRow, problem: string): ChainBreak => ({
    seq: Number(e.seq),
    kind: e.kind,
    occurredAt: new Date(e.occurred_at).toISOString(),
    problem,
  });
  let prev = store.GENESIS;
  let expectedSeq = 1;
  for (const e of entries) {
    if (Number(e.seq) !== expectedSeq) {
      return report({
        seq: expectedSeq,
        kind: null,
        occurredAt: null,
        problem: `entry #${expectedSeq} is missing (the next stored entry is #${Number(e.seq)})`,
      });
    }
    if (e.prev_hash !== prev) {
      return report(
        at(e, 'its link to the previous entry does not match: an entry before it was removed or replaced'),
      );
    }
    if (entryHash(prev, e) !== e.hash) {
      return report(
        at(e, 'its content no longer matches its hash: the row was changed after it was written'),
      );
    }
    prev = e.hash;
    expectedSeq += 1;
  }
  const headSeq = Number(head?.seq ?? 0);
  if (headSeq !== entries.length || (head?.hash ?? store.GENESIS) !== prev) {
    return report({
      seq: entries.length + 1,
      kind: null,
      occurredAt: null,
      problem: `the chain head records ${headSeq} entries but ${entries.length} are stored: entries at the end were removed`,
    });
  }
  // Containers are described in their (hashed) receive entries: a vial's row must still say the same.
  const received = new Map(entries.filter((e) => e.kind === 'receive').map((e) => [e.container_id, e]));
  for (const c of containers) {
    const e = received.get(c.id);
    const d = e?.details ?? {};
    if (
      !e ||
      d.label !== c.label ||
      d.lot !== c.lot ||
      d.expiresOn !== c.expires_on ||
      Number(d.capacityUg) !== Number(c.capacity_ug) ||
      d.productId !== c.product_id
    ) {
      return report(
        e
          ? at(e, `container ${c.label} no longer matches what this receipt recorded`)
          : {
              seq: 0,
              kind: null,
              occurredAt: null,
              problem: `container ${c.label} has no receipt in the ledger`,
            },
      );
    }
  }
  return report(null);
}

/** Every clinic on this database: `npm run openkap -- ledger verify`. */
export async function verifyAllClinics(db: Kysely<DB>): Promise<(ChainReport & { clinicName: string })[]> {
  const clinics = await store.allClinics(db);
  const out: (ChainReport & { clinicName: string })[] = [];
  for (const c of clinics) {
    out.push({ ...(await inClinic(db, c.id, (tx) => verifyChain(tx, c.id))), clinicName: c.name });
  }
  return out;
}

/** The same check from the admin screen, for the caller's clinic. */
export async function verifyForCaller(db: Kysely<DB>, caller: Caller): Promise<ChainReport> {
  requirePermission(caller, 'ledger.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    const result = await verifyChain(tx, caller.clinicId);
    await audit(tx, caller, { action: 'verify', entity: 'ledger', detail: { ok: result.ok } });
    return result;
  });
}
