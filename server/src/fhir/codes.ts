import { instruments } from '@openkap/domain/instruments/registry';
import type { Instrument } from '@openkap/domain/instruments/types';
import type { Coding } from './types.ts';

// Code systems. See: https://hl7.org/fhir/R4/terminologies-systems.html
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
// See: https://hl7.org/fhir/R4/observation-example-satO2.json.html (MDC codes as urn:iso:std:iso:11073:10101)
export const MDC = 'urn:iso:std:iso:11073:10101';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
/** Base of the URLs we define ourselves (extensions, code systems, questionnaires without LOINC). */
export const OPENKAP_FHIR = 'https://openkap.org/fhir';
/** Our clinic MRNs. */
export const MRN_SYSTEM = 'urn:openkap:mrn';
// See: https://hl7.org/fhir/R4/v2/0203/index.html (MR = medical record number)
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** Our extension carrying the treatment indication (ICD-10-CM) on Patient. */
export const INDICATION_EXTENSION = `${OPENKAP_FHIR}/StructureDefinition/indication`;

export type VitalKind = 'hr' | 'bp' | 'spo2' | 'rr' | 'temp';

export interface CodeDisplay {
  code: string;
  display: string;
}

export interface VitalCode {
  kind: VitalKind;
  /** The LOINC code the R4 vital-signs profile fixes, first in Observation.code. */
  loinc: CodeDisplay;
  /** Further LOINC codes accepted and emitted (SpO2 by pulse oximetry). */
  loincAlso: CodeDisplay[];
  /** IEEE 11073 MDC code, second in Observation.code (device-sourced pattern). */
  mdc: CodeDisplay;
  /** UCUM unit fixed by the profile. */
  unit: CodeDisplay;
  profile: string;
}

const SD = 'http://hl7.org/fhir/StructureDefinition';
export const VITAL_SIGNS_PROFILE = `${SD}/vitalsigns`;

