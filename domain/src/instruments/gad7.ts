import { frequencyAnswerOptions } from './answers.ts';
import type { Instrument } from './types.ts';

/**
 * GAD-7 (Spitzer et al. 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092).
 * - Panel 69737-5 and item codes: HL7 Personal Health Record IG, QuestionnaireResponse-ScoredAssessment-GAD7
 *   (github.com/HL7/personal-health-record-format-ig, input/fsh/pghd/examples/Mind/) and a published
 *   GAD-7 Questionnaire coded 69737-5 [V, checked with the code search]. Total 70274-6: PHR IG ValueSet and
 *   MII PRO IG Observation-mii-exa-pro-gad-7-score [V].
 * - Bands: cut-offs 5 / 10 / 15 for mild / moderate / severe (Spitzer 2006;
 *   https://rdrr.io/cran/cliot/man/gad7_anxiety_screen.html) [V].
 * - Missing items: no published proration rule was found. We allow one missing item (14 %, below the
 *   22 % the PHQ-9 rule allows) and impute the mean of the answered items. [U] clinic default.
 */
export const gad7: Instrument = {
  id: 'gad7',
  title: 'Generalized Anxiety Disorder 7-item scale',
  shortTitle: 'GAD-7',
  prompt: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  loinc: { panel: '69737-5', totalScore: '70274-6' },
  rater: 'patient',
  copyright:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an ' +
    'educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  items: [
    { position: 1, linkId: '69725-0', loinc: '69725-0', text: 'Feeling nervous, anxious, or on edge' },
    { position: 2, linkId: '68509-9', loinc: '68509-9', text: 'Not being able to stop or control worrying' },
    { position: 3, linkId: '69733-4', loinc: '69733-4', text: 'Worrying too much about different things' },
    { position: 4, linkId: '69734-2', loinc: '69734-2', text: 'Trouble relaxing' },
    {
      position: 5,
      linkId: '69735-9',
      loinc: '69735-9',
      text: 'Being so restless that it is hard to sit still',
    },
    { position: 6, linkId: '69689-8', loinc: '69689-8', text: 'Becoming easily annoyed or irritable' },
    {
      position: 7,
      linkId: '69736-7',
      loinc: '69736-7',
      text: 'Feeling afraid, as if something awful might happen',
    },
  ],
  answerOptions: frequencyAnswerOptions,
  bands: [
    { id: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { id: 'mild', label: 'Mild', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { id: 'severe', label: 'Severe', min: 15, max: 21 },
  ],
  scoring: {
    maxMissingItems: 1,
    missingItemsSource: '[U] no published GAD-7 proration rule found; clinic default of one missing item',
  },
  sources: [
    'https://doi.org/10.1001/archinte.166.10.1092',
    'https://github.com/HL7/personal-health-record-format-ig',
    'https://rdrr.io/cran/cliot/man/gad7_anxiety_screen.html',
  ],
};
