import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkManualDose, injectionPlan, type ManualDoseCheck } from './administrations.ts';
import { defaultImSiteMaxMl } from './session-safety.ts';

const T0 = Date.UTC(2026, 11, 4, 15, 0);
const MIN = 60_000;

const im: ManualDoseCheck = {
  route: 'im',
  orderedDoseMg: 40,
  concentrationMgPerMl: 50,
  given: [],
  dose: { at: T0, doseMg: 40, volumeMl: 0.8, site: 'deltoid', side: 'left' },
  imSiteMaxMl: defaultImSiteMaxMl,
};

const nasal: ManualDoseCheck = {
  route: 'intranasal',
  orderedDoseMg: 50,
  concentrationMgPerMl: 100,
  given: [],
  dose: { at: T0, doseMg: 20, devices: 2, nostril: 'both' },
  imSiteMaxMl: defaultImSiteMaxMl,
};

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

describe('checkManualDose: IM injections', () => {
  it('one injection of the whole order completes the session', () => {
    expect(checkManualDose(im)).toEqual({ totalMg: 40, complete: true });
  });

  it('a split dose completes with the second injection', () => {
    const first = checkManualDose({
      ...im,
      orderedDoseMg: 150,
      dose: { at: T0, doseMg: 75, volumeMl: 1.5, site: 'deltoid', side: 'left' },
    });
    expect(first).toEqual({ totalMg: 75, complete: false });
    const second = checkManualDose({
      ...im,
      orderedDoseMg: 150,
      given: [{ at: T0, doseMg: 75 }],
      dose: { at: T0 + MIN, doseMg: 75, volumeMl: 1.5, site: 'deltoid', side: 'right' },
    });
    expect(second).toEqual({ totalMg: 150, complete: true });
  });

  it('flags a volume above what the site takes, naming how many injections to split into', () => {
    const over = { ...im, orderedDoseMg: 150, dose: { ...im.dose, doseMg: 150, volumeMl: 3 } };
    expect(codeOf(() => checkManualDose(over))).toBe('volume_above_site_limit');
    try {
      checkManualDose(over);
    } catch (error) {
      expect((error as DomainError).details).toMatchObject({ site: 'deltoid', maxMl: 2, injections: 2 });
      expect((error as DomainError).message).toMatch(/split the dose into 2 injections/);
    }
    // The ventrogluteal site takes 3 mL.
    expect(checkManualDose({ ...over, dose: { ...over.dose, site: 'ventrogluteal' } }).complete).toBe(true);
    // The setting is the clinic's: a lower deltoid limit refuses less.
    const strict = { ...im, imSiteMaxMl: { ...defaultImSiteMaxMl, deltoid: 0.5 } };
    expect(codeOf(() => checkManualDose(strict))).toBe('volume_above_site_limit');
  });

  it('refuses a dose above what is left of the order', () => {
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, doseMg: 45, volumeMl: 0.9 } }))).toBe(
      'dose_above_order',
    );
    expect(
      codeOf(() => checkManualDose({ ...im, given: [{ at: T0 - MIN, doseMg: 40 }], dose: { ...im.dose } })),
    ).toBe('dose_above_order');
  });

  it('refuses a volume that does not match the dose at the strength drawn', () => {
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, volumeMl: 1.6 } }))).toBe(
      'volume_dose_mismatch',
    );
  });

  it('needs a site and a volume, and no nasal fields', () => {
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, site: null } }))).toBe('invalid_input');
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, volumeMl: null } }))).toBe(
      'invalid_input',
    );
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, nostril: 'left' } }))).toBe(
      'invalid_input',
    );
  });

  it('refuses a dose charted before the previous one, or a non-positive dose', () => {
    const given = [{ at: T0, doseMg: 10 }];
    expect(codeOf(() => checkManualDose({ ...im, given, dose: { ...im.dose, at: T0 - MIN } }))).toBe(
      'invalid_input',
    );
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, doseMg: 0 } }))).toBe('invalid_input');
    expect(codeOf(() => checkManualDose({ ...im, dose: { ...im.dose, doseMg: Number.NaN } }))).toBe(
      'invalid_input',
    );
  });
});

describe('checkManualDose: intranasal devices', () => {
  it('counts devices toward the order and completes at the ordered dose', () => {
    expect(checkManualDose(nasal)).toEqual({ totalMg: 20, complete: false });
    const last = checkManualDose({
      ...nasal,
      given: [
        { at: T0, doseMg: 20 },
        { at: T0 + 5 * MIN, doseMg: 20 },
      ],
      dose: { at: T0 + 10 * MIN, doseMg: 10, devices: 1, nostril: 'left' },
    });
    expect(last).toEqual({ totalMg: 50, complete: true });
  });

  it('stops short of the order when the clinician says it is the last dose', () => {
    expect(checkManualDose({ ...nasal, final: true })).toEqual({ totalMg: 20, complete: true });
  });

  it('needs devices and a nostril, and no injection site', () => {
    expect(codeOf(() => checkManualDose({ ...nasal, dose: { ...nasal.dose, devices: 0 } }))).toBe(
      'invalid_input',
    );
    expect(codeOf(() => checkManualDose({ ...nasal, dose: { ...nasal.dose, devices: 1.5 } }))).toBe(
      'invalid_input',
    );
    expect(codeOf(() => checkManualDose({ ...nasal, dose: { ...nasal.dose, nostril: null } }))).toBe(
      'invalid_input',
    );
    expect(codeOf(() => checkManualDose({ ...nasal, dose: { ...nasal.dose, site: 'deltoid' } }))).toBe(
      'invalid_input',
    );
  });
});

describe('injectionPlan', () => {
  it('gives one injection when the site takes the volume', () => {
    expect(injectionPlan(0.8, 'deltoid', 2)).toEqual({
      site: 'deltoid',
      maxMl: 2,
      injections: 1,
      volumesMl: [0.8],
    });
    expect(injectionPlan(2, 'deltoid', 2).injections).toBe(1);
  });

  it('splits evenly into as few injections as fit, the volumes adding up exactly', () => {
    const plan = injectionPlan(5, 'deltoid', 2);
    expect(plan.injections).toBe(3);
    expect(plan.volumesMl).toEqual([1.67, 1.67, 1.66]);
    expect(plan.volumesMl.reduce((a, b) => a + b, 0)).toBeCloseTo(5, 10);
  });
});
