import type { AnswerOption, Instrument, InstrumentItem } from './types.ts';

/**
 * PCL-5, PTSD Checklist for DSM-5 (Weathers, Litz, Keane, Palmieri, Marx & Schnurr 2013, National
 * Center for PTSD). Self-report, past month.
 * - Public domain: https://mhscales.com/pcl5 ("in the public domain and not copyrighted") [V]; so the
 *   item wording below is the published wording, from the VA fillable form
 *   (https://vdocuments.us/past-week-version-veterans-affairs.html, past-week version, same items) and
 *   https://epavt.org/guia_eng/files/assets/basic-html/page-17.html [V].
 * - 20 items, 0–4 (Not at all, A little bit, Moderately, Quite a bit, Extremely), total 0–80:
 *   https://comorbidityguidelines.org.au/appendix-s-ptsd-checklist-for-dsm5-pcl5/pcl5-scoring-and-interpretation [V].
 * - Cut-off: a provisional PTSD diagnosis at a total of 31–33 or more; "no empirically derived severity
 *   ranges" exist (same page) [V]. We model the cut-off as two bands, not severity, because bands are
 *   what is stored with each score and shaded on the chart. Which point of 31–33 to use is a clinic
 *   choice: 33, the upper end, used by several published scorings (https://epavt.org page above,
 *   https://www.droracle.ai/articles/501465) [U]. It screens; it does not diagnose.
 * - Missing items: no National Center for PTSD rule was found. We prorate up to 2 of 20 (10 %, below
 *   PHQ-9's 22 %) [U] clinic default.
 * - LOINC: none found for PCL-5 (domain.md §3), so items carry local codes [U].
 */
const answers: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'A little bit' },
  { value: 2, label: 'Moderately' },
  { value: 3, label: 'Quite a bit' },
  { value: 4, label: 'Extremely' },
];

const texts = [
  'Repeated, disturbing, and unwanted memories of the stressful experience?',
  'Repeated, disturbing dreams of the stressful experience?',
  'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
  'Feeling very upset when something reminded you of the stressful experience?',
  'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
  'Avoiding memories, thoughts, or feelings related to the stressful experience?',
  'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
  'Trouble remembering important parts of the stressful experience?',
  'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
  'Blaming yourself or someone else for the stressful experience or what happened after it?',
  'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
  'Loss of interest in activities that you used to enjoy?',
  'Feeling distant or cut off from other people?',
  'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
  'Irritable behavior, angry outbursts, or acting aggressively?',
  'Taking too many risks or doing things that could cause you harm?',
  'Being "superalert" or watchful or on guard?',
  'Feeling jumpy or easily startled?',
  'Having difficulty concentrating?',
  'Trouble falling or staying asleep?',
] as const;

const items: readonly InstrumentItem[] = texts.map((text, i) => ({
  position: i + 1,
  linkId: `openkap-pcl5-${i + 1}`,
  text,
}));

export const pcl5: Instrument = {
  id: 'pcl5',
  title: 'PTSD Checklist for DSM-5',
  shortTitle: 'PCL-5',
  prompt:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. ' +
    'In the past month, how much were you bothered by:',
  rater: 'patient',
  copyright:
    'PTSD Checklist for DSM-5 (PCL-5), Weathers, Litz, Keane, Palmieri, Marx & Schnurr, ' +
    'National Center for PTSD, 2013. Public domain.',
  items,
  answerOptions: answers,
  bands: [
    { id: 'below_cutoff', label: 'Below the provisional PTSD cut-off', min: 0, max: 32 },
    {
      id: 'provisional_ptsd',
      label: 'Provisional PTSD (33 or more): needs a clinical interview',
      min: 33,
      max: 80,
    },
  ],
  scoring: {
    maxMissingItems: 2,
    missingItemsSource:
      '[U] no National Center for PTSD proration rule found; clinic default of two missing items',
  },
  sources: [
    'https://comorbidityguidelines.org.au/appendix-s-ptsd-checklist-for-dsm5-pcl5/pcl5-scoring-and-interpretation',
    'https://mhscales.com/pcl5',
    'https://vdocuments.us/past-week-version-veterans-affairs.html',
  ],
};
