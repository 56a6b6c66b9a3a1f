import { describe, expect, it } from 'vitest';
import { defaultVitalAlertRules, evaluateVitalAlerts, readingsMayAlert } from './alerts.ts';
import type { VitalAlertRule, VitalReading } from './alerts.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0);
const rules = defaultVitalAlertRules;

function at(minute: number, values: Omit<VitalReading, 'at'>): VitalReading {
  return { at: T0 + minute * MIN, ...values };
}

function alertCodes(
  readings: VitalReading[],
  nowMinute: number,
  r: readonly VitalAlertRule[] = rules,
): string[] {
  return evaluateVitalAlerts(readings, r, T0 + nowMinute * MIN).map((a) => a.code);
}

describe('evaluateVitalAlerts', () => {
  it('is quiet with no readings or normal readings', () => {
    expect(alertCodes([], 0)).toEqual([]);
    expect(alertCodes([at(0, { hr: 80, sbp: 130, dbp: 80, spo2: 98 })], 1)).toEqual([]);
  });

  it('alerts at once on SBP at the limit, with the first crossing as since', () => {
    const readings = [at(0, { sbp: 150 }), at(5, { sbp: 180 }), at(10, { sbp: 185 })];
    const [alert] = evaluateVitalAlerts(readings, rules, T0 + 10 * MIN);
    expect(alert).toEqual({
      code: 'sbp_high',
      vital: 'sbp',
      comparator: '>=',
      limit: 180,
      value: 185,
      since: T0 + 5 * MIN,
      message: 'Systolic BP 185 mmHg ≥ 180',
    });
  });

  it('does not alert just below the limit', () => {
    expect(alertCodes([at(0, { sbp: 179, dbp: 109, spo2: 92 })], 0)).toEqual([]);
  });

  it('alerts on DBP ≥ 110 and SpO2 < 92 independently', () => {
    expect(alertCodes([at(0, { sbp: 150, dbp: 110, spo2: 91 })], 0)).toEqual(['dbp_high', 'spo2_low']);
  });

  it('clears when a reading is back in range', () => {
    expect(alertCodes([at(0, { sbp: 190 }), at(5, { sbp: 170 })], 5)).toEqual([]);
  });

  it('ignores readings that did not measure the vital', () => {
    expect(alertCodes([at(0, { sbp: 190 }), at(1, { hr: 80 }), at(2, { spo2: 97, sbp: null })], 2)).toEqual([
      'sbp_high',
    ]);
  });

  describe('sustained heart rate', () => {
    it('does not alert on a single high reading, however old', () => {
      expect(alertCodes([at(0, { hr: 130 })], 10)).toEqual([]);
    });

    it('does not alert before 5 minutes', () => {
      expect(alertCodes([at(0, { hr: 125 }), at(2, { hr: 128 }), at(4, { hr: 130 })], 4.9)).toEqual([]);
    });

    it('alerts once every reading has crossed for 5 minutes', () => {
      const readings = [at(0, { hr: 90 }), at(1, { hr: 121 }), at(3, { hr: 140 }), at(6, { hr: 125 })];
      const [alert] = evaluateVitalAlerts(readings, rules, T0 + 6 * MIN);
      expect(alert).toMatchObject({ code: 'hr_high_sustained', value: 125, since: T0 + 1 * MIN });
      expect(alert?.message).toBe('Heart rate 125 bpm ≥ 120 for 5 min');
    });

    it('restarts the clock after a dip below the limit', () => {
      const readings = [at(0, { hr: 130 }), at(3, { hr: 110 }), at(4, { hr: 130 }), at(6, { hr: 131 })];
      expect(alertCodes(readings, 8)).toEqual([]);
      expect(alertCodes(readings, 9)).toEqual(['hr_high_sustained']);
    });
  });

  it('skips impossible values instead of alerting on them', () => {
    expect(alertCodes([at(0, { spo2: 97 }), at(1, { spo2: -1 }), at(2, { spo2: 101 })], 2)).toEqual([]);
  });

  it('sorts readings that arrive out of order', () => {
    const readings = [at(5, { sbp: 150 }), at(0, { sbp: 190 })];
    expect(alertCodes(readings, 5)).toEqual([]);
  });

  it('uses clinic rules: disabled rules are skipped, optional ones can be enabled', () => {
    const low = [at(0, { hr: 45, sbp: 85 })];
    expect(alertCodes(low, 0)).toEqual([]);
    const enabled = rules.map((r) => ({ ...r, enabled: true }));
    expect(alertCodes(low, 0, enabled)).toEqual(['hr_low', 'sbp_low']);
    const strict: VitalAlertRule[] = [
      { code: 'sbp_over_160', vital: 'sbp', comparator: '>', limit: 160, sustainMs: 0, enabled: true },
    ];
    expect(alertCodes([at(0, { sbp: 160 })], 0, strict)).toEqual([]);
    expect(alertCodes([at(0, { sbp: 161 })], 0, strict)).toEqual(['sbp_over_160']);
  });

  it('reads each reading a bounded number of times on a long session (4 h of 1-second readings)', () => {
    // Counts reads instead of timing a loop, so the answer is the same on any machine and under any
    // load: a rescan of the session per reading or per rule would read it tens of millions of times.
    const plain = Array.from({ length: 4 * 3600 }, (_, s) => ({ at: T0 + s * 1000, hr: 125, spo2: 97 }));
    let reads = 0;
    const readings = new Proxy(plain, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          reads++;
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(alertCodes(readings, 240)).toEqual(['hr_high_sustained']);
    // Linear: the order check reads each reading twice, then each enabled rule walks back at most once
    // through the session (past readings that cross it or do not measure its vital).
    const enabled = rules.filter((r) => r.enabled).length;
    expect(reads).toBeLessThanOrEqual((2 + enabled) * plain.length);
  });
});

describe('evaluateVitalAlerts: invalid input', () => {
  it('rejects a non-finite now rather than treating every run as sustained', () => {
    expect(() => evaluateVitalAlerts([at(0, { hr: 130 }), at(1, { hr: 130 })], rules, Number.NaN)).toThrow(
      /now must be a finite number/,
    );
  });
});

describe('readingsMayAlert', () => {
  it('is false for readings within every enabled limit', () => {
    expect(readingsMayAlert([at(0, { hr: 80, sbp: 130, dbp: 80, spo2: 98 })], rules)).toBe(false);
    expect(readingsMayAlert([], rules)).toBe(false);
  });

  it('is true when any reading crosses an enabled rule, sustained or not', () => {
    expect(readingsMayAlert([at(0, { hr: 80 }), at(1, { sbp: 181 })], rules)).toBe(true);
    expect(readingsMayAlert([at(0, { hr: 121 })], rules)).toBe(true);
    expect(readingsMayAlert([at(0, { spo2: 91 })], rules)).toBe(true);
  });

  it('ignores disabled rules and impossible values', () => {
    // hr_low (< 50) is off by default
    expect(readingsMayAlert([at(0, { hr: 45 })], rules)).toBe(false);
    expect(readingsMayAlert([at(0, { sbp: 9999 })], rules)).toBe(false);
  });

  it('agrees with evaluateVitalAlerts on a single reading for the instant rules', () => {
    const instant = rules.filter((r) => r.sustainMs === 0);
    for (const sbp of [120, 179, 180, 220]) {
      for (const spo2 of [85, 91, 92, 99]) {
        const readings = [at(0, { sbp, dbp: 70, spo2 })];
        expect(readingsMayAlert(readings, instant)).toBe(alertCodes(readings, 0, instant).length > 0);
      }
    }
  });
});
