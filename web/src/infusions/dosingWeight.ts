// The weight an order uses, in the words the console shows: basis, kg, when weighed, height, BMI.
import type { DosingWeight } from '../api/types.ts';
import { formatDate } from '../app/format.ts';

export const basisLabels: Record<DosingWeight['basis'], string> = {
  actual: 'Actual body weight',
  adjusted: 'Adjusted body weight',
  ideal: 'Ideal body weight',
};

/** "Adjusted body weight 79.4 kg (actual 120 kg)", the headline of the weight an order uses. */
export function weightHeadline(w: DosingWeight): string {
  const actual = w.basis === 'actual' ? '' : ` (actual ${w.actualKg} kg)`;
  return `${basisLabels[w.basis]} ${w.kg} kg${actual}`;
}

/** "weighed 20 Nov 2026 · 160 cm · BMI 46.9", or "no height on file" when there is none. */
export function weightDetail(w: DosingWeight): string {
  const height = w.heightCm == null ? 'no height on file' : `${w.heightCm} cm · BMI ${w.bmi}`;
  return `weighed ${formatDate(w.measuredOn)} · ${height}`;
}
