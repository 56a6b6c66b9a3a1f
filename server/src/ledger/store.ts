import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { LedgerEntriesTable } from '../db/ledger-types.ts';
import type { DB } from '../db/types.ts';
import type { Insertable, Kysely, Selectable } from 'kysely';

export type EntryRow = Selectable<LedgerEntriesTable>;
export type NewEntryRow = Insertable<LedgerEntriesTable> & {
  id: string;
  recorded_at: Date;
  occurred_at: Date;
};

export const GENESIS = '0'.repeat(64);

/**
 * Takes the clinic's chain head row lock: every ledger write holds it until commit, so entries are
 * numbered and chained one at a time and balances read after it include every committed entry.
 */
export async function lockChainHead(tx: Tx, clinicId: string): Promise<{ seq: number; hash: string }> {
  await tx
    .insertInto('ledger_chain_heads')
    .values({ clinic_id: clinicId, seq: 0, hash: GENESIS })
    .onConflict((oc) => oc.column('clinic_id').doNothing())
    .execute();
  const head = await tx
    .selectFrom('ledger_chain_heads')
    .select(['seq', 'hash'])
    .where('clinic_id', '=', clinicId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export async function insertEntries(tx: Tx, rows: readonly NewEntryRow[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await tx
    .insertInto('ledger_entries')
    .values([...rows])
    .execute();
  const last = rows[rows.length - 1];
  if (!last) {
    return;
  }
  await tx
    .updateTable('ledger_chain_heads')
    .set({ seq: last.seq, hash: last.hash })
    .where('clinic_id', '=', last.clinic_id)
    .execute();
}

export function chainHead(tx: Tx) {
  return tx.selectFrom('ledger_chain_heads').select(['seq', 'hash']).executeTakeFirst();
}

export function listLocations(tx: Tx) {
  return tx.selectFrom('ledger_locations').selectAll().orderBy('created_at').orderBy('name').execute();
}
export type LocationRow = Awaited<ReturnType<typeof listLocations>>[number];

/** One storage location (the premises of a DEA registration). */
export function findLocation(tx: Tx, id: string): Promise<LocationRow | undefined> {
  return tx.selectFrom('ledger_locations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The location already set up under this DEA registration, if any. */
export function locationByRegistration(tx: Tx, deaRegistration: string) {
  return tx
    .selectFrom('ledger_locations')
    .select('id')
    .where('dea_registration', '=', deaRegistration)
    .executeTakeFirst();
}

export function insertLocation(
  tx: Tx,
  row: {
    clinicId: string;
    name: string;
    deaRegistration: string;
    address: string;
    storage: string;
    createdBy: string;
  },
): Promise<LocationRow> {
  return tx
    .insertInto('ledger_locations')
    .values({
      clinic_id: row.clinicId,
      name: row.name,
      dea_registration: row.deaRegistration,
      address: row.address,
      storage: row.storage,
      created_by: row.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function ledgerInUse(tx: Tx): Promise<boolean> {
  const row = await tx.selectFrom('ledger_locations').select('id').limit(1).executeTakeFirst();
  return row != null;
}

export function listProducts(tx: Tx) {
  return tx.selectFrom('ledger_products').selectAll().orderBy('name').execute();
}
export type ProductRow = Awaited<ReturnType<typeof listProducts>>[number];

export function findProduct(tx: Tx, id: string): Promise<ProductRow | undefined> {
  return tx.selectFrom('ledger_products').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The product already set up under this NDC, if any. */
export function productByNdc(tx: Tx, ndc: string) {
  return tx.selectFrom('ledger_products').select('id').where('ndc', '=', ndc).executeTakeFirst();
}

export function insertProduct(
  tx: Tx,
  row: {
    clinicId: string;
    name: string;
    ndc: string;
    form: string;
    mgPerMl: number;
    containerMl: number;
    createdBy: string;
  },
): Promise<ProductRow> {
  return tx
    .insertInto('ledger_products')
    .values({
      clinic_id: row.clinicId,
      name: row.name,
      ndc: row.ndc,
      form: row.form,
      mg_per_ml: row.mgPerMl,
      container_ml: row.containerMl,
      created_by: row.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Which of these container labels are already in use in the clinic (labels must be unique). */
export async function takenLabels(tx: Tx, labels: readonly string[]): Promise<string[]> {
  const rows = await tx
    .selectFrom('ledger_containers')
    .select('label')
    .where('label', 'in', [...labels])
    .execute();
  return rows.map((r) => r.label);
}

/** Received containers (vials), one row each; their receive entries are written by the caller. */
export function insertContainers(
  tx: Tx,
  rows: readonly {
    clinicId: string;
    productId: string;
    locationId: string;
    label: string;
    lot: string;
    expiresOn: string;
    capacityUg: number;
  }[],
) {
  return tx
    .insertInto('ledger_containers')
    .values(
      rows.map((c) => ({
        clinic_id: c.clinicId,
        product_id: c.productId,
        location_id: c.locationId,
        label: c.label,
        lot: c.lot,
        expires_on: c.expiresOn,
        capacity_ug: c.capacityUg,
      })),
    )
    .returning(['id', 'label', 'lot', 'expires_on'])
    .execute();
}

/** Every container's id, label and capacity, unsorted: the demo's initial inventory. */
export function containerLabels(tx: Tx) {
  return tx.selectFrom('ledger_containers').select(['id', 'label', 'capacity_ug']).execute();
}

/** Containers whose lot number ends with `suffix`, by label. */
export function containersByLotSuffix(tx: Tx, suffix: string) {
  return tx
    .selectFrom('ledger_containers')
    .select(['id', 'label', 'lot', 'capacity_ug', 'product_id'])
    .where('lot', 'like', `%${suffix}`)
    .orderBy('label')
    .execute();
}

export function containerQuery(tx: Tx) {
  return tx
    .selectFrom('ledger_containers as c')
    .innerJoin('ledger_products as p', 'p.id', 'c.product_id')
    .select([
      'c.id',
      'c.product_id',
      'c.location_id',
      'c.label',
      'c.lot',
      'c.expires_on',
      'c.capacity_ug',
      'c.created_at',
      'p.name as product_name',
      'p.ndc',
      'p.mg_per_ml',
      'p.container_ml',
      'p.form',
    ]);
}
export type ContainerRow = Awaited<ReturnType<ReturnType<typeof containerQuery>['execute']>>[number];

export function containersByIds(tx: Tx, ids: readonly string[]): Promise<ContainerRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return containerQuery(tx)
    .where('c.id', 'in', [...ids])
    .execute();
}

export function allContainers(tx: Tx): Promise<ContainerRow[]> {
  return containerQuery(tx).orderBy('c.label').execute();
}

/** Entries that move a container or an infusion's drawn drug, in chain order. */
export function entriesTouching(
  tx: Tx,
  q: { containerIds?: readonly string[]; infusionIds?: readonly string[]; seqs?: readonly number[] },
): Promise<EntryRow[]> {
  const containerIds = [...(q.containerIds ?? [])];
  const infusionIds = [...(q.infusionIds ?? [])];
  const seqs = [...(q.seqs ?? [])];
  return tx
    .selectFrom('ledger_entries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(sql<string>`container_id`, '=', sql<string>`any(${containerIds}::uuid[])`),
        eb(sql<string>`infusion_id`, '=', sql<string>`any(${infusionIds}::uuid[])`),
        eb(sql<number>`seq`, '=', sql<number>`any(${seqs}::int[])`),
      ]),
    )
    .orderBy('seq')
    .execute();
}

/** The clinic's whole ledger in chain order: the stock page, audits and `ledger verify`. */
export function allEntries(tx: Tx, opts: { before?: Date } = {}): Promise<EntryRow[]> {
  let q = tx.selectFrom('ledger_entries').selectAll().orderBy('seq');
  if (opts.before) {
    q = q.where('occurred_at', '<', opts.before);
  }
  return q.execute();
}

export function entryBySeq(tx: Tx, seq: number) {
  return tx.selectFrom('ledger_entries').selectAll().where('seq', '=', seq).executeTakeFirst();
}

/**
 * Entries with who did and witnessed them, the vial, the patient, the session's stage and whether a
 * correction already reverses them: what the ledger page shows and offers.
 */
function namedEntries(tx: Tx) {
  return tx
    .selectFrom('ledger_entries as e')
    .innerJoin('staff as a', 'a.id', 'e.actor_id')
    .leftJoin('staff as w', 'w.id', 'e.witness_id')
    .leftJoin('ledger_containers as c', 'c.id', 'e.container_id')
    .leftJoin('patients as p', 'p.id', 'e.patient_id')
    .leftJoin('infusions as i', 'i.id', 'e.infusion_id')
    .selectAll('e')
    .select((eb) => [
      'a.name as actor_name',
      'w.name as witness_name',
      'c.label as container_label',
      'p.given_name',
      'p.family_name',
      'p.mrn',
      'i.stage as infusion_stage',
      eb
        .exists(
          eb
            .selectFrom('ledger_entries as r')
            .select('r.seq')
            .where('r.kind', '=', 'correction')
            .whereRef('r.refers_to_seq', '=', 'e.seq'),
        )
        .as('corrected'),
    ]);
}
export type NamedEntryRow = Awaited<ReturnType<ReturnType<typeof namedEntries>['execute']>>[number];

/** The latest entries, newest first, for the ledger page. */
export function recentEntries(tx: Tx, limit: number, beforeSeq?: number): Promise<NamedEntryRow[]> {
  let q = namedEntries(tx).orderBy('e.seq', 'desc').limit(limit);
  if (beforeSeq != null) {
    q = q.where('e.seq', '<', beforeSeq);
  }
  return q.execute();
}

/** Entries just written, named like the ledger page's. */
export function namedEntriesBySeq(tx: Tx, seqs: readonly number[]): Promise<NamedEntryRow[]> {
  if (seqs.length === 0) {
    return Promise.resolve([]);
  }
  return namedEntries(tx)
    .where('e.seq', 'in', [...seqs])
    .orderBy('e.seq')
    .execute();
}

/** Entries in [from, to) with names and patient addresses, for the inspector's reports. */
export function entriesBetween(tx: Tx, from: Date, to: Date) {
  return tx
    .selectFrom('ledger_entries as e')
    .innerJoin('staff as a', 'a.id', 'e.actor_id')
    .leftJoin('staff as w', 'w.id', 'e.witness_id')
    .leftJoin('ledger_containers as c', 'c.id', 'e.container_id')
    .leftJoin('patients as p', 'p.id', 'e.patient_id')
    .selectAll('e')
    .select([
      'a.name as actor_name',
      'w.name as witness_name',
      'c.label as container_label',
      'c.lot',
      'p.given_name',
      'p.family_name',
      'p.mrn',
      'p.address as patient_address',
    ])
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .orderBy('e.occurred_at')
    .orderBy('e.seq')
    .execute();
}
export type ReportEntryRow = Awaited<ReturnType<typeof entriesBetween>>[number];

/** One session's entries with names, oldest first: the console's ledger panel. */
export function recentEntriesForInfusion(tx: Tx, infusionId: string): Promise<NamedEntryRow[]> {
  return namedEntries(tx).where('e.infusion_id', '=', infusionId).orderBy('e.seq').execute();
}

/**
 * Each container's balance summed from the stored effects, and whether it ever moved between
 * locations: the stock page replays only containers that still hold drug or were transferred.
 */
export async function containerBalances(
  tx: Tx,
): Promise<{ containerId: string; balanceUg: number; moved: boolean }[]> {
  const { rows } = await sql<{ container_id: string; balance_ug: number; moved: boolean }>`
    select container_id, sum(container_delta_ug)::int as balance_ug, bool_or(kind = 'transfer') as moved
    from ledger_entries where container_id is not null group by container_id`.execute(tx);
  return rows.map((r) => ({ containerId: r.container_id, balanceUg: Number(r.balance_ug), moved: r.moved }));
}

/** Sessions with drug drawn and not yet given, wasted or returned. */
export async function heldInfusionIds(tx: Tx): Promise<string[]> {
  const { rows } = await sql<{ infusion_id: string }>`
    select infusion_id from ledger_entries where infusion_id is not null
    group by infusion_id having sum(drawn_delta_ug) <> 0`.execute(tx);
  return rows.map((r) => r.infusion_id);
}

/** Sessions with their patients' names, for drug held against them on the stock page. */
export function sessionsWithPatients(tx: Tx, infusionIds: readonly string[]) {
  if (infusionIds.length === 0) {
    return Promise.resolve([]);
  }
  return tx
    .selectFrom('infusions as i')
    .innerJoin('patients as p', 'p.id', 'i.patient_id')
    .select(['i.id', 'i.stage', 'i.patient_id', 'p.given_name', 'p.family_name'])
    .where('i.id', 'in', [...infusionIds])
    .execute();
}

/** Discharged sessions in start order, with what the ledger records of them (the demo's history). */
export function dischargedInfusionsForLedger(tx: Tx) {
  return tx
    .selectFrom('infusions as i')
    .innerJoin('patients as p', 'p.id', 'i.patient_id')
    .select([
      'i.id',
      'i.patient_id',
      'i.protocol',
      'i.dose_order',
      'i.started_at',
      'i.ended_at',
      'i.total_dose_mg',
      'i.administered_by',
      'p.address as patient_address',
    ])
    .where('i.stage', '=', 'discharged')
    .orderBy('i.started_at')
    .execute();
}

/**
 * Every clinic on this database, oldest first: `ledger verify` checks each one's chain. Takes the
 * database, not a `Tx`: it runs OUTSIDE any clinic fence (no `inClinic`, no clinic setting, not the
 * app role), so it sees every clinic. Only the admin CLI's whole-database check calls it.
 */
export function allClinics(db: Kysely<DB>) {
  return db.selectFrom('clinics').select(['id', 'name']).orderBy('created_at').execute();
}
