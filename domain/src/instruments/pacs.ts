import { numberedOptions } from './answers.ts';
import type { Instrument } from './types.ts';

/**
 * PACS, Penn Alcohol Craving Scale (Flannery, Volpicelli & Pettinati 1999, Alcohol Clin Exp Res
 * 23:1289, https://read.qxmd.com/read/10470970/psychometric-properties-of-the-penn-alcohol-craving-scale).
 * - Self-report of the past week: 5 items (frequency, intensity and duration of craving, ability to
 *   resist drinking, overall craving), each 0–6, summed to 0–30 (Flannery 1999 abstract, above) [V].
 * - Free to use, "permission not required" (PhenX protocol,
 *   https://test.phenxtoolkit.org/protocols/view/511702) [V]. Item 1's question and its seven answers are
 *   the PhenX wording [V]. Items 2–5 were not seen in full, so they carry short neutral labels and
 *   numbered answers [U]; their printed anchors should come from the PhenX form.
 * - Cut-off: Hartwell et al. 2019 found ≥ 15 the best balance against a diagnostic interview (sens 67 %,
 *   spec 81 %) in non-treatment-seeking heavy drinkers; the older > 20 was 41 % sensitive
 *   (https://pmc.ncbi.nlm.nih.gov/articles/PMC6599943) [V]. We band at 15; whether it suits a ketamine
 *   clinic's patients is [U]. No severity bands are published.
 * - Missing items: no rule found. With 5 items (item 5 an overall rating) we do not prorate [U].
 * - LOINC: none known, so items carry local codes.
 */
export const pacs: Instrument = {
  id: 'pacs',
  title: 'Penn Alcohol Craving Scale',
  shortTitle: 'PACS',
  prompt:
    'Please choose the answer that best describes your craving during the past week. ' +
    'From question 2 on, 0 means none at all and 6 the most.',
  rater: 'patient',
  copyright:
    'Flannery BA, Volpicelli JR, Pettinati HM. Psychometric properties of the Penn Alcohol Craving Scale. ' +
    'Alcohol Clin Exp Res 1999;23:1289–1295. Freely available; permission not required (PhenX).',
  items: [
    {
      position: 1,
      linkId: 'openkap-pacs-1',
      text: 'During the past week how often have you thought about drinking or about how good a drink would make you feel?',
      answerOptions: [
        { value: 0, label: 'Never (0 times during the past week)' },
        { value: 1, label: 'Rarely (1 to 2 times during the past week)' },
        { value: 2, label: 'Occasionally (3 to 4 times during the past week)' },
        { value: 3, label: 'Sometimes (5 to 10 times during the past week or 1 to 2 times per day)' },
        { value: 4, label: 'Often (11 to 20 times during the past week or 2 to 3 times per day)' },
        { value: 5, label: 'Most of the time (20 to 40 times during the past week or 3 to 6 times per day)' },
        {
          value: 6,
          label: 'Nearly all the time (more than 40 times during the past week or more than 6 times per day)',
        },
      ],
    },
    {
      position: 2,
      linkId: 'openkap-pacs-2',
      text: 'How strong your craving was at its worst this past week',
    },
    {
      position: 3,
      linkId: 'openkap-pacs-3',
      text: 'How much time you spent thinking about drinking this past week',
    },
    {
      position: 4,
      linkId: 'openkap-pacs-4',
      text: 'How hard it would have been to resist a drink this past week if alcohol had been at home',
    },
    { position: 5, linkId: 'openkap-pacs-5', text: 'Your overall craving for alcohol this past week' },
  ],
  answerOptions: numberedOptions(0, 6),
  bands: [
    { id: 'below_cutoff', label: 'Below the craving cut-off', min: 0, max: 14 },
    { id: 'significant_craving', label: 'Clinically significant craving (15 or more)', min: 15, max: 30 },
  ],
  scoring: {
    maxMissingItems: 0,
    missingItemsSource: '[U] no published PACS proration rule found; five items, none prorated',
  },
  sources: [
    'https://read.qxmd.com/read/10470970/psychometric-properties-of-the-penn-alcohol-craving-scale',
    'https://test.phenxtoolkit.org/protocols/view/511702',
    'https://pmc.ncbi.nlm.nih.gov/articles/PMC6599943',
  ],
};
