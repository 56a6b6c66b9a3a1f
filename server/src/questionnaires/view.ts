import { getInstrument } from '@openkap/domain/instruments/registry';
import { isSafetyItemUnanswered } from '@openkap/domain/instruments/score';
import type { ResponseRow } from './store.ts';

export interface QuestionnaireView {
  id: string;
  instrument: string;
  total: number | null;
  band: string | null;
  bandLabel: string | null;
  authoredAt: string;
  /**
   * `in_progress`: too many items were skipped to score it (total and band are null); it is kept,
   * but never counts as a score.
   */
  status: 'completed' | 'in_progress';
  complete: boolean;
  imputed: boolean;
  safetyAlert: boolean;
  /** The suicide-risk item (PHQ-9 item 9, MADRS item 10) has no answer: a safety task was opened. */
  safetyItemUnanswered: boolean;
  /** Items the patient chose "prefer not to answer" for. */
  declinedItems: string[];
  source: string;
}

export function questionnaireView(r: ResponseRow): QuestionnaireView {
  const instrument = getInstrument(r.instrument);
  // Belt and braces: an unscored row never shows a number, whatever else it carries.
  const scored = r.complete && r.total != null;
  return {
    id: r.id,
    instrument: r.instrument,
    total: scored ? Number(r.total) : null,
    band: scored ? r.band : null,
    bandLabel: scored ? (instrument.bands.find((b) => b.id === r.band)?.label ?? null) : null,
    authoredAt: new Date(r.authored_at).toISOString(),
    status: r.complete ? 'completed' : 'in_progress',
    complete: r.complete,
    imputed: r.imputed,
    safetyAlert: r.safety_alert,
    safetyItemUnanswered: isSafetyItemUnanswered(instrument, r.answers),
    declinedItems: [...r.declined_items],
    source: r.source,
  };
}
