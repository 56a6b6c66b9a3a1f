import { DomainError, requireNumber } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import { roundTo } from './round.ts';

/*
 * Which weight a mg/kg dose is computed from.
 * DEVINE   Ideal body weight (Devine BJ. Gentamicin therapy. DICP 1974;8:650–5): men 50 kg, women 45.5 kg,
 *          + 2.3 kg per inch over 5 ft. https://globalrph.com/medcalcs/adjusted-body-weight-ajbw-and-ideal-body-weight-ibw-calc/
 *          ; https://clincalc.com/Kinetics/IdealBW.aspx [V]. The formula is by sex; we use the chart's sex and
 *          refuse rather than guess when it is neither female nor male.
 * ADJUSTED Adjusted body weight = IBW + 0.4 × (actual − IBW) for drug dosing (Bauer LA, Applied clinical
 *          pharmacokinetics 2001; same two pages) [V]. GlobalRPh: when actual weight is below the calculated
 *          one, actual weight is used; so the dosing weight is never above actual.
 * OBESITY  Ketamine in extreme obesity (BMI > 40): dose by IBW or adjusted body weight (Erstad & Barletta,
 *          Crit Care 2020;24:315, https://pmc.ncbi.nlm.nih.gov/articles/PMC7282067 [V abstract], summarised
 *          at http://umem.org/pipermail/education/attachments/20200616/f9587cc4/attachment.html [V]).
 *          The depression and pain trials dosed by actual weight [U], so actual is every built-in
 *          protocol's default; the basis and the BMI it starts at are protocol settings.
 * BMI      kg / m²; WHO: obese ≥ 30, class II ≥ 35, class III ≥ 40
 *          (https://perioperativemedicinejournal.biomedcentral.com/articles/10.1186/2047-0525-2-12/tables/1) [V].
 * RECENT   Weigh patients at each encounter; do not rely on a historical weight (NCC MERP 2018,
 *          https://nccmerp.org/recommendations-weigh-patients-and-document-metric-weights-ensure-accurate-medication-dosing-adopted ;
 *          ISMP Canada 2016, order entry should "require recent values",
 *          https://readkong.com/page/weight-based-medication-dose-errors-ismp-canada-9775519) [V]. The 30-day
 *          limit is a clinical-judgement default (outpatients re-weighed about monthly), a protocol setting.
 */

export const weightBases = ['actual', 'adjusted', 'ideal'] as const;
export type WeightBasis = (typeof weightBases)[number];

export interface DosingWeightRule {
  /** The weight used at or above `fromBmi`; actual body weight below it. */
  basis: WeightBasis;
  /** BMI (kg/m²) at or above which `basis` applies; null with basis 'actual'. */
  fromBmi: number | null;
  /** Oldest weight an order may use, in days; older blocks the order until the patient is re-weighed. */
  maxAgeDays: number;
}

/** RECENT, OBESITY: actual body weight, weighed within 30 days (clinical-judgement default). */
export const defaultDosingWeightRule: DosingWeightRule = { basis: 'actual', fromBmi: null, maxAgeDays: 30 };

/** What the editor proposes when a clinic switches to adjusted or ideal weight: BMI 40 (OBESITY) [judgement]. */
export const suggestedFromBmi = 40;

export interface DosingWeight {
  basis: WeightBasis;
  /** The weight the mg/kg dose is computed from, 0.1 kg. */
  kg: number;
  actualKg: number;
  /** The day the weight was measured (yyyy-mm-dd). */
  measuredOn: string;
  ageDays: number;
  heightCm: number | null;
  heightOn: string | null;
  /** 0.1 kg/m²; null without a height. */
  bmi: number | null;
  /** Devine IBW, 0.1 kg, when it was needed. */
  idealKg: number | null;
  /** Why this weight, as a short clause: "protocol default", "BMI 46.9 ≥ 40". */
  note: string;
}

export interface DosingWeightInput {
  weight: { kg: number; measuredOn: string };
  height: { cm: number; measuredOn: string } | null;
  sex: string;
  /** The clinic's calendar day of the order (yyyy-mm-dd); the domain has no clock. */
  today: string;
  rule: DosingWeightRule;
}

