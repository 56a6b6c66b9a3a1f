import { screenPatient, type ScreeningFlag } from '@openkap/domain';
import { PatientConditions } from '@openkap/domain/patients/schema';
import type { Tx } from '../db/clinic-scope.ts';
import * as store from './store.ts';

export interface FlagView extends ScreeningFlag {
  acknowledged: { by: string; at: string; note: string | null } | null;
}

/** Runs the domain's screening rules over the patient's active medications and conditions. */
export async function screenPatientRow(tx: Tx, row: store.PatientRow): Promise<ScreeningFlag[]> {
  const meds = (await store.listMedications(tx, row.id)).filter((m) => m.stopped_on == null);
  return screenPatient({
    medications: meds.map((m) => ({
      name: m.name,
      rxnormCode: m.rxnorm_code ?? undefined,
      doseMg: m.dose_mg == null ? undefined : Number(m.dose_mg),
      timesPerDay: m.times_per_day == null ? undefined : Number(m.times_per_day),
    })),
    conditions: PatientConditions.parse(row.conditions),
  });
}

export async function flagsWithAcknowledgements(tx: Tx, row: store.PatientRow): Promise<FlagView[]> {
  const [flags, acks] = await Promise.all([
    screenPatientRow(tx, row),
    store.listFlagAcknowledgements(tx, row.id),
  ]);
  return flags.map((f) => {
    const ack = acks.find((a) => a.flag_code === f.code);
    return {
      ...f,
      acknowledged: ack ? { by: ack.by, at: new Date(ack.at).toISOString(), note: ack.note } : null,
    };
  });
}
