import type { Instrument } from '../api/types.ts';

/** PHQ-9 item 9 (LOINC 44260-8): thoughts of death or self-harm. */
export const PHQ9_ITEM9 = '44260-8';

export function item9LinkId(instrument: Instrument): string | undefined {
  if (instrument.id !== 'phq9') {
    return undefined;
  }
  return instrument.items.find((i) => i.linkId === PHQ9_ITEM9)?.linkId ?? instrument.items[8]?.linkId;
}

/** True when PHQ-9 item 9 was answered above 0 ("Several days" or more). */
export function item9Positive(
  instrument: Instrument,
  answers: Record<string, number | null | undefined>,
): boolean {
  const linkId = item9LinkId(instrument);
  if (!linkId) {
    return false;
  }
  const value = answers[linkId];
  return value != null && value > 0;
}
