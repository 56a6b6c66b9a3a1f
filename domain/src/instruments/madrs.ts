import { numberedOptions } from './answers.ts';
import type { AnswerOption, Instrument, InstrumentItem } from './types.ts';

/**
 * MADRS, Montgomery–Åsberg Depression Rating Scale (Montgomery & Åsberg 1979, Br J Psychiatry 134:382,
 * https://doi.org/10.1192/bjp.134.4.382). Rated by a clinician from an interview.
 * - 10 items (apparent sadness … suicidal thoughts), each 0–6, total 0–60: cliot madrs_depression_score
 *   (https://www.rdocumentation.org/packages/cliot/versions/1.0.0/topics/madrs_depression_score),
 *   https://strokengine.ca/en/assessments/montgomery-asberg-depression-rating-scale-madrs [V].
 * - Anchors are defined at 0, 2, 4 and 6; the rater may score 1, 3 or 5 between them; past-week recall:
 *   MADRS form with rater instructions (https://www.yumpu.com/en/document/view/28377838) [V]. A 24-hour
 *   recall version exists for rapid-onset TRD trials (domain.md §3) and would be a separate instrument.
 * - Anchor labels below are our short paraphrases, not the published wording, because the scale's
 *   copyright terms were not found [U]. Items 1–2 were checked against the English form above, items
 *   1–8 against a French translation (https://psychotropes.fr/outil/madrs) [V]; item 9 against
 *   neither [U]; item 10 against the English anchors cited below [V].
 * - Bands (Snaith): 0–6 normal, 7–19 mild, 20–34 moderate, 35–60 severe: domain.md §3, cliot [V].
 * - Missing items: none allowed. The MADRS guide tells the rater to use all available information
 *   (relatives, staff) when the patient gives no clear answer, so every item gets a rating
 *   (Malt 2016 user guide, https://pdfslide.org/documents/montgomery-sberg-depression-rating-scale-madrs-.html) [V];
 *   no published proration rule was found [U].
 * - LOINC: no codes found for MADRS (domain.md §3), so items carry local codes [U].
 * - Item 10 (suicidal thoughts) anchors: 0 "enjoys life or takes it as it comes"; 2 "weary of life,
 *   only fleeting suicidal thoughts"; 4 "probably better off dead; suicidal thoughts are common and
 *   suicide is considered a possible solution, but without specific plans or intentions"; 6 "explicit
 *   plans for suicide when there is an opportunity; active preparations" (Rating-scale suicidality items,
 *   Table 1 of https://pmc.ncbi.nlm.nih.gov/articles/PMC3025994/ ; GENDEP, Perroud et al. 2009, BMC Med
 *   7:60, https://bmcmedicine.biomedcentral.com/articles/10.1186/1741-7015-7-60/tables/1) [V].
 */

/**
 * MADRS item 10 at or above this opens an urgent safety alert. **Clinical-judgement default**, a clinic
 * setting (`madrsItem10AlertAt`, domain/src/clinics/settings.ts): 4 is the first defined step at which
 * suicidal thoughts are common and suicide is considered a solution (anchors above); ≥ 4 is the cut used
 * for significant suicidal thoughts in Demyttenaere et al. 2014, Prim Care Companion CNS Disord
 * 16(3), https://doi.org/10.4088/PCC.13m01591 [V abstract]. No guideline fixes an alert level [U].
 */
export const MADRS_ITEM10_ALERT_AT = 4;

/**
 * Remission: a total below 10, i.e. 9 or less, the validated cut-off (Hawley et al. 2002, J Affect
 * Disord 72:177-184, https://pubmed.ncbi.nlm.nih.gov/12200208/; Zimmerman et al. 2004, J Clin
 * Psychiatry 65:163-168: ≤ 9). The outcome report applies it through outcomes/criteria.ts.
 */
export const MADRS_REMISSION_MAX = 9;

/** An item's seven answers: its own wording at 0, 2, 4 and 6, "between" at 1, 3 and 5. */
function anchored(at0: string, at2: string, at4: string, at6: string): readonly AnswerOption[] {
  return [
    { value: 0, label: at0 },
    { value: 1, label: 'Between 0 and 2' },
    { value: 2, label: at2 },
    { value: 3, label: 'Between 2 and 4' },
    { value: 4, label: at4 },
    { value: 5, label: 'Between 4 and 6' },
    { value: 6, label: at6 },
  ];
}

function item(
  position: number,
  text: string,
  anchors: readonly [string, string, string, string],
): InstrumentItem {
  return { position, linkId: `openkap-madrs-${position}`, text, answerOptions: anchored(...anchors) };
}

