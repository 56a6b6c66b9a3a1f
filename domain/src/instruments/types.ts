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
}

export interface Instrument {
  id: string;
  title: string;
  shortTitle: string;
  /** The stem read before every item. */
  prompt: string;
  loinc?: { panel: string; totalScore: string };
  copyright: string;
  items: readonly InstrumentItem[];
  answerOptions: readonly AnswerOption[];
  bands: readonly SeverityBand[];
  scoring: ScoringRule;
  safetyItem?: SafetyItem;
  sources: readonly string[];
}
