import type { DoseLimits } from '../dosing/dose-order.ts';
import { defaultDosingWeightRule } from '../dosing/dosing-weight.ts';
import type { Protocol } from './protocol.ts';
import { imKap, intranasal, ivDepression, protocols } from './protocols.ts';

/** The reference protocol per route, for a clinic's own protocol that has no built-in twin. */
const byRoute: Readonly<Record<string, Protocol>> = { iv: ivDepression, im: imKap, intranasal };

const limitFields = ['minDurationMin', 'maxMgPerKgPerHour', 'maxMgPerHour'] as const;

/**
 * Plans snapshot their protocol and clinics save edits; both may predate the rate, duration, cap and
 * dosing-weight fields. Fills the fields that are absent from the built-in protocol of the same id and
 * route, else from the route's reference protocol, so an old snapshot is held to today's limits.
 * Fields that are present (even null: no cap) are never changed.
 */
export function withDosingDefaults(p: Protocol): Protocol {
  const twin = Object.hasOwn(protocols, p.id) ? protocols[p.id] : undefined;
  const reference = twin && twin.route === p.route ? twin : byRoute[p.route];
  const limits: DoseLimits = { ...p.dose.limits };
  for (const field of limitFields) {
    const value = reference?.dose.limits[field];
    // Absent means the protocol predates the field; null is a clinic's explicit "no cap".
    if (limits[field] === undefined && value != null) {
      limits[field] = value;
    }
  }
  return {
    ...p,
    dose: { ...p.dose, limits },
    dosingWeight: p.dosingWeight ?? reference?.dosingWeight ?? defaultDosingWeightRule,
  };
}
