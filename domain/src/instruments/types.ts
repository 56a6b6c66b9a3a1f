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

/** An item whose positive answer needs same-day clinical review whatever the total (PHQ-9 item 9). */
export interface SafetyItem {
  linkId: string;
  /** Alert when the answer is strictly greater than this. */
  alertAbove: number;
  message: string;
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
 * Who gives the answers: the patient (self-report, or questions read out to the patient as in the
 * CADSS) or a clinician rating an interview (MADRS). A clinician-rated form is never one for the
 * patient to fill in alone.
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
