import { scoreDischargeScale } from './discharge-scale.ts';
import type { DischargeScale, DischargeScore } from './discharge-scale.ts';

export type AldreteItemId = 'activity' | 'respiration' | 'circulation' | 'consciousness' | 'oxygenSaturation';

/**
 * Modified Aldrete score (Aldrete 1995, J Clin Anesth 7:89): five items 0–2, ≥ 9 to discharge.
 * https://statpearls.com/point-of-care/155763 ; https://www.thecalculator.co/health/Modified-Aldrete-Score-Calculator-799.html [V];
 * item wording after the table in World J Gastroenterol 2015;21(12):3671 (https://www.wjgnet.com/1007-9327/full/v21/i12/3671.htm) [V].
 * Circulation is scored against the pre-infusion blood pressure.
 */
export const modifiedAldrete: DischargeScale<AldreteItemId> = {
  id: 'aldrete',
  title: 'Modified Aldrete',
  fitAtOrAbove: 9,
  items: [
    {
      id: 'activity',
      label: 'Activity',
      options: [
        { value: 2, text: 'Moves all four limbs voluntarily or on command' },
        { value: 1, text: 'Moves two limbs' },
        { value: 0, text: 'Moves no limbs' },
      ],
    },
    {
      id: 'respiration',
      label: 'Respiration',
      options: [
        { value: 2, text: 'Breathes deeply and coughs freely' },
        { value: 1, text: 'Short of breath, shallow or limited breathing' },
        { value: 0, text: 'Apnoeic' },
      ],
    },
    {
      id: 'circulation',
      label: 'Circulation',
      options: [
        { value: 2, text: 'BP within 20 mmHg of the pre-infusion value' },
        { value: 1, text: 'BP 20–50 mmHg from the pre-infusion value' },
        { value: 0, text: 'BP more than 50 mmHg from the pre-infusion value' },
      ],
    },
    {
      id: 'consciousness',
      label: 'Consciousness',
      options: [
        { value: 2, text: 'Fully awake' },
        { value: 1, text: 'Rousable when called' },
        { value: 0, text: 'Not responding' },
      ],
    },
    {
      id: 'oxygenSaturation',
      label: 'Oxygen saturation',
      options: [
        { value: 2, text: 'SpO₂ above 92 % on room air' },
        { value: 1, text: 'Needs oxygen to keep SpO₂ above 90 %' },
        { value: 0, text: 'SpO₂ below 90 % even with oxygen' },
      ],
    },
  ],
  sources: [
    'https://statpearls.com/point-of-care/155763',
    'https://www.wjgnet.com/1007-9327/full/v21/i12/3671.htm',
  ],
};

export function scoreModifiedAldrete(
  items: Readonly<Record<AldreteItemId, number>>,
  threshold?: number,
): DischargeScore {
  return scoreDischargeScale(modifiedAldrete, items, threshold);
}
