import { roundTo } from '../dosing/round.ts';
import { DomainError, requireNumber } from '../errors.ts';
import { diazepamEquivalentMg } from './benzodiazepines.ts';
import { flagRules } from './flags.ts';
import type { ScreeningFlag, ScreeningFlagCode } from './flags.ts';
import { matchIngredients } from './match.ts';
import type { DrugClass, Ingredient } from './medications.ts';

export interface ScreeningMedication {
  name: string;
  rxnormCode?: string | null;
  /** Strength of one dose in mg. */
  doseMg?: number | null;
  timesPerDay?: number | null;
}

export interface ScreeningConditions {
  hypertension?: 'none' | 'controlled' | 'uncontrolled';
  psychosisHistory?: boolean;
  pregnant?: boolean;
  bipolarWithoutMoodStabilizer?: boolean;
  activeSubstanceUse?: boolean;
}

export interface ScreeningInput {
  medications: readonly ScreeningMedication[];
  conditions: ScreeningConditions;
  /** Resting blood pressure at intake, mmHg. */
  baselineBp?: { sbp: number; dbp: number } | null;
}

export interface ScreeningConfig {
  /** Flag above this many mg diazepam-equivalent per day (Frontiers 2020: > 8). */
  benzodiazepineHighDoseMgPerDay: number;
  /** "Uncontrolled" above this resting BP (Swiss label: > 180/100). */
  uncontrolledBp: { sbp: number; dbp: number };
  /** Caution above this BP (Spravato label: consider delay if > 140/90). */
  elevatedBp: { sbp: number; dbp: number };
}

export const defaultScreeningConfig: ScreeningConfig = {
  benzodiazepineHighDoseMgPerDay: 8,
  uncontrolledBp: { sbp: 180, dbp: 100 },
  elevatedBp: { sbp: 140, dbp: 90 },
};

const flagForClass: Readonly<Record<DrugClass, ScreeningFlagCode>> = {
  opioid_antagonist: 'opioid_antagonist',
  benzodiazepine: 'benzodiazepine',
  maoi: 'maoi',
  psychostimulant: 'psychostimulant',
  opioid: 'cns_depressant',
  z_drug: 'cns_depressant',
  gabapentinoid: 'cns_depressant',
  barbiturate: 'cns_depressant',
  other_cns_depressant: 'cns_depressant',
  antipsychotic: 'antipsychotic',
  lamotrigine: 'lamotrigine',
};

/**
 * Intake screen: medication interactions and conditions that need a prescriber's review.
 * Returns flags, relative contraindications first; an empty list means nothing was found, not "safe".
 */
export function screenPatient(
  input: ScreeningInput,
  config: ScreeningConfig = defaultScreeningConfig,
): ScreeningFlag[] {
  if (
    !Array.isArray(input.medications) ||
    typeof input.conditions !== 'object' ||
    input.conditions === null
  ) {
    throw new DomainError('invalid_input', 'Screening needs a medications list and a conditions object');
  }
  const flags = [
    ...medicationFlags(input.medications.map(checkMedication), config),
    ...conditionFlags(input.conditions, input.baselineBp ?? null, config),
  ];
  const rank = (f: ScreeningFlag): number => (f.severity === 'relative_contraindication' ? 0 : 1);
  return flags.sort((a, b) => rank(a) - rank(b));
}

function checkMedication(med: ScreeningMedication): ScreeningMedication {
  if (typeof med?.name !== 'string' || med.name.trim() === '') {
    throw new DomainError('invalid_input', 'Every medication needs a name', { medication: med });
  }
  if (med.doseMg != null) {
    requireNumber(med.doseMg, `${med.name}: doseMg`, { positive: true });
  }
  if (med.timesPerDay != null) {
    requireNumber(med.timesPerDay, `${med.name}: timesPerDay`, { positive: true });
  }
  return med;
}

function flag(code: ScreeningFlagCode, specifics: string, medicationName?: string): ScreeningFlag {
  const rule = flagRules[code];
  return {
    code,
    severity: rule.severity,
    title: rule.title,
    reason: `${specifics} ${rule.reason}`,
    source: rule.source,
    ...(medicationName === undefined ? {} : { medicationName }),
  };
}

