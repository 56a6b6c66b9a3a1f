import { DomainError } from '../errors.ts';

export interface ScaleOption {
  value: number;
  text: string;
}

export interface ScaleItem<Id extends string = string> {
  id: Id;
  label: string;
  /** Highest score first, as printed on recovery forms. */
  options: readonly ScaleOption[];
}

export interface DischargeScale<Id extends string = string> {
  id: string;
  title: string;
  items: readonly ScaleItem<Id>[];
  /** Default pass mark (clinic-editable through the scoring function's threshold). */
  fitAtOrAbove: number;
  sources: readonly string[];
}

export interface DischargeScore {
  scale: string;
  total: number;
  max: number;
  threshold: number;
  fit: boolean;
}

/** Sums a 0–2-per-item recovery scale; every item must be scored. */
export function scoreDischargeScale<Id extends string>(
  scale: DischargeScale<Id>,
  items: Readonly<Record<Id, number>>,
  threshold: number = scale.fitAtOrAbove,
): DischargeScore {
  if (typeof items !== 'object' || items === null) {
    throw new DomainError('invalid_score_item', `${scale.title}: item scores are required`);
  }
  let total = 0;
  let max = 0;
  for (const item of scale.items) {
    const value: unknown = items[item.id];
    const allowed = item.options.map((o) => o.value);
    if (typeof value !== 'number' || !allowed.includes(value)) {
      throw new DomainError(
        'invalid_score_item',
        `${scale.title}: "${item.label}" must be one of ${allowed.join(', ')}; got ${String(value)}`,
        { scale: scale.id, item: item.id, value },
      );
    }
    total += value;
    max += Math.max(...allowed);
  }
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > max) {
    throw new DomainError('invalid_input', `${scale.title}: threshold must be between 0 and ${max}`, {
      threshold,
    });
  }
  return { scale: scale.id, total, max, threshold, fit: total >= threshold };
}
