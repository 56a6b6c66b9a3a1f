import type { Tx } from '../db/clinic-scope.ts';

/** The clinic's stored settings object, or undefined when it never changed one (defaults apply). */
export async function findSettings(tx: Tx, clinicId: string): Promise<unknown> {
  const row = await tx
    .selectFrom('clinic_settings')
    .select('settings')
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  return row?.settings;
}

export async function saveSettings(
  tx: Tx,
  s: { clinicId: string; settings: Record<string, unknown>; by: string; at: Date },
): Promise<void> {
  const values = { settings: JSON.stringify(s.settings), updated_at: s.at, updated_by: s.by };
  await tx
    .insertInto('clinic_settings')
    .values({ clinic_id: s.clinicId, ...values })
    .onConflict((oc) => oc.column('clinic_id').doUpdateSet(values))
    .execute();
}
