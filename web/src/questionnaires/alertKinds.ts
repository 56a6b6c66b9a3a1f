const labels: Record<string, string> = {
  phq9_item9: 'PHQ-9 item 9 positive',
  phq9_item9_positive: 'PHQ-9 item 9 positive',
  suicidal_ideation: 'Thoughts of self-harm',
};

/** A readable name for a safety alert's kind ("phq9_item9" → "PHQ-9 item 9 positive"). */
export function alertKindLabel(kind: string): string {
  return labels[kind] ?? kind.replace(/_/g, ' ');
}
