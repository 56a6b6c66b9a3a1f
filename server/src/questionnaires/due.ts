import { instruments } from '@openkap/domain/instruments/registry';
import {
  dueMeasures,
  measuresOf,
  type CadenceSession,
  type MeasureWhen,
} from '@openkap/domain/plans/measures';
import type { Protocol } from '@openkap/domain/plans/protocol';
import type { InfusionListRow } from '../infusions/store.ts';
import type { ResponseRow } from './store.ts';

/** A questionnaire due for the patient now (chart, questionnaire links), per the plan's cadence. */
export interface DueView {
  instrumentId: string;
  shortTitle: string;
  title: string;
  /** Staff rate it (MADRS): not sent to the patient's phone. */
  clinicianRated: boolean;
  when: MeasureWhen;
  reason: string;
  dueFrom: string | null;
  sessionId: string | null;
}

/** Session stages → the cadence's view of a session. */
function cadenceStatus(i: InfusionListRow): CadenceSession['status'] {
  if (i.stage === 'cancelled') {
    return 'cancelled';
  }
  if (i.stage === 'discharged') {
    return 'completed';
  }
  return i.started_at == null ? 'upcoming' : 'in_progress';
}

export function duePlanMeasures(
  protocol: Protocol,
  planId: string,
  infusions: readonly InfusionListRow[],
  responses: readonly ResponseRow[],
  now: Date,
): DueView[] {
  const ms = (d: Date | string | null): number | null => (d == null ? null : new Date(d).getTime());
  const due = dueMeasures({
    // A schedule edited before an instrument was retired keeps working: unknown ids are skipped.
    schedule: measuresOf(protocol).filter((m) => m.instrumentId in instruments),
    inductionSessions: protocol.induction.sessions,
    sessionNoun: protocol.sessionNoun,
    sessions: infusions
      .filter((i) => i.plan_id === planId)
      .map((i) => ({
        id: i.id,
        scheduledAt: new Date(i.scheduled_at).getTime(),
        startedAt: ms(i.started_at),
        endedAt: ms(i.ended_at),
        status: cadenceStatus(i),
      })),
    responses: responses.map((r) => ({
      instrumentId: r.instrument,
      authoredAt: new Date(r.authored_at).getTime(),
      complete: r.complete,
    })),
    now: now.getTime(),
  });
  return due.flatMap((d) => {
    const instrument = instruments[d.instrumentId];
    if (!instrument) {
      return [];
    }
    return [
      {
        instrumentId: d.instrumentId,
        shortTitle: instrument.shortTitle,
        title: instrument.title,
        clinicianRated: instrument.rater === 'clinician',
        when: d.when,
        reason: d.reason,
        dueFrom: d.dueFrom == null ? null : new Date(d.dueFrom).toISOString(),
        sessionId: d.sessionId ?? null,
      },
    ];
  });
}
