import { numberedOptions } from './answers.ts';
import type { Instrument } from './types.ts';

/**
 * Weekly use diary for the substance-use track (issue 4): days used and heavy days in the past 7 days,
 * a one-week recall in the style of the Timeline Followback, kept short so it is answered every week.
 * - Heavy drinking day: 5 or more drinks for men, 4 or more for women, on one day (NIAAA,
 *   https://www.niaaa.nih.gov/health-professionals-communities/core-resource-on-alcohol/basics-defining-how-much-alcohol-too-much) [V].
 * - Abstinent days are 7 − days used (derived, not asked).
 * - The score is the days used (0–7). Bands are a clinic convention [U]: no published bands for a weekly count.
 * - Local codes: no LOINC panel for this short form was found [U].
 */
export const useDiary: Instrument = {
  id: 'use_diary',
  title: 'Weekly alcohol or drug use diary',
  shortTitle: 'Use diary',
  prompt: 'Think about the past 7 days, today included.',
  rater: 'patient',
  copyright: 'OpenKAP short form; free to use.',
  items: [
    {
      position: 1,
      linkId: 'openkap-usediary-1',
      text: 'On how many of the past 7 days did you drink alcohol or use the substance you are being treated for?',
    },
    {
      position: 2,
      linkId: 'openkap-usediary-2',
      text:
        'On how many of those days was it a heavy day (for alcohol: 5 or more drinks for men, 4 or more for ' +
        'women)?',
    },
  ],
  answerOptions: numberedOptions(0, 7),
  bands: [
    { id: 'abstinent', label: 'Abstinent all week', min: 0, max: 0 },
    { id: 'some_use', label: 'Used on 1–2 days', min: 1, max: 2 },
    { id: 'frequent_use', label: 'Used on 3 or more days', min: 3, max: 7 },
  ],
  scoring: {
    maxMissingItems: 0,
    missingItemsSource: 'Counts cannot be prorated: both answers are needed',
    totalItem: 'openkap-usediary-1',
  },
  atMost: [{ item: 'openkap-usediary-2', atMost: 'openkap-usediary-1' }],
  sources: [
    'https://www.niaaa.nih.gov/health-professionals-communities/core-resource-on-alcohol/basics-defining-how-much-alcohol-too-much',
  ],
};
