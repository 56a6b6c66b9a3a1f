import type { Kysely } from 'kysely';
import type { Protocol } from '@openkap/domain/plans/protocol';
import type { DB } from '../db/types.ts';
import { clinicTimeZone, inClinic } from '../db/clinic-scope.ts';
import { groupBy } from '../group-by.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { planOutcome } from '../protocols/plan-outcome.ts';
import * as store from './store.ts';

/** A patient whose scores are climbing back after the series (issue 4 "Booster signal"). */
export interface BoosterSignalView {
  patientId: string;
  mrn: string;
  name: string;
  instrument: string;
  reason: string;
  daysSinceLastInfusion: number;
  low: { date: string; score: number } | null;
  latest: { date: string; score: number } | null;
}

/** Every patient with an active plan whose booster signal fires, longest since an infusion first. */
export async function boosterSignals(
  db: Kysely<DB>,
  caller: Caller,
  now: Date,
): Promise<BoosterSignalView[]> {
  requirePermission(caller, 'boosters.review');
  return inClinic(db, caller.clinicId, async (tx) => {
    const { plans, infusions, responses } = await store.activePlansWithHistory(tx);
    const timeZone = await clinicTimeZone(tx);
    const sessions = groupBy(infusions, (r) => r.patient_id);
    const scores = groupBy(responses, (r) => r.patient_id);
    const flagged = plans.flatMap((plan): BoosterSignalView[] => {
      const outcome = planOutcome(
        plan.protocol as unknown as Protocol,
        plan.id,
        sessions.get(plan.patient_id) ?? [],
        scores.get(plan.patient_id) ?? [],
        now,
        timeZone,
      );
      const signal = outcome?.boosterSignal;
      if (!outcome || !signal?.flag) {
        return [];
      }
      return [
        {
          patientId: plan.patient_id,
          mrn: plan.mrn,
          name: `${plan.given_name} ${plan.family_name}`,
          instrument: outcome.shortTitle,
          reason: signal.reason,
          daysSinceLastInfusion: signal.daysSinceLastInfusion,
          low: signal.low,
          latest: signal.latest,
        },
      ];
    });
    await audit(tx, caller, {
      action: 'search',
      entity: 'booster_signals',
      detail: { flagged: flagged.length },
    });
    return flagged.sort((a, b) => b.daysSinceLastInfusion - a.daysSinceLastInfusion);
  });
}