/** kg/m², 0.1. */
export function bodyMassIndex(kg: number, cm: number): number {
  const m = requireNumber(cm, 'heightCm', { positive: true }) / 100;
  return roundTo(requireNumber(kg, 'weightKg', { positive: true }) / (m * m), 1);
}

/** DEVINE, in kg (unrounded). */
export function idealBodyWeightKg(cm: number, sex: 'female' | 'male'): number {
  const inchesOver5ft = requireNumber(cm, 'heightCm', { positive: true }) / 2.54 - 60;
  return (sex === 'male' ? 50 : 45.5) + 2.3 * inchesOver5ft;
}

/** ADJUSTED, in kg (unrounded). */
export function adjustedBodyWeightKg(actualKg: number, idealKg: number): number {
  return idealKg + 0.4 * (actualKg - idealKg);
}

const basisWords: Record<WeightBasis, string> = {
  actual: 'actual body weight',
  adjusted: 'adjusted body weight',
  ideal: 'ideal body weight',
};

/**
 * The weight an order uses, or a refusal that says what to record first: a weight older than the
 * protocol allows (`weight_out_of_date`), no height when the protocol switches weight by BMI
 * (`height_required`), no female/male sex for the IBW formula (`sex_required`).
 */
export function dosingWeight(input: DosingWeightInput): DosingWeight {
  const { rule } = input;
  const actualKg = requireNumber(input.weight.kg, 'weightKg', { positive: true });
  const ageDays = Math.max(0, isoDateToDay(input.today) - isoDateToDay(input.weight.measuredOn));
  if (ageDays > rule.maxAgeDays) {
    throw new DomainError(
      'weight_out_of_date',
      `The last weight (${input.weight.measuredOn}) is ${ageDays} days old; this protocol doses from a weight at most ${rule.maxAgeDays} days old. Re-weigh the patient first.`,
      { measuredOn: input.weight.measuredOn, ageDays, maxAgeDays: rule.maxAgeDays },
    );
  }
  const heightCm = input.height?.cm ?? null;
  const bmi = heightCm == null ? null : bodyMassIndex(actualKg, heightCm);
  const base = {
    actualKg,
    measuredOn: input.weight.measuredOn,
    ageDays,
    heightCm,
    heightOn: input.height?.measuredOn ?? null,
    bmi,
  };
  const actual = (note: string): DosingWeight => ({
    ...base,
    basis: 'actual',
    kg: roundTo(actualKg, 1),
    idealKg: null,
    note,
  });
  if (rule.basis === 'actual' || rule.fromBmi == null) {
    return actual('protocol default');
  }
  if (bmi == null) {
    throw new DomainError(
      'height_required',
      `This protocol doses by ${basisWords[rule.basis]} from BMI ${rule.fromBmi}: record the patient’s height first.`,
      { basis: rule.basis, fromBmi: rule.fromBmi },
    );
  }
  if (bmi < rule.fromBmi) {
    return actual(`BMI ${bmi} < ${rule.fromBmi}`);
  }
  if (input.sex !== 'female' && input.sex !== 'male') {
    throw new DomainError(
      'sex_required',
      `BMI ${bmi} ≥ ${rule.fromBmi}: this protocol doses by ${basisWords[rule.basis]}, whose formula (Devine) needs the chart’s sex as female or male. Record it, or edit the protocol.`,
      { basis: rule.basis, bmi, sex: input.sex },
    );
  }
  const idealKg = idealBodyWeightKg(heightCm as number, input.sex);
  const chosen = rule.basis === 'ideal' ? idealKg : adjustedBodyWeightKg(actualKg, idealKg);
  const kg = roundTo(Math.min(actualKg, chosen), 1);
  return {
    ...base,
    basis: chosen < actualKg ? rule.basis : 'actual',
    kg,
    idealKg: roundTo(idealKg, 1),
    note:
      chosen < actualKg
        ? `BMI ${bmi} ≥ ${rule.fromBmi}`
        : `BMI ${bmi} ≥ ${rule.fromBmi}; actual weight is below the ${basisWords[rule.basis]}`,
  };
}
