import type { Tx } from '../db/clinic-scope.ts';
import type { BpOverrideRecord } from '../db/session-types.ts';

/** SQL for the issue-10 session records: hand-given doses, phase-1 recovery scores, BP-hold overrides. */

export async function insertAdministration(
  tx: Tx,
  a: {
    clinicId: string;
    infusionId: string;
    route: 'im' | 'intranasal';
    at: Date;
    doseMg: number;
    volumeMl: number | null;
    site: string | null;
    side: string | null;
    devices: number | null;
    nostril: string | null;
    administeredBy: string;
    recordedBy: string;
    note: string | null;
  },
): Promise<string> {
  const row = await tx
    .insertInto('dose_administrations')
    .values({
      clinic_id: a.clinicId,
      infusion_id: a.infusionId,
      route: a.route,
      at: a.at,
      dose_mg: a.doseMg,
      volume_ml: a.volumeMl,
      site: a.site,
      side: a.side,
      devices: a.devices,
      nostril: a.nostril,
      administered_by: a.administeredBy,
      recorded_by: a.recordedBy,
      note: a.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listAdministrations(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('dose_administrations as d')
    .innerJoin('staff as s', 's.id', 'd.administered_by')
    .select([
      'd.id',
      'd.route',
      'd.at',
      'd.dose_mg',
      'd.volume_ml',
      'd.site',
      'd.side',
      'd.devices',
      'd.nostril',
      'd.administered_by',
      's.name as administered_by_name',
      'd.note',
    ])
    .where('d.infusion_id', '=', infusionId)
    .orderBy('d.at')
    .orderBy('d.created_at')
    .execute();
}
export type AdministrationRow = Awaited<ReturnType<typeof listAdministrations>>[number];

export async function insertRecoveryScore(
  tx: Tx,
  r: {
    clinicId: string;
    infusionId: string;
    items: Record<string, number>;
    total: number;
    at: Date;
    by: string;
  },
): Promise<void> {
  await tx
    .insertInto('recovery_scores')
    .values({
      clinic_id: r.clinicId,
      infusion_id: r.infusionId,
      scale: 'aldrete',
      items: JSON.stringify(r.items),
      total: r.total,
      at: r.at,
      recorded_by: r.by,
    })
    .execute();
}

export function listRecoveryScores(tx: Tx, infusionId: string) {
  return tx
    .selectFrom('recovery_scores as r')
    .innerJoin('staff as s', 's.id', 'r.recorded_by')
    .select(['r.id', 'r.scale', 'r.items', 'r.total', 'r.at', 's.name as by_name'])
    .where('r.infusion_id', '=', infusionId)
    .orderBy('r.at')
    .orderBy('r.created_at')
    .execute();
}

export async function setBpOverrides(
  tx: Tx,
  infusionId: string,
  overrides: BpOverrideRecord[],
): Promise<void> {
  await tx
    .updateTable('infusions')
    .set({ bp_overrides: JSON.stringify(overrides), updated_at: new Date() })
    .where('id', '=', infusionId)
    .execute();
}

export async function setAdministeredBy(tx: Tx, infusionId: string, staffId: string): Promise<void> {
  await tx
    .updateTable('infusions')
    .set({ administered_by: staffId, updated_at: new Date() })
    .where('id', '=', infusionId)
    .execute();
}
