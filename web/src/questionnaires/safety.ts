// The form's suicide-risk item (PHQ-9 item 9, MADRS item 10) as the server's catalog names it: a
// positive answer opens a safety alert, no answer a safety task (domain/src/instruments/score.ts).
import type { Instrument } from '../api/types.ts';

/** PHQ-9 item 9 (LOINC 44260-8): thoughts of death or self-harm. */
export const PHQ9_ITEM9 = '44260-8';

export interface SafetyItemRule {
  linkId: string;
  alertAtOrAbove: number;
}

export function safetyItemOf(instrument: Instrument): SafetyItemRule | undefined {
  if (instrument.safetyItem) {
    return instrument.safetyItem;
  }
  // A catalog from before the server named safety items: PHQ-9 item 9, any answer above 0.
  return instrument.id === 'phq9' ? { linkId: PHQ9_ITEM9, alertAtOrAbove: 1 } : undefined;
}

/** True when the safety item is answered at or above its alert level. */
export function safetyItemPositive(
  instrument: Instrument,
  answers: Record<string, number | null | undefined>,
): boolean {
  const rule = safetyItemOf(instrument);
  const value = rule ? answers[rule.linkId] : undefined;
  return rule !== undefined && value != null && value >= rule.alertAtOrAbove;
}
