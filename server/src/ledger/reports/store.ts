import { sql } from 'kysely';
import type { Tx } from '../../db/clinic-scope.ts';

/**
 * The report period as instants: from 00:00 of `from` to 00:00 of the day after `to`, in the clinic's
 * time zone (PostgreSQL applies the zone's rules, daylight saving included).
 */
export async function clinicPeriod(
  tx: Tx,
  from: string,
  to: string,
): Promise<{ name: string; timeZone: string; start: Date; end: Date }> {
  const { rows } = await sql<{ name: string; time_zone: string; start: Date | string; end: Date | string }>`
    select name, time_zone,
      (${from}::date)::timestamp at time zone time_zone as start,
      (${to}::date + 1)::timestamp at time zone time_zone as "end"
    from clinics where id = current_setting('openkap.clinic_id')::uuid`.execute(tx);
  const row = rows[0];
  if (!row) {
    throw new Error('clinic not found in its own transaction');
  }
  return { name: row.name, timeZone: row.time_zone, start: new Date(row.start), end: new Date(row.end) };
}

/** Corrections of these entries, whenever made: a corrected entry is not what happened. */
export function correctionsOf(tx: Tx, seqs: readonly number[]) {
  return tx
    .selectFrom('ledger_entries')
    .select(['seq', 'refers_to_seq', 'reason', 'occurred_at'])
    .where('kind', '=', 'correction')
    .where(sql<boolean>`refers_to_seq = any(${[...seqs]}::int[])`)
    .execute();
}

/**
 * The count entries of each location's latest initial or biennial inventory taken before `before`
 * (all the containers one inventory counted share its instant), with who counted and witnessed.
 */
export function latestInventoryCounts(tx: Tx, before: Date) {
  const inventoryKind = sql<boolean>`e.details->>'countKind' in ('initial', 'biennial')`;
  return tx
    .selectFrom('ledger_entries as e')
    .innerJoin('staff as a', 'a.id', 'e.actor_id')
    .leftJoin('staff as w', 'w.id', 'e.witness_id')
    .selectAll('e')
    .select(['a.name as actor_name', 'w.name as witness_name'])
    .where('e.kind', '=', 'count')
    .where(inventoryKind)
    .where('e.occurred_at', '<', before)
    .where(
      sql<boolean>`(e.location_id, e.occurred_at) in (
        select location_id, max(occurred_at) from ledger_entries
        where kind = 'count' and details->>'countKind' in ('initial', 'biennial') and occurred_at < ${before}
        group by location_id)`,
    )
    .orderBy('e.seq')
    .execute();
}
export type InventoryCountRow = Awaited<ReturnType<typeof latestInventoryCounts>>[number];
