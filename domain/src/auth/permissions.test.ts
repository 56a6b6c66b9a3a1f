import { describe, expect, it } from 'vitest';
import { permissions, roleCan, rolesAllowed } from './permissions.ts';
import { staffRoles } from './schema.ts';

describe('permissions', () => {
  it('lets only physicians acknowledge screening flags and only admins issue tokens', () => {
    expect(staffRoles.filter((r) => roleCan(r, 'flags.acknowledge'))).toEqual(['physician']);
    expect(staffRoles.filter((r) => roleCan(r, 'tokens.manage'))).toEqual(['admin']);
  });

  it('keeps billing and therapists away from the infusion pump and the dose order', () => {
    for (const p of ['infusions.chart', 'infusions.order'] as const) {
      expect(roleCan('billing', p)).toBe(false);
      expect(roleCan('therapist', p)).toBe(false);
      expect(roleCan('nurse', p)).toBe(true);
    }
  });

  it('lets physicians, nurses and the front desk work the monitor message queue', () => {
    expect(staffRoles.filter((r) => roleCan(r, 'devices.review'))).toEqual([
      'physician',
      'nurse',
      'front_desk',
    ]);
  });

  it('lets administrators, physicians and nurses set which chair and time zone a monitor has', () => {
    expect(staffRoles.filter((r) => roleCan(r, 'devices.configure'))).toEqual([
      'admin',
      'physician',
      'nurse',
    ]);
  });

  it('lets only clinical staff rate clinician-rated scales, though the front desk may enter the rest', () => {
    expect(staffRoles.filter((r) => roleCan(r, 'questionnaires.rate'))).toEqual([
      'physician',
      'nurse',
      'therapist',
    ]);
    expect(roleCan('front_desk', 'questionnaires.enter')).toBe(true);
    expect(roleCan('front_desk', 'questionnaires.rate')).toBe(false);
    // Rating is a kind of entering: whoever may rate may also enter.
    for (const r of rolesAllowed('questionnaires.rate')) {
      expect(roleCan(r, 'questionnaires.enter')).toBe(true);
    }
  });

  it('names only known roles, and every role can read patients', () => {
    for (const roles of Object.values(permissions)) {
      for (const r of roles) {
        expect(staffRoles).toContain(r);
      }
    }
    expect(rolesAllowed('patients.read')).toEqual(staffRoles);
  });
});
