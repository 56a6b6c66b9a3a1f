import type {
  TherapyAttendance,
  TherapySessionKind,
  TherapySessionView,
} from '@openkap/domain/therapy/schema';
import type { TherapySessionRow } from './store.ts';

export type { TherapySessionView };

export function therapySessionView(r: TherapySessionRow): TherapySessionView {
  return {
    id: r.id,
    // The table's check constraints hold these to the domain's lists.
    kind: r.kind as TherapySessionKind,
    heldAt: new Date(r.held_at).toISOString(),
    minutes: r.minutes == null ? null : Number(r.minutes),
    attendance: r.attendance as TherapyAttendance,
    therapist: { id: r.therapist_id, name: r.therapist_name },
    infusionId: r.infusion_id,
    summary: r.summary,
    recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
    createdAt: new Date(r.created_at).toISOString(),
  };
}
