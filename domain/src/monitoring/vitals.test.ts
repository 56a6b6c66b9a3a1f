import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { bloodPressurePanelLoinc, validateBloodPressure, validateVitalReading, vitals } from './vitals.ts';
import type { VitalKind } from './vitals.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) {
      return error.code;
    }
    throw error;
  }
  return undefined;
}

describe('vital definitions', () => {
  it('carries the FHIR vital-signs LOINC and UCUM codes', () => {
    expect(vitals.hr).toMatchObject({ loinc: ['8867-4'], ucum: '/min' });
    expect(vitals.sbp).toMatchObject({ loinc: ['8480-6'], ucum: 'mm[Hg]' });
    expect(vitals.dbp).toMatchObject({ loinc: ['8462-4'], ucum: 'mm[Hg]' });
    expect(vitals.spo2).toMatchObject({ loinc: ['2708-6', '59408-5'], ucum: '%' });
    expect(vitals.rr).toMatchObject({ loinc: ['9279-1'], ucum: '/min' });
    expect(vitals.tempC).toMatchObject({ loinc: ['8310-5'], ucum: 'Cel' });
    expect(bloodPressurePanelLoinc).toBe('85354-9');
  });
});

describe('validateVitalReading', () => {
  it.each<[VitalKind, number]>([
    ['hr', 0],
    ['hr', 72],
    ['hr', 350],
    ['spo2', 100],
    ['spo2', 0],
    ['sbp', 250],
    ['rr', 4],
    ['tempC', 36.6],
  ])('accepts %s %d', (kind, value) => {
    expect(validateVitalReading(kind, value)).toBe(value);
  });

  it.each<[VitalKind, unknown]>([
    ['hr', -1],
    ['hr', 351],
    ['spo2', 100.1],
    ['spo2', -5],
    ['sbp', 0],
    ['dbp', 5],
    ['rr', -1],
    ['tempC', 98.6],
    ['hr', Number.NaN],
    ['hr', Number.POSITIVE_INFINITY],
    ['hr', '72'],
    ['hr', null],
  ])('rejects %s %s', (kind, value) => {
    expect(codeOf(() => validateVitalReading(kind, value))).toBe('vital_out_of_range');
  });

  it('rejects an unknown vital', () => {
    expect(codeOf(() => validateVitalReading('etco2' as VitalKind, 35))).toBe('invalid_input');
  });
});

describe('validateBloodPressure', () => {
  it('accepts a normal pair and rejects systolic not above diastolic', () => {
    expect(validateBloodPressure(120, 80)).toEqual({ sbp: 120, dbp: 80 });
    expect(codeOf(() => validateBloodPressure(80, 80))).toBe('vital_out_of_range');
    expect(codeOf(() => validateBloodPressure(70, 90))).toBe('vital_out_of_range');
    expect(codeOf(() => validateBloodPressure(-120, 80))).toBe('vital_out_of_range');
  });
});
