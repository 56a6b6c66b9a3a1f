import { DomainError } from '../errors.ts';
import type { AnswerOption, Instrument, InstrumentItem } from './types.ts';

/**
 * The four-point frequency scale shared by PHQ-9 and GAD-7 (LOINC answer list LL358-3).
 * Source: https://loinc.org/LL358-3 ; MII PRO IG ValueSet LL358-3
 * (https://build.fhir.org/ig/medizininformatik-initiative/kerndatensatzmodul-proms/) [V per shared/reference/interop.md].
 */
export const frequencyAnswerOptions: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

/** Plain numbered answers for scales whose in-between steps have no wording of their own. */
export function numberedOptions(min: number, max: number): readonly AnswerOption[] {
  return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }));
}

/** The answers an item offers: its own where it has them (MADRS), otherwise the instrument's. */
export function optionsFor(instrument: Instrument, item: InstrumentItem): readonly AnswerOption[] {
  return item.answerOptions ?? instrument.answerOptions;
}

/** The highest possible total: each item's highest answer, summed. */
export function maxTotal(instrument: Instrument): number {
  const totalItem = instrument.items.find((i) => i.linkId === instrument.scoring.totalItem);
  if (totalItem) {
    return Math.max(0, ...optionsFor(instrument, totalItem).map((o) => o.value));
  }
  return instrument.items.reduce(
    (sum, item) => sum + Math.max(0, ...optionsFor(instrument, item).map((o) => o.value)),
    0,
  );
}

/** Maps a LOINC answer code from a FHIR QuestionnaireResponse (valueCoding) to its 0–3 score. */
export function frequencyAnswerValue(loincAnswerCode: string): number {
  const code = typeof loincAnswerCode === 'string' ? loincAnswerCode.trim() : '';
  const option = frequencyAnswerOptions.find((o) => o.loinc === code);
  if (!option) {
    throw new DomainError('unknown_answer_code', `Unknown LOINC answer code "${loincAnswerCode}"`, {
      code: loincAnswerCode,
    });
  }
  return option.value;
}
