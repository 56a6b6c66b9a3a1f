import type { Protocol } from '@openkap/domain/plans/protocol';
import { withDosingDefaults } from '@openkap/domain/plans/protocol-defaults';
import { defaultVitalAlertRules, type VitalAlertRule } from '@openkap/domain/monitoring/alerts';
import type { InfusionRow } from './store.ts';

/**
 * The protocol as it was when the plan started (a snapshot; later edits do not reach running plans).
 * Snapshots older than the rate, duration, cap and dosing-weight fields get the built-in defaults.
 */
export function protocolOf(row: Pick<InfusionRow, 'protocol'>): Protocol {
  return withDosingDefaults(row.protocol as unknown as Protocol);
}

/** Alert rules for a session: its protocol's (clinic-edited) limits; snapshots older than that field use the defaults. */
export function alertRulesOf(protocol: Pick<Protocol, 'alerts'>): readonly VitalAlertRule[] {
  return protocol.alerts ?? defaultVitalAlertRules;
}

/** The limits the console draws as dashed lines. */
export function thresholdSummary(rules: readonly VitalAlertRule[]) {
  const limit = (code: string): number | null =>
    rules.find((r) => r.code === code && r.enabled)?.limit ?? null;
  const hr = rules.find((r) => r.code === 'hr_high_sustained' && r.enabled);
  return {
    sbpHigh: limit('sbp_high'),
    dbpHigh: limit('dbp_high'),
    hrHigh: hr?.limit ?? null,
    hrSustainMin: hr ? hr.sustainMs / 60_000 : null,
    spo2Low: limit('spo2_low'),
    hrLow: limit('hr_low'),
    sbpLow: limit('sbp_low'),
  };
}
