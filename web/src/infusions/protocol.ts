import type { Protocol } from '../api/types.ts';

export function protocolName(p: Protocol | null | undefined): string {
  if (!p) {
    return 'No protocol';
  }
  return p.title || p.id;
}

export interface ProtocolDefaults {
  mgPerKg: number | undefined;
  maxMgPerKg: number | undefined;
  hardMaxMgPerKg: number | undefined;
  durationMin: number | undefined;
  vialConcentrationMgPerMl: number | undefined;
}

/** The dose defaults of a protocol (the plan's snapshot on an infusion). */
export function protocolDefaults(p: Protocol | null | undefined): ProtocolDefaults {
  return {
    mgPerKg: p?.dose.defaultMgPerKg,
    maxMgPerKg: p?.dose.limits.maxMgPerKg,
    hardMaxMgPerKg: p?.dose.limits.hardMaxMgPerKg,
    durationMin: p?.dose.durationMin ?? undefined,
    vialConcentrationMgPerMl: p?.preparation.vialConcentrationMgPerMl,
  };
}

export const routeLabels: Record<string, string> = {
  iv: 'IV',
  im: 'IM',
  intranasal: 'Intranasal',
  oral: 'Oral',
  sublingual: 'Sublingual',
};
