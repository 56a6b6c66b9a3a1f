import { scoreDischargeScale } from './discharge-scale.ts';
import type { DischargeScale, DischargeScore } from './discharge-scale.ts';

export type PadssItemId =
  'vitalSigns' | 'activityMentalStatus' | 'painNauseaVomiting' | 'bleeding' | 'intakeOutput';

/**
 * Post-Anesthetic Discharge Scoring System (Chung et al. 1995, J Clin Anesth; validation
 * https://api-pubmed-ncbi.laibokeji.com/8534468) [V]. Five domains 0–2, total 10, ≥ 9 fit for discharge,
 * item wording after https://www.clinmedjournals.org/articles/ijodh/ijodh-2-036table4.html and
 * https://medicalalgorithms.com/padss-scoring-system [V]. "Surgical bleeding" reads as the IV or
 * injection site here; "preoperative" as the pre-infusion baseline.
 */
export const padss: DischargeScale<PadssItemId> = {
  id: 'padss',
  title: 'PADSS',
  fitAtOrAbove: 9,
  items: [
    {
      id: 'vitalSigns',
      label: 'Vital signs',
      options: [
        { value: 2, text: 'Within 20 % of the pre-infusion value' },
        { value: 1, text: '20–40 % from the pre-infusion value' },
        { value: 0, text: 'More than 40 % from the pre-infusion value' },
      ],
    },
    {
      id: 'activityMentalStatus',
      label: 'Activity and mental status',
      options: [
        { value: 2, text: 'Oriented to person, place and time and a steady gait' },
        { value: 1, text: 'Oriented or a steady gait, not both' },
        { value: 0, text: 'Neither' },
      ],
    },
    {
      id: 'painNauseaVomiting',
      label: 'Pain, nausea or vomiting',
      options: [
        { value: 2, text: 'Minimal' },
        { value: 1, text: 'Moderate, having needed treatment' },
        { value: 0, text: 'Severe, needing treatment' },
      ],
    },
    {
      id: 'bleeding',
      label: 'Bleeding (IV or injection site)',
      options: [
        { value: 2, text: 'Minimal' },
        { value: 1, text: 'Moderate' },
        { value: 0, text: 'Severe' },
      ],
    },
    {
      id: 'intakeOutput',
      label: 'Intake and output',
      options: [
        { value: 2, text: 'Has had oral fluids and has voided' },
        { value: 1, text: 'Has had oral fluids or has voided' },
        { value: 0, text: 'Neither' },
      ],
    },
  ],
  sources: [
    'https://www.clinmedjournals.org/articles/ijodh/ijodh-2-036table4.html',
    'https://api-pubmed-ncbi.laibokeji.com/8534468',
  ],
};

export function scorePadss(items: Readonly<Record<PadssItemId, number>>, threshold?: number): DischargeScore {
  return scoreDischargeScale(padss, items, threshold);
}
