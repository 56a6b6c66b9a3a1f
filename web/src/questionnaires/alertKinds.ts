import { safetyAlertKind } from '@openkap/domain/instruments/safety';
import type { SafetyAlertType } from '../api/types.ts';

/** A readable name for a safety alert's kind ("phq9_item9" → "PHQ-9 item 9 positive"). */
export function alertKindLabel(kind: string): string {
  return safetyAlertKind(kind).label;
}

/** Alert or task: the server says; the domain's table answers for an older server. */
export function alertType(alert: { kind: string; type?: SafetyAlertType }): SafetyAlertType {
  return alert.type ?? safetyAlertKind(alert.kind).type;
}
