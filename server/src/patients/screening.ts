import { defaultScreeningConfig, screenPatient, type ScreeningFlag } from '@openkap/domain';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { PatientConditions } from '@openkap/domain/patients/schema';
import { clinicDay } from '../clinic-day.ts';
import { clinicTimeZone, type Tx } from '../db/clinic-scope.ts';
import { activePlan } from '../protocols/store.ts';
import * as store from './store.ts';

export interface FlagView extends ScreeningFlag {
  acknowledged: { by: string; at: string; note: string | null } | null;
}

/**
 * Runs the domain's screening rules over the patient's active medications and conditions. Dated history
 * (stroke, infarction) is judged against the clinic's today and the active plan's protocol window.
 */
export async function screenPatientRow(tx: Tx, row: store.PatientRow, now: Date): Promise<ScreeningFlag[]> {
  const [meds, plan, timeZone] = await Promise.all([
    store.listMedications(tx, row.id),
    activePlan(tx, row.id),
    clinicTimeZone(tx),
  ]);
  const protocol = plan?.protocol as Partial<Protocol> | undefined;
  return screenPatient(
    {
      medications: meds
        .filter((m) => m.stopped_on == null)
        .map((m) => ({
          name: m.name,
          rxnormCode: m.rxnorm_code ?? undefined,
          doseMg: m.dose_mg == null ? undefined : Number(m.dose_mg),
          timesPerDay: m.times_per_day == null ? undefined : Number(m.times_per_day),
        })),
      conditions: PatientConditions.parse(row.conditions),
      today: clinicDay(now, timeZone),
    },
    {
      ...defaultScreeningConfig,
      recentEventWindowDays:
        protocol?.screening?.recentEventWindowDays ?? defaultScreeningConfig.recentEventWindowDays,
    },
  );
}

export async function flagsWithAcknowledgements(
  tx: Tx,
  row: store.PatientRow,
  now: Date,
): Promise<FlagView[]> {
  const [flags, acks] = await Promise.all([
    screenPatientRow(tx, row, now),
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
