import { clinicDay } from '../clinic-day.ts';
import { seriesProgress } from '@openkap/domain/plans/progress';
import { nextBoosterDue } from '@openkap/domain/plans/booster';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { clinicTimeZone, type Tx } from '../db/clinic-scope.ts';
import type { InfusionListRow } from '../infusions/store.ts';
import * as store from './store.ts';
import { duePlanMeasures, type DueView } from '../questionnaires/due.ts';
import { planOutcome, planSubstanceUse, type PlanOutcome } from './plan-outcome.ts';
import type { SubstanceUseSummary } from '@openkap/domain/outcomes/substance-use';
import type { ResponseRow } from '../questionnaires/store.ts';

export interface PlanView {
  id: string;
  protocolId: string;
  protocolName: string;
  route: string;
  startedOn: string;
  completedInfusions: number;
  inductionCount: number;
  phase: 'induction' | 'booster';
  nextLabel: string;
  lastInfusionOn: string | null;
  nextBoosterDue: string | null;
  /** Questionnaires due now under the protocol's cadence. */
  due: DueView[];
  /** Baseline, latest, response/remission and the booster signal on the main outcome measure. */
  outcome: PlanOutcome | null;
  /** Craving, days used and the first heavy week, for patients who answer the use diary or PACS. */
  substanceUse: SubstanceUseSummary | null;
}

export async function planView(
  tx: Tx,
  patientId: string,
  infusions: InfusionListRow[],
  responses: readonly ResponseRow[],
  now: Date,
): Promise<PlanView | null> {
  const plan = await store.activePlan(tx, patientId);
  if (!plan) {
    return null;
  }
  const protocol = plan.protocol as unknown as Protocol;
  const done = infusions.filter((i) => i.plan_id === plan.id && i.stage === 'discharged');
  const progress = seriesProgress(done.length, protocol);
  const last = done.at(-1);
  const timeZone = await clinicTimeZone(tx);
  const lastOn = last ? clinicDay(last.ended_at ?? last.scheduled_at, timeZone) : null;
  return {
    id: plan.id,
    protocolId: plan.protocol_id,
    protocolName: protocol.title,
    route: protocol.route,
    startedOn: plan.started_on,
    completedInfusions: done.length,
    inductionCount: protocol.induction.sessions,
    phase: progress.phase,
    nextLabel: progress.label,
    lastInfusionOn: lastOn,
    nextBoosterDue:
      progress.inductionComplete && lastOn
        ? nextBoosterDue(lastOn, protocol.booster.defaultIntervalDays)
        : null,
    due: duePlanMeasures(protocol, plan.id, infusions, responses, now),
    outcome: planOutcome(protocol, plan.id, infusions, responses, now, timeZone),
    substanceUse: planSubstanceUse(infusions, responses, timeZone),
  };
}
