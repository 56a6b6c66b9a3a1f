import type { AnswerOption, Instrument, InstrumentItem } from './types.ts';

/**
 * CADSS, Clinician-Administered Dissociative States Scale (Bremner et al. 1998, J Trauma Stress,
 * https://www.semanticscholar.org/paper/8391f4cd425fcb799b32d7f489ba7c3d4857aa3a), in the 23-item form
 * used in ketamine and esketamine work. Rates dissociation now, during or just after a session.
 * What is verified and what is not:
 * - The 23-item form is the one used with NMDA antagonists; single factor, α 0.91 (Bremner 2024,
 *   https://doi.org/10.1016/j.jad.2024.08.050). Rodrigues 2021 built the CADSS-6 from items 1, 2, 6, 7,
 *   15 and 22 of the 23 (https://doi.org/10.1016/j.jad.2020.12.119) [V]. Items scored 0–4 and summed,
 *   total 0–92 [U]: no source seen states the 23-item range.
 * - Bremner's instructions: a scale of subjective items, answered by the patient to questions the
 *   clinician reads out, plus observer items rated by the clinician
 *   (https://fr.scribd.com/document/333420920/bibliografie-disociere) [V]. Labels 1–19 follow the 19
 *   subjective items of Bremner 1998 Table 1 (https://www.scribd.com/document/333420922/cadss) [V]; that
 *   the 23-item form keeps them in this order, and which 4 items complete it, was not found [U]. We take
 *   all 23 as subjective items [U]; no observer items are included.
 * - Clinician-administered (rater 'clinician'), as its name says: the clinician reads each question
 *   at the chair and records the answer, so it is never sent to the patient's phone and only clinical
 *   staff enter it. It rates dissociation now, which peaks in the first hour after a ketamine dose
 *   (patients "report dissociative symptoms in the first 60 min post-dose", CADSS psychometrics in
 *   ketamine-induced dissociation, J Psychopharmacol, https://doi.org/10.1177/0269881117725685)
 *   [V abstract], so it is due at the session, during or just
 *   after dosing (measures.ts `at_each_session`), not in the day after.
 * - The scale's copyright terms were not found [U]: item labels are our short paraphrases, and items
 *   20–23 have no wording here; the clinician reads from the clinic's own copy of the form.
 * - 0 and 4 anchors "Not at all" and "Extremely" [U]; the steps between are numbered.
 * - No severity bands are published [U]: one band covers the whole range.
 * - Missing items: no rule found. We prorate up to 2 of 23 (9 %) [U] clinic default.
 * - LOINC: none known (domain.md §3), so items carry local codes.
 */
const answers: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: '1' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: 'Extremely' },
];

const labels = [
  'Things seem to move in slow motion',
  'Things seem unreal, as if in a dream',
  'Feeling separated from what is happening, as if in a film or a robot',
  'Seeing things as if from outside the body',
  'Watching the situation as an onlooker',
  'Feeling disconnected from the body',
  'Body feels changed, e.g. unusually large or small',
  'People seem motionless, lifeless or mechanical',
  'Objects look different than expected',
  'Colours seem less intense',
  'Seeing things as if through a tunnel or a wide-angle lens',
  'The experience seems to last much longer than expected',
  'Things seem to happen very fast',
  'Things happen that cannot be accounted for later',
  'Spacing out or losing track of what is going on',
  'Sounds almost disappear or become much stronger',
  'Things seem unusually real or vivid',
  'The world seems seen through a fog; people and objects far away or unclear',
  'Colours seem much brighter than expected',
  'Item 20 (wording from the clinic’s CADSS form)',
  'Item 21 (wording from the clinic’s CADSS form)',
  'Item 22 (wording from the clinic’s CADSS form)',
  'Item 23 (wording from the clinic’s CADSS form)',
] as const;

const items: readonly InstrumentItem[] = labels.map((text, i) => ({
  position: i + 1,
  linkId: `openkap-cadss-${i + 1}`,
  text,
}));

export const cadss: Instrument = {
  id: 'cadss',
  title: 'Clinician-Administered Dissociative States Scale (23 items)',
  shortTitle: 'CADSS',
  prompt:
    'Read each question to the patient, about how things are right now, and record the answer. ' +
    'Use during or just after the session.',
  rater: 'clinician',
  administeredAs: 'clinician-administered at the chair during or just after dosing',
  copyright:
    'Bremner JD, Krystal JH, Putnam FW, et al. Measurement of dissociative states with the ' +
    'Clinician-Administered Dissociative States Scale (CADSS). J Trauma Stress 1998. ' +
    'Item labels are short paraphrases, not the published questions.',
  items,
  answerOptions: answers,
  bands: [{ id: 'total', label: 'Total (no published bands)', min: 0, max: 92 }],
  scoring: {
    maxMissingItems: 2,
    missingItemsSource: '[U] no published CADSS proration rule found; clinic default of two missing items',
  },
  sources: [
    'https://fr.scribd.com/document/333420920/bibliografie-disociere',
    'https://www.scribd.com/document/333420922/cadss',
    'https://doi.org/10.1016/j.jad.2024.08.050',
    'https://doi.org/10.1177/0269881117725685',
  ],
};
