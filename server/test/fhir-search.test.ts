import { describe, expect, it } from 'vitest';
import { parseDateRange } from '../src/fhir/datetime.ts';
import { dateComparisons, observationSearch, pageOf, patientSearch } from '../src/fhir/search.ts';
import { instruments } from '@openkap/domain/instruments/registry';
import { FhirError } from '../src/fhir/outcome.ts';

// Pure parsing: no database.

describe('FHIR date values as ranges', () => {
  it.each([
    ['2026', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'year'],
    ['2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 'month'],
    ['2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'month'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z', '2028-03-01T00:00:00.000Z', 'day'],
    ['2026-11-20T14:05Z', '2026-11-20T14:05:00.000Z', '2026-11-20T14:06:00.000Z', 'minute'],
    ['2026-11-20T09:05:30-05:00', '2026-11-20T14:05:30.000Z', '2026-11-20T14:05:31.000Z', 'second'],
    ['2026-11-20T14:05:30.25+00:00', '2026-11-20T14:05:30.250Z', '2026-11-20T14:05:30.251Z', 'millisecond'],
  ])('%s → [%s, %s) at %s precision', (text, start, end, precision) => {
    const r = parseDateRange(text);
    expect(r?.start.toISOString()).toBe(start);
    expect(r?.end.toISOString()).toBe(end);
    expect(r?.precision).toBe(precision);
  });

  it.each([
    '2026-02-30',
    '2026-13',
    '2026-11-20T25:00Z',
    '20261120',
    '0099-01-01',
    'yesterday',
    '2026-11-20T14:05:00+15:00',
  ])('refuses %s', (text) => {
    expect(parseDateRange(text)).toBeUndefined();
  });

  it('needs a zone on resource values with a time, not on search values', () => {
    expect(parseDateRange('2026-11-20T14:05:00', { requireZone: true })).toBeUndefined();
    expect(parseDateRange('2026-11-20T14:05:00')?.start.toISOString()).toBe('2026-11-20T14:05:00.000Z');
  });
});

describe('date search prefixes', () => {
  const at = (s: string) => new Date(s);
  it('maps each prefix onto the value’s range', () => {
    expect(dateComparisons('2026-11-20', 'date')).toEqual([
      { op: '>=', value: at('2026-11-20T00:00:00Z') },
      { op: '<', value: at('2026-11-21T00:00:00Z') },
    ]);
    expect(dateComparisons('gt2026-11-20', 'date')).toEqual([
      { op: '>=', value: at('2026-11-21T00:00:00Z') },
    ]);
    expect(dateComparisons('ge2026-11-20', 'date')).toEqual([
      { op: '>=', value: at('2026-11-20T00:00:00Z') },
    ]);
    expect(dateComparisons('lt2026-11-20', 'date')).toEqual([{ op: '<', value: at('2026-11-20T00:00:00Z') }]);
    expect(dateComparisons('le2026-11-20', 'date')).toEqual([{ op: '<', value: at('2026-11-21T00:00:00Z') }]);
    expect(dateComparisons('ne2026-11', 'date')).toEqual([
      {
        or: [
          { op: '<', value: at('2026-11-01T00:00:00Z') },
          { op: '>=', value: at('2026-12-01T00:00:00Z') },
        ],
      },
    ]);
  });

  it('compares birth dates as calendar days', () => {
    expect(dateComparisons('ge1985', 'birthdate', true)).toEqual([{ op: '>=', value: '1985-01-01' }]);
    expect(() => dateComparisons('1985-03-14T10:00:00Z', 'birthdate', true)).toThrow(FhirError);
  });
});

describe('search parameters', () => {
  it('pages with _count (default 50, at most 1000) and _offset', () => {
    expect(pageOf({})).toEqual({ limit: 50, offset: 0 });
    expect(pageOf({ _count: '5000', _offset: '20' })).toEqual({ limit: 1000, offset: 20 });
    expect(() => pageOf({ _count: ['1', '2'] })).toThrow(FhirError);
    expect(() => pageOf({ _count: '1.5' })).toThrow(FhirError);
  });

  it('reads Observation parameters into one filter', () => {
    const all = Object.values(instruments);
    const { filter, used } = observationSearch(
      {
        patient: 'Patient/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000',
        code: 'http://loinc.org|8867-4,44261-6',
        date: ['ge2026-11-20', 'lt2026-11-21'],
        colour: 'blue',
      },
      false,
      all,
    );
    expect(filter.patientIds).toEqual(['7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000']);
    expect(filter.vitalKinds).toEqual(['hr']);
    expect(filter.instruments.map((i) => i.id)).toEqual(['phq9']);
    expect(filter.dates).toHaveLength(2);
    expect(used).toEqual(['patient', 'code', 'date']);
    expect(observationSearch({ category: 'survey' }, false, all).filter.vitalKinds).toEqual([]);
    expect(observationSearch({ category: 'vital-signs' }, false, all).filter.instruments).toEqual([]);
    expect(
      observationSearch({ patient: 'Group/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000' }, false, all).filter
        .patientIds,
    ).toEqual([]);
    expect(() => observationSearch({ colour: 'blue' }, true, all)).toThrow(FhirError);
  });

  it('reads Patient identifiers: our MRN system or none; other systems match nothing', () => {
    expect(patientSearch({ identifier: 'urn:openkap:mrn|K1001' }, false).filter.mrns).toEqual(['K1001']);
    expect(patientSearch({ identifier: 'K1001,K1002' }, false).filter.mrns).toEqual(['K1001', 'K1002']);
    expect(patientSearch({ identifier: 'http://hospital.example/mrn|K1001' }, false).filter.mrns).toEqual([]);
    expect(patientSearch({ 'name:contains': 'oka' }, false).filter.names).toEqual([
      { mode: 'contains', values: ['oka'] },
    ]);
    expect(() => patientSearch({ 'name:missing': 'true' }, false)).toThrow(FhirError);
  });
});
