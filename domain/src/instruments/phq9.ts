import { frequencyAnswerOptions } from './answers.ts';
import type { Instrument } from './types.ts';

/**
 * PHQ-9 (Kroenke, Spitzer & Williams 2001).
 * - Panel 44249-1, total 44261-6, item codes in form order: HL7 US Core Questionnaire-phq-9-example
 *   (https://www.hl7.org/fhir/us/core/STU9/Questionnaire-phq-9-example.html), HL7 PCO IG
 *   Questionnaire-44249-1, total code in https://hl7.org/fhir/us/pco/STU1/en/ValueSet-prom-target-measures.json [V].
 * - Bands 0–4 / 5–9 / 10–14 / 15–19 / 20–27: LOINC LL382-3 (https://loinc.org/LL382-3) and MII PRO IG
 *   (https://build.fhir.org/ig/medizininformatik-initiative/kerndatensatzmodul-proms/en/phq-9.html) [V].
 * - Missing items: score with up to two missing, each replaced by the mean of the answered items
 *   (Arrieta et al. 2017, J Clin Psychol, https://doi.org/10.1002/jclp.22390, as implemented in
 *   https://rdrr.io/github/nrkoehler/qscorer/man/scoring_phq9.html) [V].
 * - Item 9 positive needs immediate clinical review: MII PRO IG phq-9 page [V]. Item 9 is never
 *   prorated: it predicts suicide attempt and death beyond the total (Simon et al. 2013, Psychiatr Serv
 *   64:1195, https://doi.org/10.1176/appi.ps.201200587) [V abstract], so a skipped item 9 opens a task
 *   to ask it rather than borrowing the mean of the others.
 */
export const phq9: Instrument = {
  id: 'phq9',
  title: 'Patient Health Questionnaire-9',
  shortTitle: 'PHQ-9',
  prompt: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  loinc: { panel: '44249-1', totalScore: '44261-6' },
  rater: 'patient',
  copyright:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an ' +
    'educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  items: [
    { position: 1, linkId: '44250-9', loinc: '44250-9', text: 'Little interest or pleasure in doing things' },
    { position: 2, linkId: '44255-8', loinc: '44255-8', text: 'Feeling down, depressed, or hopeless' },
    {
      position: 3,
      linkId: '44259-0',
      loinc: '44259-0',
      text: 'Trouble falling or staying asleep, or sleeping too much',
    },
    { position: 4, linkId: '44254-1', loinc: '44254-1', text: 'Feeling tired or having little energy' },
    { position: 5, linkId: '44251-7', loinc: '44251-7', text: 'Poor appetite or overeating' },
    {
      position: 6,
      linkId: '44258-2',
      loinc: '44258-2',
      text: 'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    },
    {
      position: 7,
      linkId: '44252-5',
      loinc: '44252-5',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    },
    {
      position: 8,
      linkId: '44253-3',
      loinc: '44253-3',
      text:
        'Moving or speaking so slowly that other people could have noticed, or the opposite: being so ' +
        'fidgety or restless that you have been moving around a lot more than usual',
    },
    {
      position: 9,
      linkId: '44260-8',
      loinc: '44260-8',
      text: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
    },
  ],
  answerOptions: frequencyAnswerOptions,
  bands: [
    { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { id: 'mild', label: 'Mild', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { id: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
    { id: 'severe', label: 'Severe', min: 20, max: 27 },
  ],
  scoring: {
    maxMissingItems: 2,
    missingItemsSource: 'Arrieta et al. 2017, https://doi.org/10.1002/jclp.22390',
  },
  // Any answer above "Not at all" alerts (MII PRO IG, above); a skipped item 9 is asked in person.
  safetyItem: {
    linkId: '44260-8',
    alertAtOrAbove: 1,
    topic: 'thoughts of death or self-harm',
    kinds: { positive: 'phq9_item9', unanswered: 'phq9_item9_unanswered' },
  },
  sources: [
    'https://www.hl7.org/fhir/us/core/STU9/Questionnaire-phq-9-example.html',
    'https://loinc.org/LL382-3',
    'https://doi.org/10.1002/jclp.22390',
  ],
};
