import { describe, expect, it } from 'vitest';
import { noConditions, PatientConditions, PatientInput, PatientUpdate } from './schema.ts';

describe('patient payloads', () => {
  it('fills defaults on create', () => {
    const p = PatientInput.parse({
      givenName: 'A',
      familyName: 'B',
      birthDate: '1990-01-01',
      indicationCode: 'f33.2',
    });
    expect(p).toMatchObject({
      sex: 'unknown',
      allergies: [],
      indicationCode: 'F33.2',
      conditions: { hypertension: 'none' },
    });
  });

  it('never fills defaults on update: absent fields stay absent', () => {
    expect(PatientUpdate.parse({ phone: '555-0100' })).toEqual({ phone: '555-0100' });
  });

  it('refuses an ICD-10-CM code that is not one, and an impossible weight', () => {
    expect(PatientUpdate.safeParse({ indicationCode: 'depression' }).success).toBe(false);
    expect(
      PatientInput.safeParse({
        givenName: 'A',
        familyName: 'B',
        birthDate: '1990-01-01',
        indicationCode: 'F33.2',
        weightKg: -1,
      }).success,
    ).toBe(false);
  });

  it('reads conditions stored before the medical-history fields existed as "not recorded"', () => {
    expect(PatientConditions.parse({ hypertension: 'controlled' })).toEqual({
      ...noConditions,
      hypertension: 'controlled',
    });
  });

  it('takes the medical-history facts, with a stroke or infarction dated by day or month', () => {
    const conditions = PatientConditions.parse({
      aneurysmOrAvm: true,
      intracerebralHemorrhageHistory: true,
      strokeOn: '2026-10',
      myocardialInfarctionOn: ' 2025-03-14 ',
      hyperthyroidismUntreated: true,
      raisedIntracranialPressure: true,
      raisedIntraocularPressure: true,
      hepaticImpairment: 'severe',
      preEclampsia: true,
    });
    expect(conditions).toMatchObject({ strokeOn: '2026-10', myocardialInfarctionOn: '2025-03-14' });
  });

  it.each([
    ['a date in another format', { strokeOn: '14/03/2025' }, 'strokeOn'],
    ['an impossible month', { myocardialInfarctionOn: '2025-13' }, 'myocardialInfarctionOn'],
    ['an impossible day', { strokeOn: '2025-02-30' }, 'strokeOn'],
    ['a yes instead of a date', { strokeOn: true }, 'strokeOn'],
    ['an unknown hepatic grade', { hepaticImpairment: 'child-pugh c' }, 'hepaticImpairment'],
  ])('refuses %s', (_label, conditions, path) => {
    const parsed = PatientUpdate.safeParse({ conditions });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['conditions', path]);
  });
});
