// The protocol's limits as the order form states them, and the most this patient may be given.
import { doseCeiling } from '@openkap/domain/dosing/dose-order';
import type { Protocol } from '../api/types.ts';

/** One line for the mg/kg range, one for the pump limits (IV only). */
export function limitsText(p: Protocol | null | undefined): string[] {
  if (!p) {
    return [];
  }
  const l = p.dose.limits;
  const hard = l.hardMaxMgPerKg !== l.maxMgPerKg ? ` (hard stop above ${l.hardMaxMgPerKg})` : '';
  const lines = [`Protocol default ${p.dose.defaultMgPerKg} mg/kg · maximum ${l.maxMgPerKg} mg/kg${hard}`];
  const pump = [
    l.minDurationMin != null ? `over at least ${l.minDurationMin} min` : null,
    l.maxMgPerKgPerHour != null ? `at most ${l.maxMgPerKgPerHour} mg/kg/h` : null,
    l.maxMgPerHour != null ? `at most ${l.maxMgPerHour} mg/h` : null,
    l.maxTotalMg != null ? `at most ${l.maxTotalMg} mg a session` : null,
  ].filter((x) => x != null);
  if (pump.length) {
    lines.push(`Hard stops: ${pump.join(' · ')}`);
  }
  return lines;
}

/**
 * "For 88 kg over 240 min: at most 1.136 mg/kg (the 25 mg/h cap)" when a cap or the rate ceiling binds
 * below the hard maximum; null otherwise.
 */
export function ceilingText(
  p: Protocol | null | undefined,
  kg: number | null | undefined,
  durationMin: number | null | undefined,
): string | null {
  if (!p || !kg) {
    return null;
  }
  const l = p.dose.limits;
  const { mgPerKg, by } = doseCeiling(l, kg, durationMin ?? null);
  const why = {
    hard_maximum: null,
    rate: `the ${l.maxMgPerKgPerHour} mg/kg/h rate ceiling`,
    hourly_cap: `the ${l.maxMgPerHour} mg/h cap`,
    session_cap: `the ${l.maxTotalMg} mg session cap`,
  }[by];
  if (!why) {
    return null;
  }
  const over = durationMin ? ` over ${durationMin} min` : '';
  return `For ${kg} kg${over}: at most ${mgPerKg} mg/kg (${why}).`;
}
