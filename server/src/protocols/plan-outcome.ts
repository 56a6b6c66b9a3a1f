import { instruments } from '@openkap/domain/instruments/registry';
import { pacs } from '@openkap/domain/instruments/pacs';
import { useDiary } from '@openkap/domain/instruments/use-diary';
import { substanceUseSummary, type SubstanceUseSummary } from '@openkap/domain/outcomes/substance-use';
import { outcomeCriteria } from '@openkap/domain/outcomes/criteria';
import { assessResponse } from '@openkap/domain/outcomes/response';
import { boosterSignal } from '@openkap/domain/outcomes/booster-signal';
import type { PlanOutcomeView } from '@openkap/domain/outcomes/view';
import type { DatedScore } from '@openkap/domain/outcomes/scores';
import { measuresOf } from '@openkap/domain/plans/measures';
import { outcomeWindowOf } from '@openkap/domain/plans/outcome-window';
import type { Protocol } from '@openkap/domain/plans/protocol';
import type { InfusionListRow } from '../infusions/store.ts';
import type { ResponseRow } from '../questionnaires/store.ts';
import { clinicDay } from '../clinic-day.ts';

/**
 * Where this patient stands on the plan's main outcome measure (issue 4 "Per patient"): baseline,
 * latest, % change, the end-of-series outcome with its response and remission labels (issue 10: the
 * report's rule, in the protocol's window; never a score from during the series), and the booster
 * signal once the series is done. The baseline is the latest score before the first dose. The main
 * measure is the first instrument of the protocol's cadence that has a response definition (PHQ-9 for
 * depression protocols). Days are the clinic's calendar days (the report's rule too).
 */
export type PlanOutcome = PlanOutcomeView;

export function planOutcome(
  protocol: Protocol,
  planId: string,
  infusions: readonly InfusionListRow[],
  responses: readonly ResponseRow[],
  now: Date,
  timeZone: string,
): PlanOutcome | null {
  const day = (d: Date | string): string => clinicDay(d, timeZone);
  const instrumentId = measuresOf(protocol)
    .map((m) => m.instrumentId)
    .find((id) => Object.hasOwn(outcomeCriteria, id));
  const criteria = instrumentId ? outcomeCriteria[instrumentId] : undefined;
  const instrument = instrumentId ? instruments[instrumentId] : undefined;
  if (!instrumentId || !criteria || !instrument) {
    return null;
  }
  const scores: DatedScore[] = responses
    .filter((r) => r.instrument === instrumentId && r.complete && r.total != null)
    .map((r) => ({
      date: day(r.authored_at),
      score: Number(r.total),
      at: new Date(r.authored_at).toISOString(),
    }));
  const started = infusions.filter((i) => i.started_at != null && i.stage !== 'cancelled');
  const first = started[0];
  const outcomeWindow = outcomeWindowOf(protocol);
  const base = {
    instrumentId,
    shortTitle: instrument.shortTitle,
    responder: false,
    remitter: false,
    endOfSeries: null,
    outcomeWindow,
  };
  if (!first?.started_at) {
    return {
      ...base,
      status: 'no_infusion',
      baseline: null,
      latest: null,
      percentChange: null,
      boosterSignal: null,
    };
  }
  const completed = infusions.filter((i) => i.plan_id === planId && i.stage === 'discharged');
  const seriesEnd = completed[protocol.induction.sessions - 1];
  const lastDone = completed.at(-1);
  const seriesEndDate = seriesEnd ? day(seriesEnd.ended_at ?? seriesEnd.scheduled_at) : null;
  const input = {
    scores,
    firstInfusionDate: day(first.started_at),
    firstDoseAt: new Date(first.started_at).toISOString(),
    followUp: { to: day(now) },
  };
  // Where the patient stands now, and the outcome the report would count.
  const assessed = assessResponse(input, criteria);
  const outcome = assessResponse(
    { ...input, outcome: { rule: 'end_of_series', seriesEndDate, window: outcomeWindow } },
    criteria,
  );
  const baselineScore = assessed.status === 'no_baseline' ? null : assessed.baseline.score;
  const signal =
    seriesEnd && lastDone
      ? boosterSignal({
          baselineScore,
          scores,
          seriesEndDate: seriesEndDate ?? day(seriesEnd.ended_at ?? seriesEnd.scheduled_at),
          lastInfusionDate: day(lastDone.ended_at ?? lastDone.scheduled_at),
          asOf: day(now),
        })
      : null;
  return {
    ...base,
    status: assessed.status,
    baseline: assessed.status === 'no_baseline' ? null : assessed.baseline,
    latest: assessed.status === 'assessed' ? assessed.latest : null,
    percentChange: assessed.status === 'assessed' ? assessed.percentChange : null,
    endOfSeries:
      outcome.status === 'assessed' ? { score: outcome.latest, percentChange: outcome.percentChange } : null,
    responder: outcome.status === 'assessed' && outcome.responder,
    remitter: outcome.status === 'assessed' && outcome.remitter,
    boosterSignal: signal
      ? {
          flag: signal.flag,
          reason: signal.reason,
          low: signal.low,
          latest: signal.latest,
          daysSinceLastInfusion: signal.daysSinceLastInfusion,
        }
      : null,
  };
}

/**
 * The substance-use track (issue 4), for any patient who has answered the use diary or the craving
 * scale, whatever the protocol. Null when there is nothing to show.
 */
export function planSubstanceUse(
  infusions: readonly InfusionListRow[],
  responses: readonly ResponseRow[],
  timeZone: string,
): SubstanceUseSummary | null {
  const day = (d: Date | string): string => clinicDay(d, timeZone);
  const complete = responses.filter((r) => r.complete);
  const diary = complete
    .filter((r) => r.instrument === useDiary.id)
    .map((r) => {
      const answers = r.answers as Record<string, unknown>;
      const [used, heavy] = useDiary.items.map((i) => Number(answers[i.linkId] ?? 0));
      return { date: day(r.authored_at), daysUsed: used ?? 0, heavyDays: heavy ?? 0 };
    });
  const craving = complete
    .filter((r) => r.instrument === pacs.id && r.total != null)
    .map((r) => ({ date: day(r.authored_at), score: Number(r.total) }));
  if (diary.length === 0 && craving.length === 0) {
    return null;
  }
  const first = infusions.find((i) => i.started_at != null && i.stage !== 'cancelled');
  return substanceUseSummary({
    firstInfusionDate: first?.started_at ? day(first.started_at) : null,
    diary,
    craving,
  });
}
