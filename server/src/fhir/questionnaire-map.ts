import { optionsFor } from '@openkap/domain/instruments/answers';
import type { AnswerOption, Instrument, InstrumentItem } from '@openkap/domain/instruments/types';
import {
  ANSWER_LABEL_EXTENSION,
  LOINC,
  ORDINAL_VALUE_EXTENSION,
  questionnaireCanonical,
  questionnaireId,
} from './codes.ts';
import type { Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from './types.ts';

// Each instrument of the registry as an R4 Questionnaire, so a FHIR client can render the form and
// send back a QuestionnaireResponse this server scores. Built from the registry, never stored.
// See: https://hl7.org/fhir/R4/questionnaire.html

/** The stem read before every item, as a display item; a response may echo it, it is never scored. */
export const PROMPT_LINK_ID = 'prompt';

/**
 * Coded answers (type choice, valueCoding) where every answer has a LOINC answer code (PHQ-9, GAD-7,
 * pain NRS); integers otherwise (MADRS, PCL-5 …), since we have no codes of our own for them.
 */
export function answersAreCoded(options: readonly AnswerOption[]): boolean {
  return options.length > 0 && options.every((o) => o.loinc !== undefined);
}

function answerOption(option: AnswerOption, coded: boolean): QuestionnaireItemAnswerOption {
  if (coded && option.loinc) {
    return {
      valueCoding: {
        // The score of the answer rides on the coding. See: https://hl7.org/fhir/R4/extension-ordinalvalue.html
        extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: option.value }],
        system: LOINC,
        code: option.loinc,
        display: option.label,
      },
    };
  }
  // An integer has no display of its own; MADRS anchors and PCL-5 wording ride on our extension.
  return {
    ...(option.label === String(option.value)
      ? {}
      : { extension: [{ url: ANSWER_LABEL_EXTENSION, valueString: option.label }] }),
    valueInteger: option.value,
  };
}

function questionItem(instrument: Instrument, item: InstrumentItem): QuestionnaireItem {
  const options = optionsFor(instrument, item);
  const coded = answersAreCoded(options);
  return {
    linkId: item.linkId,
    ...(item.loinc ? { code: [{ system: LOINC, code: item.loinc }] } : {}),
    prefix: `${item.position}.`,
    text: item.text,
    // See: https://hl7.org/fhir/R4/valueset-item-type.html (integer items may carry answerOption, que-5)
    type: coded ? 'choice' : 'integer',
    // Where no item may be skipped, an unanswered one leaves the form unscored.
    required: instrument.scoring.maxMissingItems === 0,
    answerOption: options.map((o) => answerOption(o, coded)),
  };
}

/** Questionnaire.name: a computable name ("PHQ9", "PainNRS"). See: https://hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.name */
export const computableName = (i: Instrument): string => i.shortTitle.replace(/[^A-Za-z0-9]/g, '');

export function questionnaireResource(i: Instrument): Questionnaire {
  const how = i.administeredAs ?? 'rated by a clinician';
  const who =
    i.rater === 'clinician'
      ? `${how.charAt(0).toUpperCase()}${how.slice(1)}; not for the patient to fill in alone.`
      : 'Answered by the patient.';
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(i),
    url: questionnaireCanonical(i),
    name: computableName(i),
    title: i.title,
    status: 'active',
    experimental: false,
    subjectType: ['Patient'],
    publisher: 'OpenKAP',
    description: `${who} Scored by the server when a completed QuestionnaireResponse is created.`,
    copyright: i.copyright,
    ...(i.loinc?.panel ? { code: [{ system: LOINC, code: i.loinc.panel }] } : {}),
    item: [
      { linkId: PROMPT_LINK_ID, type: 'display', text: i.prompt },
      ...i.items.map((item) => questionItem(i, item)),
    ],
  };
}
