import { requireNumber } from '../errors.ts';
import type { Protocol } from './protocol.ts';

export interface SeriesProgress {
  phase: 'induction' | 'booster';
  /** Number of the session about to happen or in progress (1-based within its phase). */
  number: number;
  /** Induction length; null in the booster phase, which has no end. */
  of: number | null;
  /** For the console header: "Infusion 4 of 6", "Booster 2". */
  label: string;
  inductionComplete: boolean;
}

/** Where the patient stands, given how many sessions of this protocol they have completed. */
export function seriesProgress(completedCount: number, protocol: Protocol): SeriesProgress {
  const completed = requireNumber(completedCount, 'completedCount', { integer: true, min: 0 });
  const inductionLength = protocol.induction.sessions;
  if (completed < inductionLength) {
    const number = completed + 1;
    return {
      phase: 'induction',
      number,
      of: inductionLength,
      label: `${protocol.sessionNoun} ${number} of ${inductionLength}`,
      inductionComplete: false,
    };
  }
  const number = completed - inductionLength + 1;
  return { phase: 'booster', number, of: null, label: `Booster ${number}`, inductionComplete: true };
}
