import { conditionRules, type ConditionFlagCode } from './condition-flags.ts';

/**
 * `contraindication`: a label says "contraindicated" or "should not be used"; `relative_contraindication`:
 * a label or guideline says "not recommended", or the labels disagree; `caution`: assess and monitor.
 * None blocks a session by itself: every open flag needs a physician's acknowledgement (a
 * contraindication's with a note), which is where the clinical judgement is recorded.
 */
export type FlagSeverity = 'caution' | 'relative_contraindication' | 'contraindication';

export type ScreeningFlagCode =
  | 'opioid_antagonist'
  | 'benzodiazepine'
  | 'benzodiazepine_high_dose'
  | 'benzodiazepine_dose_unknown'
  | 'maoi'
  | 'psychostimulant'
  | 'cns_depressant'
  | 'antipsychotic'
  | 'lamotrigine'
  | 'hypertension_uncontrolled'
  | 'hypertension_history'
  | 'baseline_bp_elevated'
  | 'psychosis_history'
  | 'pregnancy'
  | 'bipolar_without_mood_stabilizer'
  | 'active_substance_use'
  | ConditionFlagCode;

export interface ScreeningFlag {
  /** Stable: acknowledgements are stored against code (+ medicationName). */
  code: ScreeningFlagCode;
  severity: FlagSeverity;
  title: string;
  reason: string;
  source: string;
  medicationName?: string;
}

export interface FlagRule {
  severity: FlagSeverity;
  title: string;
  /** General clinical reason; the screen adds the patient's specifics in front. */
  reason: string;
  source: string;
}

/*
 * What each flag means and where it comes from (shared/reference/domain.md §2.3, §2.4, §2.5;
 * the medical-history contraindications are in condition-flags.ts).
 * Severities are our reading of the sources; every entry is clinic-editable data.
 */
