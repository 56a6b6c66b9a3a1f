import type { Instrument } from './types.ts';

/**
 * Pain numeric rating scale: one item, 0–10, average pain over the last 24 hours (issue 4).
 * - LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported", used both as the item
 *   and as the score code; answers LA6111-4 … LA13942-0 for 0 … 10; 0 is no pain, 10 the worst pain
 *   imaginable: HL7 Belgium patient-monitoring IG ValueSet pain-scale, expanded from LOINC 2.82
 *   (https://build.fhir.org/ig/hl7-be/patient-monitoring/branches/main/en/ValueSet-pain-scale.html), and the
 *   French ANS profile that fixes 72514-3 for pain level (https://build.fhir.org/ig/ansforge/IG-fhir-mesures-de-sante/,
 *   MesObservationPainSeverity) [V]. 72514-3 names no recall period; the 24 hours is
 *   ours.
 * - Bands 0 none, 1–3 mild, 4–6 moderate, 7–10 severe:
 *   https://physiotherapy.ca/divisions/pain-science/numeric-rating-scale-nrs-11/ [V]. Published cut-points
 *   vary with the population (1–4 / 5–6 / 7–10 in Palos 2006, https://pubmed.ncbi.nlm.nih.gov/16414555/;
 *   ≤ 5 / 6–7 / ≥ 8 in Boonstra 2016, https://doi.org/10.3389/fpsyg.2016.01466) [U which suits us].
 * - One item: nothing to prorate.
 */
export const painNrs: Instrument = {
  id: 'pain_nrs',
  title: 'Pain numeric rating scale (0–10)',
  shortTitle: 'Pain NRS',
  prompt: 'On a scale from 0 (no pain) to 10 (worst pain imaginable):',
  loinc: { totalScore: '72514-3' },
  rater: 'patient',
  copyright: 'A generic 0–10 numeric rating scale.',
  items: [
    {
      position: 1,
      linkId: '72514-3',
      loinc: '72514-3',
      text: 'What was your average pain over the last 24 hours?',
    },
  ],
  answerOptions: [
    { value: 0, label: 'No pain', loinc: 'LA6111-4' },
    { value: 1, label: '1', loinc: 'LA6112-2' },
    { value: 2, label: '2', loinc: 'LA6113-0' },
    { value: 3, label: '3', loinc: 'LA6114-8' },
    { value: 4, label: '4', loinc: 'LA6115-5' },
    { value: 5, label: '5', loinc: 'LA10137-0' },
    { value: 6, label: '6', loinc: 'LA10138-8' },
    { value: 7, label: '7', loinc: 'LA10139-6' },
    { value: 8, label: '8', loinc: 'LA10140-4' },
    { value: 9, label: '9', loinc: 'LA10141-2' },
    { value: 10, label: 'Worst pain imaginable', loinc: 'LA13942-0' },
  ],
  bands: [
    { id: 'none', label: 'No pain', min: 0, max: 0 },
    { id: 'mild', label: 'Mild', min: 1, max: 3 },
    { id: 'moderate', label: 'Moderate', min: 4, max: 6 },
    { id: 'severe', label: 'Severe', min: 7, max: 10 },
  ],
  scoring: { maxMissingItems: 0, missingItemsSource: 'One item: an unanswered form has no score' },
  sources: [
    'https://build.fhir.org/ig/hl7-be/patient-monitoring/branches/main/en/ValueSet-pain-scale.html',
    'https://physiotherapy.ca/divisions/pain-science/numeric-rating-scale-nrs-11/',
  ],
};