// LOINC and UCUM codes: the R4 vital-signs profiles. See: https://hl7.org/fhir/R4/observation-vitalsigns.html
// MDC codes: /work/shared/reference/interop.md §1 (ISO/IEEE 11073-10101 partition 2).
export const vitalCodes: Record<VitalKind, VitalCode> = {
  hr: {
    kind: 'hr',
    loinc: { code: '8867-4', display: 'Heart rate' },
    loincAlso: [],
    mdc: { code: '147842', display: 'MDC_ECG_HEART_RATE' },
    unit: { code: '/min', display: 'beats/minute' },
    profile: `${SD}/heartrate`,
  },
  bp: {
    kind: 'bp',
    loinc: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
    loincAlso: [],
    mdc: { code: '150020', display: 'MDC_PRESS_BLD_NONINV' },
    unit: { code: 'mm[Hg]', display: 'mmHg' },
    profile: `${SD}/bp`,
  },
  spo2: {
    kind: 'spo2',
    loinc: { code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
    loincAlso: [{ code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' }],
    mdc: { code: '150456', display: 'MDC_PULS_OXIM_SAT_O2' },
    unit: { code: '%', display: '%' },
    profile: `${SD}/oxygensat`,
  },
  rr: {
    kind: 'rr',
    loinc: { code: '9279-1', display: 'Respiratory rate' },
    loincAlso: [],
    mdc: { code: '151562', display: 'MDC_RESP_RATE' },
    unit: { code: '/min', display: 'breaths/minute' },
    profile: `${SD}/resprate`,
  },
  temp: {
    kind: 'temp',
    loinc: { code: '8310-5', display: 'Body temperature' },
    loincAlso: [],
    mdc: { code: '150344', display: 'MDC_TEMP' },
    unit: { code: 'Cel', display: 'C' },
    profile: `${SD}/bodytemp`,
  },
};

// Blood pressure components. See: https://hl7.org/fhir/R4/bp.html
export const BP_SYSTOLIC = {
  loinc: { code: '8480-6', display: 'Systolic blood pressure' },
  mdc: { code: '150021', display: 'MDC_PRESS_BLD_NONINV_SYS' },
};
export const BP_DIASTOLIC = {
  loinc: { code: '8462-4', display: 'Diastolic blood pressure' },
  mdc: { code: '150022', display: 'MDC_PRESS_BLD_NONINV_DIA' },
};

/** The vital a LOINC code of Observation.code names. */
export function vitalByLoinc(code: string): VitalCode | undefined {
  return Object.values(vitalCodes).find(
    (v) => v.loinc.code === code || v.loincAlso.some((a) => a.code === code),
  );
}

/** The vital an MDC code names (for code searches on the second coding). */
export function vitalByMdc(code: string): VitalCode | undefined {
  return Object.values(vitalCodes).find((v) => v.mdc.code === code);
}

// Questionnaires. A LOINC panel (PHQ-9 44249-1, GAD-7 69737-5) keeps LOINC's own canonical; an
// instrument without one (MADRS, PCL-5, CADSS, PACS, pain NRS) gets a canonical of ours, under the
// same base as our extensions. See: https://hl7.org/fhir/R4/resource.html#canonical
const LOINC_QUESTIONNAIRE = `${LOINC}/q`;
export const QUESTIONNAIRE_BASE = `${OPENKAP_FHIR}/Questionnaire`;
/** Our code system for the totals of instruments that have no LOINC total-score code (code = Questionnaire id). */
export const SCORE_SYSTEM = `${OPENKAP_FHIR}/CodeSystem/questionnaire-score`;
/** The wording of an answer that has no LOINC answer code, on Questionnaire.item.answerOption. */
export const ANSWER_LABEL_EXTENSION = `${OPENKAP_FHIR}/StructureDefinition/answer-label`;
// The score of a coded answer (LOINC LA code → 0, 1, 2 …). See: https://hl7.org/fhir/R4/extension-ordinalvalue.html
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

/** The instrument's FHIR logical id: FHIR ids allow letters, digits, "-" and "." only (pain_nrs → pain-nrs). */
export const questionnaireId = (i: Instrument): string => i.id.replaceAll('_', '-');

/** Questionnaire.url, and QuestionnaireResponse.questionnaire. */
export const questionnaireCanonical = (i: Instrument): string =>
  i.loinc?.panel ? `${LOINC_QUESTIONNAIRE}/${i.loinc.panel}` : `${QUESTIONNAIRE_BASE}/${questionnaireId(i)}`;

export function instrumentByCanonical(canonical: string): Instrument | undefined {
  // See: https://hl7.org/fhir/R4/references.html#canonical ("url|version")
  const url = canonical.split('|')[0]?.trim();
  return Object.values(instruments).find((i) => questionnaireCanonical(i) === url);
}

export function instrumentByQuestionnaireId(id: string): Instrument | undefined {
  return Object.values(instruments).find((i) => questionnaireId(i) === id);
}

/** The code of a score Observation: the LOINC total-score code where there is one, ours otherwise. */
export function scoreCoding(i: Instrument): Coding {
  return i.loinc
    ? { system: LOINC, code: i.loinc.totalScore, display: `${i.shortTitle} total score` }
    : { system: SCORE_SYSTEM, code: questionnaireId(i), display: `${i.shortTitle} total score` };
}

/**
 * The instrument whose total this search token names (PHQ-9 44261-6, pain NRS 72514-3, or
 * questionnaire-score|madrs); `system` undefined matches either system.
 */
export function instrumentByScoreCode(system: string | undefined, code: string): Instrument | undefined {
  return Object.values(instruments).find((i) => {
    const c = scoreCoding(i);
    return (system === undefined || system === c.system) && code === c.code;
  });
}

export function instrumentById(id: string): Instrument | undefined {
  return Object.hasOwn(instruments, id) ? instruments[id] : undefined;
}
