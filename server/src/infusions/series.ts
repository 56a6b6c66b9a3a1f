import { seriesProgress } from '@openkap/domain/plans/progress';
import type { Protocol } from '@openkap/domain/plans/protocol';
import type { InfusionListRow } from './store.ts';

/** "Infusion 4 of 6" / "Booster 2" for this session: counts the plan's sessions discharged before it. */
export function seriesLabel(
  sessions: InfusionListRow[],
  id: string,
  protocol: Protocol,
): { number: number; seriesLabel: string } {
  const me = sessions.find((s) => s.id === id);
  const before = sessions.filter(
    (s) =>
      s.plan_id === me?.plan_id &&
      s.stage === 'discharged' &&
      s.id !== id &&
      new Date(s.scheduled_at) <= new Date(me?.scheduled_at ?? 0),
  );
  const progress = seriesProgress(before.length, protocol);
  return { number: before.length + 1, seriesLabel: progress.label };
}
