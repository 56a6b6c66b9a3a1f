import { sql } from 'kysely';
import type { Tx } from '../../db/clinic-scope.ts';

// SQL for what the ledger asks of the clinic after the fact: its rules (settings), the losses awaiting a
// DEA notice or a review, and each location's inventories.

/** The rules in force: the latest change, with who made it; undefined while the defaults apply. */
export function latestSettings(tx: Tx) {
  return tx
    .selectFrom('ledger_settings as s')
    .innerJoin('staff as a', 'a.id', 's.changed_by')
    .select(['s.backdate_limit_days', 's.loss_review_above_ug', 's.changed_at', 'a.name as changed_by_name'])
    .orderBy('s.n', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type SettingsRow = NonNullable<Awaited<ReturnType<typeof latestSettings>>>;

export async function insertSettings(
  tx: Tx,
  row: {
    clinicId: string;
    backdateLimitDays: number;
    lossReviewAboveUg: number;
    changedBy: string;
    changedAt: Date;
  },
): Promise<void> {
  await tx
    .insertInto('ledger_settings')
    .values({
      clinic_id: row.clinicId,
      backdate_limit_days: row.backdateLimitDays,
      loss_review_above_ug: row.lossReviewAboveUg,
      changed_by: row.changedBy,
      changed_at: row.changedAt,
    })
    .execute();
}

/**
 * Every entry a DEA notice or a loss review depends on: losses, adjustments that found drug missing,
 * the notices and reviews themselves, and corrections of any of these; with the vial's label.
 */
export function followUpEntries(tx: Tx) {
  const followed = sql<boolean>`e.details->'corrects'->>'kind' in ('loss', 'adjust', 'dea_notice', 'loss_review')`;
  return tx
    .selectFrom('ledger_entries as e')
    .leftJoin('ledger_containers as c', 'c.id', 'e.container_id')
    .select([
      'e.seq',
      'e.kind',
      'e.container_id',
      'e.location_id',
      'e.quantity_ug',
      'e.occurred_at',
      'e.refers_to_seq',
      'e.reason',
      'e.details',
      'c.label as container_label',
    ])
    .where((eb) =>
      eb.or([
        eb('e.kind', 'in', ['loss', 'dea_notice', 'loss_review']),
        eb.and([eb('e.kind', '=', 'adjust'), eb('e.quantity_ug', '<', 0)]),
        eb.and([eb('e.kind', '=', 'correction'), followed]),
      ]),
    )
    .orderBy('e.seq')
    .execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof followUpEntries>>[number];

/**
 * Per location: its first initial inventory, and its latest initial or biennial inventory (every
 * container counted in one inventory shares its instant).
 */
export async function inventoriesByLocation(
  tx: Tx,
): Promise<{ locationId: string; initialAt: Date | null; lastAt: Date; lastKind: string }[]> {
  const { rows } = await sql<{
    location_id: string;
    initial_at: Date | string | null;
    last_at: Date | string;
    last_kind: string;
  }>`
    select location_id,
      min(occurred_at) filter (where details->>'countKind' = 'initial') as initial_at,
      max(occurred_at) as last_at,
      (array_agg(details->>'countKind' order by occurred_at desc, seq desc))[1] as last_kind
    from ledger_entries
    where kind = 'count' and details->>'countKind' in ('initial', 'biennial')
    group by location_id`.execute(tx);
  return rows.map((r) => ({
    locationId: r.location_id,
    initialAt: r.initial_at == null ? null : new Date(r.initial_at),
    lastAt: new Date(r.last_at),
    lastKind: r.last_kind,
  }));
}

/** Per location: when stock first arrived there, by receipt or by transfer from another location. */
export async function firstStockByLocation(tx: Tx): Promise<Map<string, Date>> {
  const { rows } = await sql<{ location_id: string; first_at: Date | string }>`
    select location_id, min(at) as first_at from (
      select location_id, occurred_at as at from ledger_entries where kind = 'receive'
      union all
      select to_location_id, occurred_at from ledger_entries where kind = 'transfer'
    ) arrivals
    group by location_id`.execute(tx);
  return new Map(rows.map((r) => [r.location_id, new Date(r.first_at)]));
}

/** One location's first initial inventory and first stock arrival, for the gate on new stock. */
export async function arrivalGate(
  tx: Tx,
  locationId: string,
): Promise<{ initialAt: Date | null; firstStockAt: Date | null }> {
  const { rows } = await sql<{ initial_at: Date | string | null; first_stock_at: Date | string | null }>`
    select
      (select min(occurred_at) from ledger_entries
        where kind = 'count' and location_id = ${locationId} and details->>'countKind' = 'initial') as initial_at,
      (select min(occurred_at) from ledger_entries
        where (kind = 'receive' and location_id = ${locationId})
           or (kind = 'transfer' and to_location_id = ${locationId})) as first_stock_at`.execute(tx);
  const row = rows[0];
  return {
    initialAt: row?.initial_at == null ? null : new Date(row.initial_at),
    firstStockAt: row?.first_stock_at == null ? null : new Date(row.first_stock_at),
  };
}
