import { describe, expect, it } from 'vitest';
import { PatientInput, PatientUpdate } from './schema.ts';

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
});
