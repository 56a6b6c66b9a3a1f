// The patient's answers kept on their own phone while they answer, so a reload or a dropped connection
// loses nothing. Cleared after a successful submit (only "done" and whether to show support remain).
import type { InstrumentId } from '../api/types.ts';

export type Answers = Partial<Record<InstrumentId, Record<string, number>>>;
/** Items the patient chose "prefer not to answer" for, per form. */
export type Declined = Partial<Record<InstrumentId, string[]>>;

export interface Progress {
  answers: Answers;
  declined?: Declined;
  step: number;
  /** `crisis`: the safety item was positive; `declined`: the patient preferred not to answer it. */
  submitted?: { crisis: boolean; declined?: boolean };
}

const key = (token: string) => `openkap.q.${token}`;

export function loadProgress(token: string): Progress {
  try {
    const raw = window.localStorage.getItem(key(token));
    if (!raw) {
      return { answers: {}, step: 0 };
    }
    const parsed = JSON.parse(raw) as Partial<Progress>;
    return {
      answers: parsed.answers ?? {},
      declined: parsed.declined ?? {},
      step: typeof parsed.step === 'number' ? parsed.step : 0,
      submitted: parsed.submitted,
    };
  } catch {
    return { answers: {}, step: 0 };
  }
}

export function saveProgress(token: string, progress: Progress): void {
  try {
    window.localStorage.setItem(key(token), JSON.stringify(progress));
  } catch {
    // Private mode or a full disk: answering still works, only without the safety net.
  }
}
