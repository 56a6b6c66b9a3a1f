/**
 * The kinds of safety alert a questionnaire opens (safety_alerts.kind). An `alert` is a positive answer
 * to a suicide-risk item; a `task` says the item was not answered (skipped, or the patient preferred not
 * to answer) and must be asked in person. Both are urgent: they share one list, one nav count and one
 * way to acknowledge (with a note of what was done).
 */
export type SafetyAlertType = 'alert' | 'task';

export interface SafetyAlertKind {
  type: SafetyAlertType;
  /** A short name for lists and badges. */
  label: string;
}

const kinds: Readonly<Record<string, SafetyAlertKind>> = {
  phq9_item9: { type: 'alert', label: 'PHQ-9 item 9 positive' },
  phq9_item9_unanswered: { type: 'task', label: 'PHQ-9 item 9 not answered' },
  madrs_item10: { type: 'alert', label: 'MADRS item 10 at alert level' },
  madrs_item10_unanswered: { type: 'task', label: 'MADRS item 10 not rated' },
  // Older names, kept readable.
  phq9_item9_positive: { type: 'alert', label: 'PHQ-9 item 9 positive' },
  suicidal_ideation: { type: 'alert', label: 'Thoughts of self-harm' },
};

/** What a kind is; an unknown kind counts as an alert (the safer reading), named from its words. */
export function safetyAlertKind(kind: string): SafetyAlertKind {
  return Object.hasOwn(kinds, kind)
    ? (kinds[kind] as SafetyAlertKind)
    : { type: 'alert', label: kind.replace(/_/g, ' ') };
}
