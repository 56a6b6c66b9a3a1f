// How the report writes its figures: whole percentages with a space before the sign ("68 %"), an
// en dash for "no figure", and a true minus sign for falls.
const NBSP = '\u00a0';

/** "No figure": the rate has no denominator (nobody with a follow-up score). */
export const NO_FIGURE = '–';

/** 0–1 → "68 %". */
export function percent(rate: number | null | undefined): string {
  if (rate == null || !Number.isFinite(rate)) {
    return NO_FIGURE;
  }
  return `${Math.round(rate * 100)}${NBSP}%`;
}

/** [0.55, 0.79] → "95 % CI 55–79 %". */
export function interval(ci: readonly [number, number] | null | undefined): string | null {
  if (!ci) {
    return null;
  }
  return `95${NBSP}% CI ${Math.round(ci[0] * 100)}–${Math.round(ci[1] * 100)}${NBSP}%`;
}

/** "68 % (95 % CI 55–79 %)", or the dash alone. */
export function rateWithInterval(rate: number | null, ci: readonly [number, number] | null): string {
  const text = interval(ci);
  return rate == null ? NO_FIGURE : `${percent(rate)}${text ? ` (${text})` : ''}`;
}

/** A change already in percent (−42.3) → "−42 %"; a rise keeps its plus sign. */
export function signedPercent(change: number | null | undefined): string {
  if (change == null || !Number.isFinite(change)) {
    return NO_FIGURE;
  }
  const rounded = Math.round(change);
  if (rounded === 0) {
    return `0${NBSP}%`;
  }
  return `${rounded < 0 ? '−' : '+'}${Math.abs(rounded)}${NBSP}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
