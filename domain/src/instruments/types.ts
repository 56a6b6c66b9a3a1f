/** A questionnaire as data: enough to render the form, score it and code it in FHIR. */
export interface AnswerOption {
  value: number;
  label: string;
  /** LOINC answer code (LA…), when the instrument has a LOINC answer list. */
  loinc?: string;
}

export interface InstrumentItem {
  /** Stable key for answers; the LOINC item code where one exists. */
  linkId: string;
  /** 1-based position on the paper form ("item 9"). */
  position: number;
  text: string;
  loinc?: string;
  /** This item's own answers, where they differ from the instrument's (MADRS anchors differ per item). */
  answerOptions?: readonly AnswerOption[];
}

export interface SeverityBand {
  id: string;
  label: string;
  min: number;
  max: number;
}

/** Clinic settings that set a safety item's threshold (domain/src/clinics/settings.ts). */
export type SafetyThresholdSetting = 'madrsItem10AlertAt';

/**
 * An item about suicide risk whose answer needs same-day clinical review whatever the total (PHQ-9
 * item 9, MADRS item 10). A positive answer opens a safety alert; an unanswered one opens a safety
 * task to ask it in person, never a 0 or a prorated value.
 */
export interface SafetyItem {
  linkId: string;
  /** Alert when the answer is at or above this. */
  alertAtOrAbove: number;
  /** The clinic setting that replaces `alertAtOrAbove`, where the threshold is a clinical judgement. */
  clinicSetting?: SafetyThresholdSetting;
  /** What the item asks about, in a few words: "thoughts of death or self-harm". */
  topic: string;
  /** Safety-alert kinds (safety.ts): for a positive answer, and for an unanswered item. */
  kinds: { positive: string; unanswered: string };
}

export interface ScoringRule {
  /** Most unanswered items that may still be scored by prorating; more makes the result incomplete. */
  maxMissingItems: number;
  /** Why that number: the published rule, or [U] where none was found. */
  missingItemsSource: string;
  /** The total is this item's answer, not the sum of the items (a use diary's "days used"). */
  totalItem?: string;
}

/** An answer that cannot exceed another's: heavy-drinking days are at most the drinking days. */
export interface AtMostRule {
  item: string;
  atMost: string;
}

/**
 * Who gives the form: the patient (self-report) or a clinician, who rates an interview (MADRS) or
 * administers the scale at the chair, reading each question out and recording the answer (CADSS). A
 * clinician's form is never one for the patient to fill in alone: it is not sent to the phone, and
 * only clinical staff enter it.
 */
export type Rater = 'patient' | 'clinician';

export interface Instrument {
  id: string;
  title: string;
  shortTitle: string;
  /** The stem read before every item. */
  prompt: string;
  /**
   * LOINC codes of the form and its total. No panel for a one-item scale whose item code is also the
   * score code (pain NRS 72514-3).
   */
  loinc?: { panel?: string; totalScore: string };
  rater: Rater;
  /**
   * For a clinician-rated form: how staff give it ("rated by a clinician from an interview"), said
   * where it is refused for the patient's phone.
   */
  administeredAs?: string;
  copyright: string;
  items: readonly InstrumentItem[];
  /** The answers of every item that has none of its own; read them through `optionsFor`. */
  answerOptions: readonly AnswerOption[];
  bands: readonly SeverityBand[];
  scoring: ScoringRule;
  /** Answers that must not exceed another item's answer; a form breaking one is refused (400). */
  atMost?: readonly AtMostRule[];
  safetyItem?: SafetyItem;
  sources: readonly string[];
}
