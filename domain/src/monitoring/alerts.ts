import { requireNumber } from '../errors.ts';
import { isPossibleVital, vitals } from './vitals.ts';
import type { VitalKind } from './vitals.ts';

export type Comparator = '>=' | '>' | '<=' | '<';

export interface VitalAlertRule {
  /** Stable code: alert acknowledgements are stored against it. */
  code: string;
  vital: VitalKind;
  comparator: Comparator;
  limit: number;
  /** 0 alerts on the first crossing reading; otherwise the crossing must last this long. */
  sustainMs: number;
  enabled: boolean;
}

/*
 * Default alert rules (clinic-editable):
 * - BP: the academic esketamine-clinic protocol posted on SDN treats BP > 180/110 on two readings 5 min apart
 *   (or > 200/120 once) as needing a PRN (https://forums.studentdoctor.net/threads/esketamine-clinic-prn-meds.1504698/latest) [V].
 *   We alert on the first reading ≥ 180 / ≥ 110 so the nurse rechecks within 5 min; the PRN decision stays clinical.
 * - HR: same protocol, sustained HR > 120 for 5 min [V]; we use ≥ 120 sustained 5 min.
 * - SpO2 < 92 %: modified Aldrete gives full marks only for SpO2 > 92 % on room air
 *   (https://statpearls.com/point-of-care/155763) [V]; the Spravato REMS requires pulse oximetry every
 *   session (https://www.accessdata.fda.gov/scripts/cder/rems/index.cfm?event=IndvRemsDetails.page&REMS=386) [V].
 * - Low HR < 50 and low SBP < 90: offered but off by default [U: common clinical limits, not from our sources].
 */
export const defaultVitalAlertRules: readonly VitalAlertRule[] = [
  { code: 'sbp_high', vital: 'sbp', comparator: '>=', limit: 180, sustainMs: 0, enabled: true },
  { code: 'dbp_high', vital: 'dbp', comparator: '>=', limit: 110, sustainMs: 0, enabled: true },
  {
    code: 'hr_high_sustained',
    vital: 'hr',
    comparator: '>=',
    limit: 120,
    sustainMs: 5 * 60_000,
    enabled: true,
  },
  { code: 'spo2_low', vital: 'spo2', comparator: '<', limit: 92, sustainMs: 0, enabled: true },
  { code: 'hr_low', vital: 'hr', comparator: '<', limit: 50, sustainMs: 0, enabled: false },
  { code: 'sbp_low', vital: 'sbp', comparator: '<', limit: 90, sustainMs: 0, enabled: false },
];

/** One time point from the monitor or a manual entry; absent vitals were not measured. */
export interface VitalReading {
  at: number;
  hr?: number | null;
  sbp?: number | null;
  dbp?: number | null;
  spo2?: number | null;
  rr?: number | null;
  tempC?: number | null;
}

export interface VitalAlert {
  code: string;
  vital: VitalKind;
  comparator: Comparator;
  limit: number;
  /** The latest reading of the vital. */
  value: number;
  /** Epoch ms of the first reading in the current run of crossing readings. */
  since: number;
  message: string;
}

const crosses: Readonly<Record<Comparator, (value: number, limit: number) => boolean>> = {
  '>=': (v, l) => v >= l,
  '>': (v, l) => v > l,
  '<=': (v, l) => v <= l,
  '<': (v, l) => v < l,
};

const comparatorText: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/**
 * Active alerts at `now`. Runs on every reading, so each rule only walks back from the newest reading
 * through the current run of crossing readings. A rule is active when that run is non-empty and, for
 * sustained rules, has at least two readings and began at least `sustainMs` before `now`. A reading back
 * in range ends the run. Impossible values (see vitals.ts) are skipped as if not measured.
 */
export function evaluateVitalAlerts(
  readings: readonly VitalReading[],
  rules: readonly VitalAlertRule[],
  now: number,
): VitalAlert[] {
  requireNumber(now, 'now');
  const ordered = isTimeOrdered(readings) ? readings : [...readings].sort((a, b) => a.at - b.at);
  const alerts: VitalAlert[] = [];
  for (const rule of rules) {
    if (!rule.enabled) {
      continue;
    }
    const alert = evaluateRule(ordered, rule, now);
    if (alert) {
      alerts.push(alert);
    }
  }
  return alerts;
}

function evaluateRule(
  readings: readonly VitalReading[],
  rule: VitalAlertRule,
  now: number,
): VitalAlert | null {
  let latest: number | null = null;
  let since = 0;
  let count = 0;
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    const value = reading?.[rule.vital];
    if (!reading || !isPossibleVital(rule.vital, value)) {
      continue;
    }
    if (!crosses[rule.comparator](value, rule.limit)) {
      break;
    }
    latest ??= value;
    since = reading.at;
    count++;
  }
  if (latest === null) {
    return null;
  }
  const sustained = rule.sustainMs > 0;
  if (sustained && (count < 2 || now - since < rule.sustainMs)) {
    return null;
  }

  const vital = vitals[rule.vital];
  const duration = sustained ? ` for ${Math.floor((now - since) / 60_000)} min` : '';
  return {
    code: rule.code,
    vital: rule.vital,
    comparator: rule.comparator,
    limit: rule.limit,
    value: latest,
    since,
    message: `${vital.label} ${latest} ${vital.displayUnit} ${comparatorText[rule.comparator]} ${rule.limit}${duration}`,
  };
}

/**
 * Whether new readings could open an alert: some reading crosses some enabled rule. When none does and
 * the session has no alert open, re-evaluating cannot change anything (a rule is only active while its
 * newest reading crosses), so a monitor feed at normal values skips the evaluation. A sustained rule
 * that has been crossing long enough fires on its next crossing reading.
 */
export function readingsMayAlert(
  readings: readonly VitalReading[],
  rules: readonly VitalAlertRule[],
): boolean {
  return rules.some(
    (rule) =>
      rule.enabled &&
      readings.some((r) => {
        const value = r[rule.vital];
        return isPossibleVital(rule.vital, value) && crosses[rule.comparator](value, rule.limit);
      }),
  );
}

function isTimeOrdered(readings: readonly VitalReading[]): boolean {
  for (let i = 1; i < readings.length; i++) {
    if ((readings[i]?.at ?? 0) < (readings[i - 1]?.at ?? 0)) {
      return false;
    }
  }
  return true;
}
