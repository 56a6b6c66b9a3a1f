import { describe, expect, it } from 'vitest';
import { MADRS_ITEM10_ALERT_AT } from '../instruments/madrs.ts';
import { ClinicSettingsUpdate, clinicSettingsOf, defaultClinicSettings } from './settings.ts';

describe('clinic settings', () => {
  it('defaults the MADRS item-10 alert level to 4, the clinical-judgement default', () => {
    expect(MADRS_ITEM10_ALERT_AT).toBe(4);
    expect(defaultClinicSettings).toEqual({ madrsItem10AlertAt: 4 });
  });

  it('reads the stored object over the defaults, and a value no longer valid as the default', () => {
    expect(clinicSettingsOf({})).toEqual(defaultClinicSettings);
    expect(clinicSettingsOf(null)).toEqual(defaultClinicSettings);
    expect(clinicSettingsOf({ madrsItem10AlertAt: 5 })).toEqual({ madrsItem10AlertAt: 5 });
    expect(clinicSettingsOf({ madrsItem10AlertAt: 9, retired: true })).toEqual(defaultClinicSettings);
  });

  it('takes a change of named, valid settings only', () => {
    expect(ClinicSettingsUpdate.safeParse({ madrsItem10AlertAt: 3 }).success).toBe(true);
    for (const bad of [
      {},
      { madrsItem10AlertAt: 0 },
      { madrsItem10AlertAt: 7 },
      { madrsItem10AlertAt: 4.5 },
      { x: 1 },
    ]) {
      expect(ClinicSettingsUpdate.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
