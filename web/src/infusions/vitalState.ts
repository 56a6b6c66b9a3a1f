// Whether a reading is inside the session's alert limits, in the same terms as the domain rules
// (domain/src/monitoring/alerts.ts: SBP ≥, DBP ≥, HR ≥ sustained, SpO2 <).
import type { Thresholds, VitalsReading } from '../api/types.ts';

export type VitalKey = 'hr' | 'bp' | 'spo2' | 'rr';
export type VitalState = 'ok' | 'high' | 'low' | 'none';

export function vitalState(key: VitalKey, reading: VitalsReading | undefined, t: Thresholds): VitalState {
  if (!reading) {
    return 'none';
  }
  switch (key) {
    case 'hr':
      if (reading.hr == null) {
        return 'none';
      }
      if (t.hrHigh != null && reading.hr >= t.hrHigh) {
        return 'high';
      }
      if (t.hrLow != null && reading.hr < t.hrLow) {
        return 'low';
      }
      return 'ok';
    case 'bp':
      if (reading.sbp == null) {
        return 'none';
      }
      if (t.sbpHigh != null && reading.sbp >= t.sbpHigh) {
        return 'high';
      }
      if (t.dbpHigh != null && reading.dbp != null && reading.dbp >= t.dbpHigh) {
        return 'high';
      }
      if (t.sbpLow != null && reading.sbp < t.sbpLow) {
        return 'low';
      }
      return 'ok';
    case 'spo2':
      if (reading.spo2 == null) {
        return 'none';
      }
      if (t.spo2Low != null && reading.spo2 < t.spo2Low) {
        return 'low';
      }
      return 'ok';
    case 'rr':
      return reading.rr == null ? 'none' : 'ok';
  }
}

/** The newest reading that has a value for `key`. */
export function latestWith(vitals: VitalsReading[], key: VitalKey): VitalsReading | undefined {
  for (let i = vitals.length - 1; i >= 0; i--) {
    const v = vitals[i];
    if (!v) {
      continue;
    }
    if (key === 'bp' ? v.sbp != null : v[key] != null) {
      return v;
    }
  }
  return undefined;
}

export const vitalColors = {
  hr: '#2b8a3e',
  sbp: '#c92a2a',
  dbp: '#e8590c',
  spo2: '#1971c2',
  rr: '#9c36b5',
};

export const vitalColorsDark = {
  hr: '#69db7c',
  sbp: '#ff8787',
  dbp: '#ffa94d',
  spo2: '#74c0fc',
  rr: '#e599f7',
};
