// Common indications for a quick pick; any valid ICD-10-CM code can be typed instead.
// Codes from the ICD-10-CM tabular list (https://www.cms.gov/medicare/coding-billing/icd-10-codes).
export const commonIndications: { code: string; text: string }[] = [
  { code: 'F33.2', text: 'Major depressive disorder, recurrent, severe without psychotic features' },
  { code: 'F33.1', text: 'Major depressive disorder, recurrent, moderate' },
  { code: 'F32.2', text: 'Major depressive disorder, single episode, severe without psychotic features' },
  { code: 'F43.10', text: 'Post-traumatic stress disorder, unspecified' },
  { code: 'F41.1', text: 'Generalized anxiety disorder' },
  { code: 'F10.20', text: 'Alcohol dependence, uncomplicated' },
  { code: 'F11.20', text: 'Opioid dependence, uncomplicated' },
  { code: 'G89.29', text: 'Other chronic pain' },
];
