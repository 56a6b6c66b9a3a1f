import { describe, expect, it } from 'vitest';
import { precheckStatus } from './prechecks.ts';
import type { PrecheckInput } from './prechecks.ts';

const complete: PrecheckInput = {
  consentSigned: true,
  fastingConfirmed: true,
  escortName: 'Sam Rivera',
  baselineVitals: { hr: 72, sbp: 128, dbp: 82, spo2: 98 },
  isFirstInfusion: true,
  unacknowledgedFlagCodes: [],
  weight: { ageDays: 3, maxAgeDays: 30 },
};

describe('precheckStatus', () => {
  it('is complete when every item is done', () => {
    const status = precheckStatus(complete);
    expect(status.complete).toBe(true);
    expect(status.missing).toEqual([]);
    expect(status.items.map((i) => i.id)).toEqual([
      'consent_signed',
      'fasting_confirmed',
      'escort_confirmed',
      'baseline_vitals_recorded',
      'screening_flags_acknowledged',
      'weight_current',
    ]);
  });

  it('wants a weight within the protocol’s limit: 30 days passes, 31 or none does not', () => {
    const at = (ageDays: number | null) =>
      precheckStatus({ ...complete, weight: { ageDays, maxAgeDays: 30 } });
    expect(at(30).complete).toBe(true);
    expect(at(31).missing).toEqual(['weight_current']);
    expect(at(null).missing).toEqual(['weight_current']);
    expect(at(31).items.find((i) => i.id === 'weight_current')?.label).toBe('Weight measured within 30 days');
  });

  it('lists what is missing', () => {
    const status = precheckStatus({
      ...complete,
      consentSigned: false,
      fastingConfirmed: false,
      escortName: '  ',
      baselineVitals: null,
      unacknowledgedFlagCodes: ['benzodiazepine'],
    });
    expect(status.complete).toBe(false);
    expect(status.missing).toEqual([
      'consent_signed',
      'fasting_confirmed',
      'escort_confirmed',
      'baseline_vitals_recorded',
      'screening_flags_acknowledged',
    ]);
  });

  it('needs every baseline vital', () => {
    const status = precheckStatus({ ...complete, baselineVitals: { hr: 72, sbp: 128, dbp: null, spo2: 98 } });
    expect(status.missing).toEqual(['baseline_vitals_recorded']);
    expect(precheckStatus({ ...complete, escortName: undefined }).missing).toEqual(['escort_confirmed']);
  });

  it('requires flag acknowledgement only for a first infusion by default', () => {
    const later = { ...complete, isFirstInfusion: false, unacknowledgedFlagCodes: ['maoi'] };
    const status = precheckStatus(later);
    expect(status.complete).toBe(true);
    expect(status.items.find((i) => i.id === 'screening_flags_acknowledged')).toMatchObject({
      required: false,
      done: false,
    });
    expect(precheckStatus(later, { acknowledgeFlags: 'every_infusion' }).missing).toEqual([
      'screening_flags_acknowledged',
    ]);
  });
});

describe('precheckStatus: baseline vitals', () => {
  it('does not count impossible baseline values', () => {
    const status = precheckStatus({ ...complete, baselineVitals: { hr: 72, sbp: 128, dbp: 82, spo2: 150 } });
    expect(status.missing).toEqual(['baseline_vitals_recorded']);
  });
});

describe('precheckStatus: the patient address for the controlled-substance record', () => {
  it('blocks the first dose while the address is missing and the clinic keeps its ledger here', () => {
    const status = precheckStatus({ ...complete, patientAddress: { onFile: false, required: true } });
    expect(status.complete).toBe(false);
    expect(status.missing).toEqual(['patient_address_recorded']);
    expect(precheckStatus({ ...complete, patientAddress: { onFile: true, required: true } }).complete).toBe(
      true,
    );
  });

  it('shows but does not require it when the clinic keeps no ledger here', () => {
    const status = precheckStatus({ ...complete, patientAddress: { onFile: false, required: false } });
    expect(status.complete).toBe(true);
    expect(status.items.at(-1)).toMatchObject({
      id: 'patient_address_recorded',
      required: false,
      done: false,
    });
  });
});
