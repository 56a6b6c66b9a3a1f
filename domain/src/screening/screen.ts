import { roundTo } from '../dosing/round.ts';
import { DomainError, requireNumber } from '../errors.ts';
import { diazepamEquivalentMg } from './benzodiazepines.ts';
import { flagRules } from './flags.ts';
import type { FlagSeverity, ScreeningFlag, ScreeningFlagCode } from './flags.ts';
import { historyFindings, type HistoryConditions } from './history.ts';
import { matchIngredients } from './match.ts';
import type { DrugClass, Ingredient } from './medications.ts';

export interface ScreeningMedication {
  name: string;
  rxnormCode?: string | null;
  /** Strength of one dose in mg. */
  doseMg?: number | null;
  timesPerDay?: number | null;
}

export interface ScreeningConditions extends HistoryConditions {
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
  /** The clinic's today (yyyy-mm-dd): dated history (stroke, infarction) is judged against it. */
  today?: string | null;
}

export interface ScreeningConfig {
  /** Flag above this many mg diazepam-equivalent per day (Frontiers 2020: > 8). */
  benzodiazepineHighDoseMgPerDay: number;
  /** "Uncontrolled" above this resting BP (Swiss label: > 180/100). */
  uncontrolledBp: { sbp: number; dbp: number };
  /** Caution above this BP (Spravato label: consider delay if > 140/90). */
  elevatedBp: { sbp: number; dbp: number };
  /**
   * A stroke or myocardial infarction this many days ago or fewer is "recent" (a contraindication).
   * Default 42: the Spravato EU SmPC §4.3 contraindicates a "recent (within 6 weeks) cardiovascular
   * event, including myocardial infarction" (https://www.rxreasoner.com/monographs/spravato/precautions).
   * A protocol can set its own window (Protocol.screening); extending 6 weeks to strokes is a
   * clinical-judgement default (the ketamine labels name a previous stroke without a window).
   */
  recentEventWindowDays: number;
}

export const defaultScreeningConfig: ScreeningConfig = {
  benzodiazepineHighDoseMgPerDay: 8,
  uncontrolledBp: { sbp: 180, dbp: 100 },
  elevatedBp: { sbp: 140, dbp: 90 },
  recentEventWindowDays: 42,
};

const severityRank: Readonly<Record<FlagSeverity, number>> = {
  contraindication: 0,
  relative_contraindication: 1,
  caution: 2,
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
 * Returns flags, contraindications first, then relative contraindications, then cautions; an empty list means nothing was found, not "safe".
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
    ...historyFindings(input.conditions, input.today ?? null, config.recentEventWindowDays).map((f) =>
      flag(f.code, f.specifics),
    ),
  ];
  return flags.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
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
  const unknownDose: { name: string; why: string }[] = [];

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
        if (typeof equivalent === 'string') {
          unknownDose.push({ name, why: equivalent });
        } else {
          diazepamTotal += equivalent;
          specifics = `${name} (${names}): about ${roundTo(equivalent, 1)} mg diazepam-equivalent a day.`;
        }
      }
      flags.push(flag(code, specifics, name));
    }
  }

  const names = (list: readonly { name: string }[]): string => list.map((u) => u.name).join(', ');
  if (diazepamTotal > config.benzodiazepineHighDoseMgPerDay) {
    const partial = unknownDose.length > 0 ? ` (not counting ${names(unknownDose)}: dose unknown)` : '';
    flags.push(
      flag(
        'benzodiazepine_high_dose',
        `About ${roundTo(diazepamTotal, 1)} mg diazepam-equivalent a day from ${benzoNames.join(', ')}${partial}, above ${config.benzodiazepineHighDoseMgPerDay} mg.`,
        benzoNames.join(', '),
      ),
    );
  }
  if (unknownDose.length > 0) {
    // Never left out silently: the high-dose check above could not count these.
    const each = unknownDose.map((u) => `${u.name} (${u.why})`).join('; ');
    flags.push(
      flag(
        'benzodiazepine_dose_unknown',
        `Dose unknown: diazepam-equivalent not computed for ${each}.`,
        names(unknownDose),
      ),
    );
  }
  return flags;
}

/** mg diazepam-equivalent a day, or why it cannot be known. */
function dailyDiazepamEquivalent(med: ScreeningMedication, matched: readonly Ingredient[]): number | string {
  const [only] = matched;
  if (matched.length !== 1 || !only) {
    return 'several benzodiazepines in one entry';
  }
  if (med.doseMg == null || med.timesPerDay == null) {
    return med.doseMg == null ? 'no dose in mg recorded' : 'times a day not recorded';
  }
  return (
    diazepamEquivalentMg(only.name, med.doseMg * med.timesPerDay) ??
    `no diazepam equivalence on file for ${only.name}`
  );
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
