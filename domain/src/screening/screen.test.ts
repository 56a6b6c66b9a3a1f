import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { defaultScreeningConfig, screenPatient } from './screen.ts';
import type { ScreeningInput, ScreeningMedication } from './screen.ts';

function meds(...medications: ScreeningMedication[]): ScreeningInput {
  return { medications, conditions: {} };
}

function codes(input: ScreeningInput): string[] {
  return screenPatient(input).map((f) => f.code);
}

describe('screenPatient: medications', () => {
  it('returns no flags for an empty intake', () => {
    expect(screenPatient({ medications: [], conditions: {} })).toEqual([]);
  });

  it('ignores medications that do not interact (e.g. sertraline)', () => {
    expect(codes(meds({ name: 'Sertraline 100 mg' }))).toEqual([]);
  });

  it.each([
    ['Vivitrol 380 mg IM monthly', 'naltrexone'],
    ['naltrexone', 'naltrexone'],
    ['Narcan nasal spray', 'naloxone'],
    ['Selincro', 'nalmefene'],
    ['Lybalvi 10/10', 'samidorphan'],
    ['Contrave', 'naltrexone'],
  ])('flags %s as an opioid antagonist (%s)', (name, ingredient) => {
    const flags = screenPatient(meds({ name }));
    const antagonist = flags.find((f) => f.code === 'opioid_antagonist');
    expect(antagonist).toMatchObject({ severity: 'caution', medicationName: name });
    expect(antagonist?.reason).toContain(ingredient);
  });

  it('matches by RxNorm ingredient code even when the name is unhelpful', () => {
    expect(codes(meds({ name: 'monthly injection', rxnormCode: '7243' }))).toEqual(['opioid_antagonist']);
  });

  it('falls back to the name when the RxNorm code is not an ingredient we know', () => {
    expect(codes(meds({ name: 'Xanax 0.5 mg', rxnormCode: '308047', doseMg: 0.25, timesPerDay: 1 }))).toEqual(
      ['benzodiazepine'],
    );
  });

  it('matches brand names case-insensitively and as whole words only', () => {
    expect(codes(meds({ name: 'XANAX 0.5MG' }))).toContain('benzodiazepine');
    expect(codes(meds({ name: 'dextroamphetamine 10 mg' }))).toEqual(['psychostimulant']);
    expect(codes(meds({ name: 'Xanaxyl' }))).toEqual([]);
  });

  it('computes the diazepam equivalent of one benzodiazepine and flags a high dose', () => {
    // Alprazolam 0.5 mg three times a day = 1.5 mg = 30 mg diazepam.
    const flags = screenPatient(meds({ name: 'Xanax 0.5 mg', doseMg: 0.5, timesPerDay: 3 }));
    expect(flags.map((f) => f.code)).toEqual(['benzodiazepine', 'benzodiazepine_high_dose']);
    expect(flags[0]?.reason).toContain('about 30 mg diazepam-equivalent');
    expect(flags[1]?.reason).toContain('About 30 mg diazepam-equivalent a day from Xanax 0.5 mg');
  });

  it('does not flag a dose exactly at the threshold, flags just above it', () => {
    // Lorazepam 0.8 mg/day = 8 mg diazepam; 0.9 mg/day = 9 mg.
    expect(codes(meds({ name: 'lorazepam', doseMg: 0.4, timesPerDay: 2 }))).toEqual(['benzodiazepine']);
    expect(codes(meds({ name: 'lorazepam', doseMg: 0.45, timesPerDay: 2 }))).toContain(
      'benzodiazepine_high_dose',
    );
  });

  it('adds up several benzodiazepines', () => {
    // Diazepam 5 mg + temazepam 10 mg (= 5 mg diazepam) = 10 mg.
    const flags = screenPatient(
      meds({ name: 'Valium', doseMg: 5, timesPerDay: 1 }, { name: 'Restoril', doseMg: 10, timesPerDay: 1 }),
    );
    const high = flags.find((f) => f.code === 'benzodiazepine_high_dose');
    expect(high?.medicationName).toBe('Valium, Restoril');
    expect(high?.reason).toContain('About 10 mg');
  });

  it('still flags a benzodiazepine with an unknown dose, and says so in the high-dose sum', () => {
    const flags = screenPatient(
      meds({ name: 'clonazepam', doseMg: 1, timesPerDay: 1 }, { name: 'Ativan PRN' }),
    );
    expect(flags.filter((f) => f.code === 'benzodiazepine')).toHaveLength(2);
    const high = flags.find((f) => f.code === 'benzodiazepine_high_dose');
    expect(high?.reason).toContain('not counting Ativan PRN: dose unknown');
    expect(flags.find((f) => f.code === 'benzodiazepine_dose_unknown')?.medicationName).toBe('Ativan PRN');
  });

  it('flags a benzodiazepine without a known dose as "dose unknown", even when the known doses are low', () => {
    // Issue 10: below the threshold the old screen said nothing about the dose it could not count.
    const flags = screenPatient(
      meds({ name: 'clonazepam', doseMg: 0.25, timesPerDay: 1 }, { name: 'Ativan PRN' }),
    );
    expect(flags.map((f) => f.code)).toEqual([
      'benzodiazepine',
      'benzodiazepine',
      'benzodiazepine_dose_unknown',
    ]);
    expect(flags[2]).toMatchObject({
      severity: 'caution',
      title: 'Benzodiazepine dose unknown',
      medicationName: 'Ativan PRN',
    });
    expect(flags[2]?.reason).toContain(
      'Dose unknown: diazepam-equivalent not computed for Ativan PRN (no dose in mg recorded).',
    );
  });

  it.each<[string, ScreeningMedication, string]>([
    ['no frequency', { name: 'Xanax', doseMg: 0.5 }, 'Xanax (times a day not recorded)'],
    [
      'two benzodiazepines in one entry',
      { name: 'clonazepam or lorazepam at night', doseMg: 1, timesPerDay: 1 },
      'clonazepam or lorazepam at night (several benzodiazepines in one entry)',
    ],
  ])('says why the equivalent is unknown: %s', (_label, medication, why) => {
    const unknown = screenPatient(meds(medication)).find((f) => f.code === 'benzodiazepine_dose_unknown');
    expect(unknown?.reason).toContain(`not computed for ${why}.`);
  });

  it('names every benzodiazepine of unknown dose in one flag', () => {
    const flags = screenPatient(meds({ name: 'Ativan PRN' }, { name: 'Klonopin' }));
    const unknown = flags.filter((f) => f.code === 'benzodiazepine_dose_unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.medicationName).toBe('Ativan PRN, Klonopin');
  });

  it.each([
    // 10 mg diazepam-equivalent each: 1 mg flunitrazepam, lormetazepam, loprazolam or etizolam.
    ['Rohypnol 1 mg', 'flunitrazepam', 1, 1],
    ['flunitrazepam', 'flunitrazepam', 0.5, 2],
    ['Noctamid', 'lormetazepam', 1, 1],
    ['lormetazepam 0.5 mg', 'lormetazepam', 0.5, 2],
    ['loprazolam', 'loprazolam', 1, 1],
    ['Dormonoct', 'loprazolam', 0.5, 2],
    ['etizolam 0.5 mg', 'etizolam', 0.5, 2],
    ['Depas', 'etizolam', 1, 1],
  ])('recognises %s as %s and computes its diazepam equivalent', (name, ingredient, doseMg, timesPerDay) => {
    const flags = screenPatient(meds({ name, doseMg, timesPerDay }));
    expect(flags.map((f) => f.code)).toEqual(['benzodiazepine', 'benzodiazepine_high_dose']);
    expect(flags[0]?.reason).toContain(`(${ingredient}): about 10 mg diazepam-equivalent a day`);
  });

  it('uses the clinic threshold from config', () => {
    const config = { ...defaultScreeningConfig, benzodiazepineHighDoseMgPerDay: 40 };
    const flags = screenPatient(meds({ name: 'Xanax', doseMg: 0.5, timesPerDay: 3 }), config);
    expect(flags.map((f) => f.code)).toEqual(['benzodiazepine']);
  });

  it.each([
    ['Nardil 15 mg', 'maoi'],
    ['Emsam patch', 'maoi'],
    ['Adderall XR 20 mg', 'psychostimulant'],
    ['Vyvanse', 'psychostimulant'],
    ['Provigil', 'psychostimulant'],
    ['OxyContin 10 mg', 'cns_depressant'],
    ['Ambien 10 mg', 'cns_depressant'],
    ['gabapentin 300 mg', 'cns_depressant'],
    ['Lyrica', 'cns_depressant'],
    ['Fioricet', 'cns_depressant'],
    ['phenobarbital', 'cns_depressant'],
    ['Seroquel 50 mg qhs', 'antipsychotic'],
    ['Risperdal', 'antipsychotic'],
    ['Lamictal 200 mg', 'lamotrigine'],
    ['Zyvox 600 mg', 'maoi'],
    ['linezolid', 'maoi'],
    ['Methylene blue 1 mg/kg IV', 'maoi'],
    ['ProvayBlue', 'maoi'],
    ['methylthioninium chloride', 'maoi'],
  ])('flags %s as %s', (name, code) => {
    expect(codes(meds({ name }))).toEqual([code]);
  });

  it('gives one flag per class per medication for combination products', () => {
    const flags = screenPatient(meds({ name: 'Adderall 20 mg' }));
    expect(flags).toHaveLength(1);
    expect(flags[0]?.reason).toContain('amphetamine + dextroamphetamine');
  });

  it('flags each class in a combination product', () => {
    expect(codes(meds({ name: 'Suboxone 8/2 mg' })).sort()).toEqual(['cns_depressant', 'opioid_antagonist']);
    expect(codes(meds({ name: 'Lybalvi' })).sort()).toEqual(['antipsychotic', 'opioid_antagonist']);
  });

  it.each<[string, ScreeningMedication]>([
    ['an empty name', { name: '  ' }],
    ['a negative dose', { name: 'Xanax', doseMg: -1 }],
    ['a zero frequency', { name: 'Xanax', doseMg: 1, timesPerDay: 0 }],
    ['a NaN dose', { name: 'Xanax', doseMg: Number.NaN }],
  ])('rejects %s', (_label, medication) => {
    expect(() => screenPatient(meds(medication))).toThrow(DomainError);
  });

  it('rejects a missing medications list or conditions object', () => {
    expect(() => screenPatient({ conditions: {} } as unknown as ScreeningInput)).toThrow(DomainError);
    expect(() => screenPatient({ medications: [] } as unknown as ScreeningInput)).toThrow(DomainError);
  });
});

describe('screenPatient: conditions and blood pressure', () => {
  it('flags uncontrolled hypertension as a relative contraindication', () => {
    const flags = screenPatient({ medications: [], conditions: { hypertension: 'uncontrolled' } });
    expect(flags).toMatchObject([
      { code: 'hypertension_uncontrolled', severity: 'relative_contraindication' },
    ]);
  });

  it('treats a resting BP above 180/100 as uncontrolled, but not exactly 180/100', () => {
    const at = (sbp: number, dbp: number): string[] =>
      codes({ medications: [], conditions: {}, baselineBp: { sbp, dbp } });
    expect(at(181, 90)).toEqual(['hypertension_uncontrolled']);
    expect(at(150, 101)).toEqual(['hypertension_uncontrolled']);
    expect(at(180, 100)).toEqual(['baseline_bp_elevated']);
    expect(at(141, 80)).toEqual(['baseline_bp_elevated']);
    expect(at(140, 90)).toEqual([]);
  });

  it('gives one uncontrolled-hypertension flag naming both reasons', () => {
    const flags = screenPatient({
      medications: [],
      conditions: { hypertension: 'uncontrolled' },
      baselineBp: { sbp: 190, dbp: 105 },
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.reason).toMatch(/^Hypertension recorded as uncontrolled; baseline 190\/105 mmHg/);
  });

  it('flags controlled hypertension as a caution', () => {
    expect(codes({ medications: [], conditions: { hypertension: 'controlled' } })).toEqual([
      'hypertension_history',
    ]);
    expect(codes({ medications: [], conditions: { hypertension: 'none' } })).toEqual([]);
  });

  it('flags psychosis, pregnancy, bipolar without a mood stabilizer and active substance use', () => {
    const flags = screenPatient({
      medications: [],
      conditions: {
        psychosisHistory: true,
        pregnant: true,
        bipolarWithoutMoodStabilizer: true,
        activeSubstanceUse: true,
      },
    });
    expect(flags.map((f) => f.code)).toEqual([
      'psychosis_history',
      'pregnancy',
      'bipolar_without_mood_stabilizer',
      'active_substance_use',
    ]);
    expect(flags.every((f) => f.severity === 'relative_contraindication' && f.source.length > 0)).toBe(true);
  });

  it('lists contraindications, then relative contraindications, then cautions', () => {
    const flags = screenPatient({
      medications: [{ name: 'Xanax', doseMg: 0.25, timesPerDay: 1 }],
      conditions: { pregnant: true, preEclampsia: true },
    });
    expect(flags.map((f) => f.code)).toEqual(['pre_eclampsia', 'pregnancy', 'benzodiazepine']);
    expect(flags.map((f) => f.severity)).toEqual([
      'contraindication',
      'relative_contraindication',
      'caution',
    ]);
  });

  it('rejects an impossible baseline BP', () => {
    expect(() => screenPatient({ medications: [], conditions: {}, baselineBp: { sbp: 0, dbp: 80 } })).toThrow(
      DomainError,
    );
  });
});
