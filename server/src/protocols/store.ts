import type { Tx } from '../db/clinic-scope.ts';

export function listClinicProtocols(tx: Tx) {
  return tx.selectFrom('protocols').select(['id', 'definition', 'updated_at']).execute();
}

export async function upsertProtocol(
  tx: Tx,
  p: { clinicId: string; id: string; definition: Record<string, unknown>; by: string },
): Promise<void> {
  await tx
    .insertInto('protocols')
    .values({ clinic_id: p.clinicId, id: p.id, definition: JSON.stringify(p.definition), updated_by: p.by })
    .onConflict((oc) =>
      oc
        .columns(['clinic_id', 'id'])
        .doUpdateSet({ definition: JSON.stringify(p.definition), updated_by: p.by, updated_at: new Date() }),
    )
    .execute();
}

export function activePlan(tx: Tx, patientId: string) {
  return tx
    .selectFrom('treatment_plans')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('status', '=', 'active')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertPlan(
  tx: Tx,
  p: {
    clinicId: string;
    patientId: string;
    protocolId: string;
    protocol: Record<string, unknown>;
    startedOn: string;
    by: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('treatment_plans')
    .values({
      clinic_id: p.clinicId,
      patient_id: p.patientId,
      protocol_id: p.protocolId,
      protocol: JSON.stringify(p.protocol),
      started_on: p.startedOn,
      created_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeActivePlans(tx: Tx, patientId: string): Promise<void> {
  await tx
    .updateTable('treatment_plans')
    .set({ status: 'stopped' })
    .where('patient_id', '=', patientId)
    .where('status', '=', 'active')
    .execute();
}
