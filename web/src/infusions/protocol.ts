import type { Protocol } from '../api/types.ts';

export function protocolName(p: Protocol | null | undefined): string {
  if (!p) {
    return 'No protocol';
  }
  return p.name ?? p.title ?? p.id;
}

export interface ProtocolDefaults {
  mgPerKg: number | undefined;
  maxMgPerKg: number | undefined;
  hardMaxMgPerKg: number | undefined;
  durationMin: number | undefined;
  vialConcentrationMgPerMl: number | undefined;
}

/** The dose defaults of a protocol, whichever way the server spells them. */
export function protocolDefaults(p: Protocol | null | undefined): ProtocolDefaults {
  return {
    mgPerKg: p?.dose?.defaultMgPerKg ?? p?.defaultMgPerKg,
    maxMgPerKg: p?.dose?.limits?.maxMgPerKg ?? p?.maxMgPerKg,
    hardMaxMgPerKg: p?.dose?.limits?.hardMaxMgPerKg,
    durationMin: p?.dose?.durationMin ?? p?.durationMin ?? undefined,
    vialConcentrationMgPerMl: p?.preparation?.vialConcentrationMgPerMl ?? p?.vialConcentrationMgPerMl,
  };
}

export const routeLabels: Record<string, string> = {
  iv: 'IV',
  im: 'IM',
  intranasal: 'Intranasal',
  oral: 'Oral',
  sublingual: 'Sublingual',
};