function medicationFlags(
  medications: readonly ScreeningMedication[],
  config: ScreeningConfig,
): ScreeningFlag[] {
  const flags: ScreeningFlag[] = [];
  let diazepamTotal = 0;
  const benzoNames: string[] = [];
  const unknownDose: string[] = [];

  for (const med of medications) {
    const name = med.name.trim();
    const found = matchIngredients(name, med.rxnormCode);
    // One flag per code per medication: Adderall is two stimulants but one entry to acknowledge.
    const byCode = new Map<ScreeningFlagCode, Ingredient[]>();
    for (const ingredient of found) {
      const code = flagForClass[ingredient.drugClass];
      byCode.set(code, [...(byCode.get(code) ?? []), ingredient]);
    }

    for (const [code, matched] of byCode) {
      const names = matched.map((i) => i.name).join(' + ');
      let specifics = `${name} (${names}).`;
      if (code === 'benzodiazepine') {
        benzoNames.push(name);
        const equivalent = dailyDiazepamEquivalent(med, matched);
        if (equivalent === null) {
          unknownDose.push(name);
        } else {
          diazepamTotal += equivalent;
          specifics = `${name} (${names}): about ${roundTo(equivalent, 1)} mg diazepam-equivalent a day.`;
        }
      }
      flags.push(flag(code, specifics, name));
    }
  }

  if (diazepamTotal > config.benzodiazepineHighDoseMgPerDay) {
    const partial = unknownDose.length > 0 ? ` (not counting ${unknownDose.join(', ')}: dose unknown)` : '';
    flags.push(
      flag(
        'benzodiazepine_high_dose',
        `About ${roundTo(diazepamTotal, 1)} mg diazepam-equivalent a day from ${benzoNames.join(', ')}${partial}, above ${config.benzodiazepineHighDoseMgPerDay} mg.`,
        benzoNames.join(', '),
      ),
    );
  }
  return flags;
}

/** Null when the daily amount cannot be known (missing dose or frequency, or two benzodiazepines in one entry). */
function dailyDiazepamEquivalent(med: ScreeningMedication, matched: readonly Ingredient[]): number | null {
  const [only] = matched;
  if (matched.length !== 1 || !only || med.doseMg == null || med.timesPerDay == null) {
    return null;
  }
  return diazepamEquivalentMg(only.name, med.doseMg * med.timesPerDay);
}

function conditionFlags(
  conditions: ScreeningConditions,
  bp: { sbp: number; dbp: number } | null,
  config: ScreeningConfig,
): ScreeningFlag[] {
  const flags: ScreeningFlag[] = [];
  if (bp) {
    requireNumber(bp.sbp, 'baselineBp.sbp', { positive: true });
    requireNumber(bp.dbp, 'baselineBp.dbp', { positive: true });
  }
  const above = (limit: { sbp: number; dbp: number }): boolean =>
    bp !== null && (bp.sbp > limit.sbp || bp.dbp > limit.dbp);
  const bpText = bp ? `${bp.sbp}/${bp.dbp} mmHg` : '';

  if (conditions.hypertension === 'uncontrolled' || above(config.uncontrolledBp)) {
    const why = [
      conditions.hypertension === 'uncontrolled' ? 'Hypertension recorded as uncontrolled' : '',
      above(config.uncontrolledBp)
        ? `baseline ${bpText} is above ${config.uncontrolledBp.sbp}/${config.uncontrolledBp.dbp}`
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    flags.push(flag('hypertension_uncontrolled', `${capitalise(why)}.`));
  } else {
    if (conditions.hypertension === 'controlled') {
      flags.push(flag('hypertension_history', 'Hypertension recorded as controlled.'));
    }
    if (above(config.elevatedBp)) {
      flags.push(
        flag(
          'baseline_bp_elevated',
          `Baseline ${bpText} is above ${config.elevatedBp.sbp}/${config.elevatedBp.dbp}.`,
        ),
      );
    }
  }
  if (conditions.psychosisHistory) {
    flags.push(flag('psychosis_history', 'History of psychosis recorded.'));
  }
  if (conditions.pregnant) {
    flags.push(flag('pregnancy', 'Patient is pregnant.'));
  }
  if (conditions.bipolarWithoutMoodStabilizer) {
    flags.push(flag('bipolar_without_mood_stabilizer', 'Bipolar disorder without a mood stabilizer.'));
  }
  if (conditions.activeSubstanceUse) {
    flags.push(flag('active_substance_use', 'Active substance use recorded.'));
  }
  return flags;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