export const madrs: Instrument = {
  id: 'madrs',
  title: 'Montgomery–Åsberg Depression Rating Scale',
  shortTitle: 'MADRS',
  prompt:
    'Clinician rating from an interview about the past week. Choose a defined step (0, 2, 4, 6) or a ' +
    'point between two steps (1, 3, 5).',
  rater: 'clinician',
  administeredAs: 'rated by a clinician from an interview',
  copyright:
    'Montgomery SA, Åsberg M. A new depression scale designed to be sensitive to change. ' +
    'Br J Psychiatry 1979;134:382–389. Answer labels are short paraphrases, not the published anchors.',
  items: [
    item(1, 'Apparent sadness (seen in speech, face and posture)', [
      'No sadness',
      'Looks low but brightens up easily',
      'Looks sad and unhappy most of the time',
      'Looks miserable all the time',
    ]),
    item(2, 'Reported sadness', [
      'Occasional sadness that fits the circumstances',
      'Sad or low but brightens up easily',
      'Pervasive sadness, still swayed by events',
      'Continuous, unvarying sadness or misery',
    ]),
    item(3, 'Inner tension', [
      'Placid; only fleeting tension',
      'Occasional edginess or vague discomfort',
      'Continuous tension or intermittent panic, mastered with difficulty',
      'Unrelenting dread or anguish; overwhelming panic',
    ]),
    item(4, 'Reduced sleep', [
      'Sleeps as usual',
      'Slightly harder to fall asleep, or slightly shorter or lighter sleep',
      'Sleep reduced or broken by at least 2 hours',
      'Less than 2 to 3 hours of sleep',
    ]),
    item(5, 'Reduced appetite', [
      'Normal or increased appetite',
      'Slightly reduced appetite',
      'No appetite; food tastes of nothing',
      'Eats only when persuaded',
    ]),
    item(6, 'Concentration difficulties', [
      'No difficulty concentrating',
      'Occasional difficulty collecting thoughts',
      'Difficulty concentrating that limits reading or conversation',
      'Cannot read or converse without great difficulty',
    ]),
    item(7, 'Lassitude (difficulty getting started, slowness)', [
      'Hardly any difficulty getting started',
      'Difficulty starting activities',
      'Difficulty starting simple routine activities, done with effort',
      'Complete lassitude; cannot do anything without help',
    ]),
    item(8, 'Inability to feel', [
      'Normal interest in surroundings and people',
      'Less able to enjoy usual interests',
      'Loss of interest in surroundings; loss of feeling for friends',
      'Feels emotionally paralysed, even towards close family and friends',
    ]),
    item(9, 'Pessimistic thoughts', [
      'No pessimistic thoughts',
      'Fluctuating ideas of failure or self-reproach',
      'Persistent self-accusation or guilt; increasingly pessimistic about the future',
      'Delusions of ruin, remorse or unforgivable sin',
    ]),
    item(10, 'Suicidal thoughts', [
      'Enjoys life or takes it as it comes',
      'Weary of life; only fleeting suicidal thoughts',
      'Suicidal thoughts common, suicide seen as a possible way out; no specific plan',
      'Explicit plans or active preparation for suicide',
    ]),
  ],
  // Every item has its own anchors; these plain steps are what a new item would fall back to.
  answerOptions: numberedOptions(0, 6),
  bands: [
    { id: 'normal', label: 'Normal', min: 0, max: 6 },
    { id: 'mild', label: 'Mild', min: 7, max: 19 },
    { id: 'moderate', label: 'Moderate', min: 20, max: 34 },
    { id: 'severe', label: 'Severe', min: 35, max: 60 },
  ],
  scoring: {
    maxMissingItems: 0,
    missingItemsSource:
      'MADRS guide: rate every item, using other sources when the patient gives no clear answer ' +
      '(Malt 2016); no proration rule found [U]',
  },
  safetyItem: {
    linkId: 'openkap-madrs-10',
    alertAtOrAbove: MADRS_ITEM10_ALERT_AT,
    clinicSetting: 'madrsItem10AlertAt',
    topic: 'suicidal thoughts',
    kinds: { positive: 'madrs_item10', unanswered: 'madrs_item10_unanswered' },
  },
  sources: [
    'https://doi.org/10.1192/bjp.134.4.382',
    'https://www.yumpu.com/en/document/view/28377838',
    'https://www.rdocumentation.org/packages/cliot/versions/1.0.0/topics/madrs_depression_score',
    'https://pdfslide.org/documents/montgomery-sberg-depression-rating-scale-madrs-.html',
    'https://pmc.ncbi.nlm.nih.gov/articles/PMC3025994/',
    'https://doi.org/10.4088/PCC.13m01591',
  ],
};