export const flagRules: Readonly<Record<ScreeningFlagCode, FlagRule>> = {
  opioid_antagonist: {
    severity: 'caution',
    title: 'Opioid antagonist',
    reason: 'May blunt the antidepressant response to ketamine; evidence is mixed.',
    source:
      '[U] Williams et al. 2018, Am J Psychiatry (naltrexone blocked the effect; later studies disagree); clinic FAQ in shared/seed',
  },
  benzodiazepine: {
    severity: 'caution',
    title: 'Benzodiazepine',
    reason: 'Adds sedation, and may reduce and shorten the antidepressant effect.',
    source:
      'https://www.frontiersin.org/articles/10.3389/fpsyt.2020.00844/full ; Bakker 2021 https://moreblossom.com/papers/pharmacodynamic-interactions-between-ketamine-and-psychiatric-medications-used-i',
  },
  benzodiazepine_high_dose: {
    severity: 'caution',
    title: 'High benzodiazepine dose',
    reason:
      'Non-responders took more than 8 mg diazepam-equivalent a day (ROC sensitivity 80 %, specificity 85 %).',
    source:
      'https://www.frontiersin.org/articles/10.3389/fpsyt.2020.00844/full ; equivalences: Ashton Manual via https://eguideline.guidelinecentral.com/i/1532950/18',
  },
  benzodiazepine_dose_unknown: {
    severity: 'caution',
    title: 'Benzodiazepine dose unknown',
    reason:
      'The daily diazepam-equivalent could not be added up, so the high-dose check leaves this medication out: record the dose in mg and the times a day.',
    source:
      'https://www.frontiersin.org/articles/10.3389/fpsyt.2020.00844/full ; equivalences: Ashton Manual via https://eguideline.guidelinecentral.com/i/1532950/18 and WHO 2009 https://www.ncbi.nlm.nih.gov/books/NBK310652/',
  },
  maoi: {
    severity: 'caution',
    title: 'MAO inhibitor',
    reason:
      'Possible blood-pressure rise; listed on the Spravato REMS monitoring form (case reports found no relevant vital-sign change). Linezolid and methylene blue are MAO inhibitors too (FDA 2011).',
    source:
      'https://manualspro.net/445029-spravato-patient-monitoring-form-instructions ; Bakker 2021 ; FDA Drug Safety Communications 2011: linezolid http://www.fda.gov/Drugs/DrugSafety/ucm276251.htm , methylene blue https://www.fda.gov/Drugs/DrugSafety/ucm276119.htm',
  },
  psychostimulant: {
    severity: 'caution',
    title: 'Psychostimulant',
    reason:
      'Can add to the rise in blood pressure and heart rate; listed on the Spravato REMS monitoring form.',
    source: 'https://manualspro.net/445029-spravato-patient-monitoring-form-instructions',
  },
  cns_depressant: {
    severity: 'caution',
    title: 'CNS depressant',
    reason: 'Additive sedation and risk of respiratory depression.',
    source:
      'Spravato REMS form and video https://jnjmedicalconnect.com/products/spravato/video-spravato-rems-patient-monitoring-form-overview',
  },
  antipsychotic: {
    severity: 'caution',
    title: 'Antipsychotic',
    reason: 'May blunt the effects of ketamine.',
    source:
      'Bakker 2021 https://moreblossom.com/papers/pharmacodynamic-interactions-between-ketamine-and-psychiatric-medications-used-i',
  },
  lamotrigine: {
    severity: 'caution',
    title: 'Lamotrigine',
    reason: 'Reduces ketamine side effects; 2 of 5 studies found an attenuated antidepressant effect.',
    source:
      'https://legacy.psychiatrist.com/jcp/depression/ketamine-for-depression-pharmacokinetic-and-pharmacodynamic-drug-interactions ; Bakker 2021',
  },
  hypertension_uncontrolled: {
    severity: 'relative_contraindication',
    title: 'Uncontrolled hypertension',
    reason:
      'Ketamine raises blood pressure (peak about 40 min); resting BP above 180/100 mmHg is a label contraindication.',
    source:
      'https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications ; ASRA 2018 https://www.guidelinecentral.com/guideline/8150/',
  },
  hypertension_history: {
    severity: 'caution',
    title: 'Hypertension (controlled)',
    reason:
      'Severe hypertension during infusions is more likely with a history of hypertension and with age; 43 % of episodes came in the first 3 infusions.',
    source: 'Gen Hosp Psychiatry 2024 https://litmetric.com/detail/38991311 ; Osmind intake guide',
  },
  baseline_bp_elevated: {
    severity: 'caution',
    title: 'Elevated blood pressure',
    reason: 'The Spravato label advises considering a delay when BP before dosing is above 140/90 mmHg.',
    source: 'http://butalbitalapap.org/index-4966.html (Spravato label)',
  },
  psychosis_history: {
    severity: 'relative_contraindication',
    title: 'History of psychosis',
    reason: 'Ketamine can provoke psychotic symptoms; active psychosis is a relative contraindication.',
    source:
      'ASRA 2018 https://www.guidelinecentral.com/guideline/8150/ ; https://osmind.org/blog/iv-ketamine-intake-documentation-guide',
  },
  pregnancy: {
    severity: 'relative_contraindication',
    title: 'Pregnancy',
    reason: 'Relative contraindication; esketamine is not recommended in pregnancy.',
    source: 'ASRA 2018 https://www.guidelinecentral.com/guideline/8150/ ; Spravato label',
  },
  bipolar_without_mood_stabilizer: {
    severity: 'relative_contraindication',
    title: 'Bipolar disorder without a mood stabilizer',
    reason: 'Patients with bipolar disorder should be on a mood stabilizer before ketamine.',
    source: 'https://osmind.org/blog/iv-ketamine-intake-documentation-guide',
  },
  active_substance_use: {
    severity: 'relative_contraindication',
    title: 'Active substance use',
    reason: 'ASRA advises against serial infusions with active substance abuse.',
    source: 'ASRA 2018 https://www.guidelinecentral.com/guideline/8150/',
  },
  ...conditionRules,
};
