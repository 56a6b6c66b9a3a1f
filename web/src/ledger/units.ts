// What the ledger screens show: mg and mL from whole micrograms, with the domain's own rounding so a
// screen and a printed report never disagree by a digit.
import { formatMg as domainFormatMg, ugToMl } from '@openkap/domain/ledger/units';

/** "17.5 mg"; a value the server should never send (a fraction of a µg) is shown, not thrown. */
export function formatMg(ug: number): string {
  return Number.isSafeInteger(ug) ? domainFormatMg(ug) : `${(ug / 1000).toFixed(3)} mg`;
}

/** "+500 mg" / "−17.5 mg": a change to a balance, with a real minus sign. */
export function formatSignedMg(ug: number): string {
  if (ug === 0) {
    return '0 mg';
  }
  return `${ug > 0 ? '+' : '−'}${formatMg(Math.abs(ug))}`;
}

/** mL to 0.01 mL (what an inventory records), trailing zeros trimmed: "0.35 mL", "10 mL". */
export function formatMl(ug: number, mgPerMl: number): string {
  if (!Number.isSafeInteger(ug) || !(mgPerMl > 0)) {
    return '— mL';
  }
  const ml = ugToMl(Math.abs(ug), mgPerMl);
  const text = ml.toFixed(2).replace(/\.?0+$/, '');
  return `${ug < 0 ? '−' : ''}${text} mL`;
}

/**
 * The exact mL a balance is at a strength, for prefilling a count: untouched, it converts back to the
 * same µg on the server, so an unchanged line shows no difference.
 */
export function exactMl(ug: number, mgPerMl: number): number {
  return Number((ug / 1000 / mgPerMl).toFixed(6));
}

/** mL to draw for `mg` at `mgPerMl`, rounded up to 0.01 mL so the syringe never holds less than asked. */
export function mlFor(mg: number, mgPerMl: number): number {
  return Math.ceil(Number(((mg / mgPerMl) * 100).toFixed(6))) / 100;
}
