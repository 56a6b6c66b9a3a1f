/**
 * ISO/IEEE 11073-10101 (MDC) codes in OBX-3 → OpenKAP vital kinds, and OBX-6 units (MDC-coded,
 * UCUM-coded, free text or missing) → the canonical unit. Codes, units and their provenance:
 * interop.md §1 "OBX-3 MDC codes". The numeric code decides (the REFID text is sometimes wrong in the
 * wild, e.g. 150031 labelled MDC_PRESS_CUFF_SYS); the REFID is the fallback when the code is missing or
 * unknown, and a REFID we know that names a different vital than the code makes the reading ambiguous:
 * it is left out rather than charted as the wrong vital (see measureOf).
 */
export type MdcMeasure =
  | 'hr' // ECG heart rate
  | 'pulse' // pulse rate from oximeter / NIBP / generic: used as HR when no ECG HR is in the message
  | 'spo2'
  | 'sbp'
  | 'dbp'
  | 'map' // NIBP mean: parsed, not stored (vital_signs keeps systolic/diastolic pairs)
  | 'rr'
  | 'temp'
  | 'etco2'; // parsed, not stored: vital_signs kinds are hr|bp|spo2|rr|temp

export const MDC_MEASURES: Readonly<Record<number, MdcMeasure>> = {
  147842: 'hr', // MDC_ECG_HEART_RATE
  149530: 'pulse', // MDC_PULS_OXIM_PULS_RATE
  149546: 'pulse', // MDC_PULS_RATE_NON_INV
  149514: 'pulse', // MDC_PULS_RATE
  150456: 'spo2', // MDC_PULS_OXIM_SAT_O2
  150021: 'sbp', // MDC_PRESS_BLD_NONINV_SYS
  150022: 'dbp', // MDC_PRESS_BLD_NONINV_DIA
  150023: 'map', // MDC_PRESS_BLD_NONINV_MEAN
  150301: 'sbp', // MDC_PRESS_CUFF_SYS (Mindray and others)
  150302: 'dbp', // MDC_PRESS_CUFF_DIA
  150303: 'map', // MDC_PRESS_CUFF_MEAN
  151562: 'rr', // MDC_RESP_RATE
  151578: 'rr', // MDC_TTHOR_RESP_RATE (impedance)
  151570: 'rr', // MDC_AWAY_RESP_RATE
  151594: 'rr', // MDC_CO2_RESP_RATE
  151658: 'rr', // MDC_PULS_OXIM_PLETH_RESP_RATE
  150344: 'temp', // MDC_TEMP
  150364: 'temp', // MDC_TEMP_BODY
  151712: 'etco2', // MDC_CONC_AWAY_CO2_EXP
};

/** REFIDs (OBX-3.2) of the codes above, the names the IEEE 11073-10101 nomenclature gives them. */
const MDC_REFIDS: Readonly<Record<string, number>> = {
  MDC_ECG_HEART_RATE: 147842,
  MDC_PULS_OXIM_PULS_RATE: 149530,
  MDC_PULS_RATE_NON_INV: 149546,
  MDC_PULS_RATE: 149514,
  MDC_PULS_OXIM_SAT_O2: 150456,
  MDC_PRESS_BLD_NONINV_SYS: 150021,
  MDC_PRESS_BLD_NONINV_DIA: 150022,
  MDC_PRESS_BLD_NONINV_MEAN: 150023,
  MDC_PRESS_CUFF_SYS: 150301,
  MDC_PRESS_CUFF_DIA: 150302,
  MDC_PRESS_CUFF_MEAN: 150303,
  MDC_RESP_RATE: 151562,
  MDC_TTHOR_RESP_RATE: 151578,
  MDC_AWAY_RESP_RATE: 151570,
  MDC_CO2_RESP_RATE: 151594,
  MDC_PULS_OXIM_PLETH_RESP_RATE: 151658,
  MDC_TEMP: 150344,
  MDC_TEMP_BODY: 150364,
  MDC_CONC_AWAY_CO2_EXP: 151712,
};

export type MeasureLookup = { measure: MdcMeasure; code: number } | { conflict: string } | { unknown: true };

/**
 * What an OBX-3 (code, REFID) measures: by code; by REFID when the code is missing or not ours; a
 * conflict when both are ours but name different vitals (an SpO2 code labelled as a heart rate).
 * Codes of one vital agree whatever the family (NIBP vs cuff systolic, the pulse-rate sources).
 */
export function measureOf(code: number, refId: string): MeasureLookup {
  const byCode = Number.isInteger(code) ? MDC_MEASURES[code] : undefined;
  const refCode = MDC_REFIDS[refId.trim().toUpperCase()];
  const byRef = refCode === undefined ? undefined : MDC_MEASURES[refCode];
  if (byCode && byRef && byCode !== byRef) {
    return { conflict: `${code} labelled ${refId.trim()}` };
  }
  if (byCode) {
    return { measure: byCode, code };
  }
  if (byRef && refCode !== undefined) {
    return { measure: byRef, code: refCode };
  }
  return { unknown: true };
}

/** Canonical UCUM unit of each measure: what a reading without (or with an unknown) unit is taken to be in. */
const CANONICAL: Record<MdcMeasure, string> = {
  hr: '/min',
  pulse: '/min',
  spo2: '%',
  sbp: 'mm[Hg]',
  dbp: 'mm[Hg]',
  map: 'mm[Hg]',
  rr: '/min',
  temp: 'Cel',
  etco2: 'mm[Hg]',
};

/** OBX-6 identifiers (MDC numeric, MDC REFID, UCUM, free text; compared lower-case) → UCUM. */
const UNIT_ALIASES: Record<string, string> = {
  '264864': '/min',
  mdc_dim_beat_per_min: '/min',
  '{beat}/min': '/min',
  '{beats}/min': '/min',
  bpm: '/min',
  '/min': '/min',
  '1/min': '/min',
  '264928': '/min',
  mdc_dim_resp_per_min: '/min',
  '{breath}/min': '/min',
  '{resp}/min': '/min',
  rpm: '/min',
  brpm: '/min',
  '262688': '%',
  mdc_dim_percent: '%',
  '%': '%',
  '266016': 'mm[Hg]',
  mdc_dim_mmhg: 'mm[Hg]',
  'mm[hg]': 'mm[Hg]',
  mmhg: 'mm[Hg]',
  '265987': 'kPa',
  mdc_dim_kilo_pascal: 'kPa',
  kpa: 'kPa',
  '268192': 'Cel',
  mdc_dim_degc: 'Cel',
  cel: 'Cel',
  '°c': 'Cel',
  degc: 'Cel',
  c: 'Cel',
  '268160': '[degF]',
  mdc_dim_fahr: '[degF]',
  '[degf]': '[degF]',
  degf: '[degF]',
  '°f': '[degF]',
  f: '[degF]',
};

/**
 * The reading in the measure's canonical unit. `candidates` are OBX-6 components (identifier, text,
 * alternate identifier…); the first one recognised wins, none recognised means the canonical unit.
 */
export function toCanonical(measure: MdcMeasure, value: number, candidates: string[]): number {
  const unit = candidates.map((c) => UNIT_ALIASES[c.trim().toLowerCase()]).find((u) => u !== undefined);
  const canonical = CANONICAL[measure];
  if (!unit || unit === canonical) {
    return value;
  }
  if (unit === '[degF]' && canonical === 'Cel') {
    return Math.round((((value - 32) * 5) / 9) * 10) / 10;
  }
  if (unit === 'kPa' && canonical === 'mm[Hg]') {
    return Math.round(value * 7.50062);
  }
  return value;
}
