import type { TherapySessionKind } from './schema.ts';

/** A problem with one field of a recorded session, for the form to show under that field. */
export interface TherapyIssue {
  path: 'heldAt' | 'infusionId';
  message: string;
}

/** Slack for a clock a little ahead of the server's, or "now" typed a minute early. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** A therapist present during dosing is there that day: within this long of the session's start. */
export const DURING_DOSING_WINDOW_MS = 12 * 3_600_000;

const DAY = 86_400_000;

/** The dosing session a therapy session is linked to: when it started (else was booked), and if cancelled. */
export interface LinkedDosingSession {
  /** Epoch ms. */
  at: number;
  cancelled: boolean;
}

/**
 * What the schema alone cannot check: a session is recorded once held, and it sits sensibly beside the
 * dosing session it names (preparation before it, integration after it, "during dosing" that day).
 * Times are epoch ms; pure.
 */
export function therapySessionProblems(
  session: { kind: TherapySessionKind; heldAt: number },
  context: { now: number; dosing?: LinkedDosingSession | null },
): TherapyIssue[] {
  const issues: TherapyIssue[] = [];
  if (session.heldAt > context.now + FUTURE_TOLERANCE_MS) {
    issues.push({
      path: 'heldAt',
      message: 'a session is recorded once it has been held; this time is in the future',
    });
  }
  const dosing = context.dosing;
  if (!dosing) {
    return issues;
  }
  switch (session.kind) {
    case 'during_dosing':
      if (dosing.cancelled) {
        issues.push({ path: 'infusionId', message: 'that dosing session was cancelled' });
      } else if (Math.abs(session.heldAt - dosing.at) > DURING_DOSING_WINDOW_MS) {
        issues.push({
          path: 'heldAt',
          message: 'a session during dosing is held on the day of its dosing session',
        });
      }
      break;
    case 'preparation':
      if (session.heldAt > dosing.at) {
        issues.push({
          path: 'heldAt',
          message: 'a preparation session comes before the dosing session it prepares for',
        });
      }
      break;
    case 'integration':
      if (session.heldAt < dosing.at) {
        issues.push({
          path: 'heldAt',
          message: 'an integration session comes after the dosing session it integrates',
        });
      }
      break;
    default:
      break;
  }
  return issues;
}

/**
 * Where a therapy session falls beside the dosing sessions, in the clinic's words: "day of infusion 3",
 * "2 days after infusion 3", "4 days before infusion 1". Empty when there are no dosing sessions.
 * Days are whole elapsed days (at least 1), so it reads the same in every time zone.
 */
export function timingBesideDosing(
  heldAt: number,
  dosing: readonly { number: number; at: number }[],
  noun = 'infusion',
): string {
  const sorted = [...dosing].sort((a, b) => a.at - b.at);
  if (sorted.length === 0) {
    return '';
  }
  const closest = sorted.reduce((best, d) =>
    Math.abs(d.at - heldAt) < Math.abs(best.at - heldAt) ? d : best,
  );
  if (Math.abs(closest.at - heldAt) < DURING_DOSING_WINDOW_MS) {
    return `day of ${noun} ${closest.number}`;
  }
  const days = (ms: number): string => {
    const n = Math.max(1, Math.round(ms / DAY));
    return `${n} day${n === 1 ? '' : 's'}`;
  };
  const previous = sorted.filter((d) => d.at <= heldAt).at(-1);
  if (previous) {
    return `${days(heldAt - previous.at)} after ${noun} ${previous.number}`;
  }
  const next = sorted[0] as { number: number; at: number };
  return `${days(next.at - heldAt)} before ${noun} ${next.number}`;
}
