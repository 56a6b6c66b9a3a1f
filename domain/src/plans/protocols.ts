import { DomainError } from '../errors.ts';
import { defaultDosingWeightRule } from '../dosing/dosing-weight.ts';
import { defaultVitalAlertRules } from '../monitoring/alerts.ts';
import { defaultMeasures } from './measures.ts';
import { defaultSessionSafety } from '../infusions/session-safety.ts';
import type { Protocol } from './protocol.ts';

/*
 * Sources for the defaults below (see shared/reference/domain.md §2.1):
 * ANDRADE  Andrade C. J Clin Psychiatry 2017;78(7):e852: 0.5 mg/kg over 40 min is standard; some respond to
 *          0.1 mg/kg, some need up to 0.75 mg/kg. "Conventionally administered across 40 minutes; however,
 *          safety and efficacy have been demonstrated in sessions ranging between 2 and 100 minutes."
 *          https://dev2.psychiatrist.com/jcp/ketamine-for-depression-dosing-administration-and-duration [V]
 * SCHWARTZMAN Schwartzman RJ, et al. Outpatient intravenous ketamine for the treatment of complex regional
 *          pain syndrome: a double-blind placebo controlled study. Pain 2009;147(1–3):107–115: 4 h daily for
 *          10 days, "maximum ketamine infusion rate was 0.35 mg/kg/h, not to exceed 25 mg/h".
 *          https://journals.lww.com/pain/Abstract/2009/12150/Outpatient_intravenous_ketamine_for_the_treatment.21.aspx [V abstract]
 * WEIGHT   Dosing weight (actual / adjusted / ideal), the BMI that switches it and the 30-day weight limit:
 *          sources and judgements in dosing/dosing-weight.ts. Every built-in protocol doses by actual weight.
 * SERIES   6 infusions in about 12 days (3 a week, Mon/Wed/Fri) or over about 3 weeks (2 a week).
 *          https://nyketamine.com/?p=433 ; https://dreamscapeketamine.com/free-consultation/ [V]
 * BOOSTER  Boosters tailored, on average every 4 weeks (clinic FAQ in shared/seed) and 4–6 weeks apart
 *          (nyketamine) [V]. We seed 28 days, the short end.
 * ASRA     Cohen et al. 2018 ASRA/AAPM/ASA IV ketamine for chronic pain: infusion 0.5–2 mg/kg/h outside the
 *          ICU; bolus up to 0.35 mg/kg; CRPS 0.35 mg/kg/h over 4 h daily × 10 days (moderate evidence);
 *          dose-response with ≥ 80 mg over > 2 h; no serial infusions with active substance abuse.
 *          https://www.guidelinecentral.com/guideline/8150/ [V]
 * KRUPITSKY Krupitsky et al. 2002, J Subst Abuse Treat: 2.0 mg/kg IM vs 0.2 mg/kg IM with psychotherapy.
 *          https://www.jsatjournal.com/article/S0740-5472(02)00275-1/fulltext [V]
 * SPRAVATO Esketamine induction twice weekly weeks 1–4, weekly weeks 5–8, then every 1–2 weeks.
 *          https://www.oncologynurseadvisor.com/drug/spravato/ [V]
 * KARE     Grabski M, et al. Adjunctive ketamine with relapse prevention–based psychological therapy in the
 *          treatment of alcohol use disorder. Am J Psychiatry 2022;179(2):152–162.
 *          https://doi.org/10.1176/appi.ajp.2021.21030277 [V abstract]: phase 2, 96 patients with severe
 *          alcohol use disorder; three weekly infusions of 0.8 mg/kg IV over 40 min, with mindfulness-based
 *          relapse prevention therapy (seven 90-min sessions) or alcohol education; ketamine gave 10.1 %
 *          (95 % CI 1.1–19.0) more abstinent days over 6 months than saline, no difference in relapse.
 *          Summary with the session counts: https://www.psychiatryadvisor.com/home/topics/addiction/alcohol-related-disorders/ketamine-infusions-were-associated-with-fewer-days-of-alcohol-use/ [V]
 * VIAL     Ketamine is sold as 10, 50 and 100 mg/mL; 100 mg/mL must be diluted for IV (Ketalar label [U];
 *          https://www.droracle.ai/articles/788538/ [V, low authority]). We default to 10 mg/mL for IV so
 *          draw volumes stay measurable (35 mg = 3.5 mL) — clinic choice.
 * DILUENT  100 mL 0.9 % sodium chloride over 40 min: clinic convention [U]; saline dilution over 40–45 min
 *          is described in Rodrigues et al. 2020, Expert Opin Drug Saf (https://ibook.pub/ketamine-z-602f8fd274a81.html) [V].
 */

const saline = '0.9% sodium chloride';

export const ivDepression: Protocol = {
  id: 'iv-depression',
  title: 'IV ketamine for depression',
  indication: 'depression',
  route: 'iv',
  sessionNoun: 'Infusion',
  // ANDRADE. The 40-min floor is the convention, not a proven minimum (2–100 min studied): a
  // clinical-judgement default a clinic may lower. The rate ceiling is the standard regimen's own
  // (0.5 mg/kg over 40 min = 0.75 mg/kg/h) [clinical-judgement default]: 0.75 mg/kg runs over ≥ 60 min.
  dose: {
    defaultMgPerKg: 0.5,
    durationMin: 40,
    limits: {
      minMgPerKg: 0.1,
      maxMgPerKg: 0.75,
      hardMaxMgPerKg: 0.75,
      minDurationMin: 40,
      maxMgPerKgPerHour: 0.75,
    },
  },
  // VIAL, DILUENT
  preparation: { vialConcentrationMgPerMl: 10, diluentVolumeMl: 100, diluent: saline },
  // SERIES: 3 a week, never on consecutive days (≥ 48 h).
  induction: { sessions: 6, minDaysBetween: 2, maxSessionsPerWeek: 3 },
  booster: { defaultIntervalDays: 28 },
  // 30 min after the dose ends: clinic default [U] (see monitoring/discharge.ts).
  recovery: { minObservationMin: 30 },
  alerts: defaultVitalAlertRules,
  safety: defaultSessionSafety('iv'),
  measures: defaultMeasures('depression'),
  notes: [
    'Boosters are tailored to symptoms; the default interval only proposes a date.',
    'Infusions run at least 40 min and at most 0.75 mg/kg/h (0.5 mg/kg over 40 min); a 0.75 mg/kg dose runs over 60 min.',
  ],
  sources: [
    'https://dev2.psychiatrist.com/jcp/ketamine-for-depression-dosing-administration-and-duration',
    'https://nyketamine.com/?p=433',
  ],
  // WEIGHT
  dosingWeight: defaultDosingWeightRule,
};

/**
 * PTSD: no PTSD-specific dosing is in our reference; we reuse the depression regimen, which matches
 * Feder et al. 2021 (Am J Psychiatry: six 0.5 mg/kg 40-min infusions over 2 weeks) [U: not checked here].
 */
export const ivPtsd: Protocol = {
  ...ivDepression,
  id: 'iv-ptsd',
  title: 'IV ketamine for PTSD',
  indication: 'ptsd',
  measures: defaultMeasures('ptsd'),
  notes: [
    'Regimen follows the depression protocol [U: Feder et al. 2021, not verified here].',
    'Agree a calming plan for the session before the first infusion.',
  ],
  sources: ['[U] Feder A, et al. Am J Psychiatry 2021;178(2):193-202'],
};

export const ivChronicPain: Protocol = {
  id: 'iv-chronic-pain',
  title: 'IV ketamine for chronic pain',
  indication: 'chronic_pain',
  route: 'iv',
  sessionNoun: 'Infusion',
  // ASRA: 0.35 mg/kg/h × 4 h = 1.4 mg/kg per session; rate ceiling 2 mg/kg/h outside the ICU.
  // The 0.35 minimum (the ASRA bolus ceiling) and the 2 mg/kg session maximum are clinic defaults [U].
  // SCHWARTZMAN: never above 25 mg/h (so 1.4 mg/kg over 4 h fits patients up to 71 kg; heavier patients
  // get less per kg). The 120-min floor follows ASRA's dose-response with infusions over > 2 h
  // [clinical-judgement default].
  dose: {
    defaultMgPerKg: 1.4,
    durationMin: 240,
    limits: {
      minMgPerKg: 0.35,
      maxMgPerKg: 2,
      hardMaxMgPerKg: 2,
      maxMgPerKgPerHour: 2,
      minDurationMin: 120,
      maxMgPerHour: 25,
    },
  },
  preparation: { vialConcentrationMgPerMl: 10, diluentVolumeMl: 100, diluent: saline },
  // ASRA CRPS regimen: daily × 10; 5 a week leaves weekends free [U clinic choice].
  induction: { sessions: 10, minDaysBetween: 1, maxSessionsPerWeek: 5 },
  booster: { defaultIntervalDays: 28 },
  // 30 min after the dose ends: clinic default [U] (see monitoring/discharge.ts).
  recovery: { minObservationMin: 30 },
  alerts: defaultVitalAlertRules,
  safety: defaultSessionSafety('iv'),
  measures: defaultMeasures('chronic_pain'),
  notes: [
    'ASRA 2018: bolus up to 0.35 mg/kg; infusion 0.5–2 mg/kg/h; dose-response seen with ≥ 80 mg over > 2 h.',
    'Schwartzman 2009 (outpatient CRPS): 0.35 mg/kg/h over 4 h daily × 10 days, never above 25 mg/h.',
    'ECG before treatment if cardiovascular risk; liver tests if liver risk or frequent high doses.',
  ],
  sources: [
    'https://www.guidelinecentral.com/guideline/8150/',
    'https://journals.lww.com/pain/Abstract/2009/12150/Outpatient_intravenous_ketamine_for_the_treatment.21.aspx',
  ],
  // WEIGHT
  dosingWeight: defaultDosingWeightRule,
};

export const imKap: Protocol = {
  id: 'im-kap',
  title: 'IM ketamine-assisted psychotherapy',
  indication: 'kap',
  route: 'im',
  sessionNoun: 'Session',
  // KRUPITSKY bounds the range (0.2–2.0 mg/kg). The 0.5 mg/kg start is a conservative clinic default,
  // titrated by response [U: not from the trial].
  dose: {
    defaultMgPerKg: 0.5,
    durationMin: null,
    limits: { minMgPerKg: 0.2, maxMgPerKg: 2, hardMaxMgPerKg: 2 },
  },
  // 50 mg/mL keeps IM volumes small (35 mg = 0.7 mL) [U clinic choice].
  preparation: { vialConcentrationMgPerMl: 50, diluentVolumeMl: 0, diluent: null },
  // Weekly sessions with integration therapy between them [U clinic default].
  induction: { sessions: 3, minDaysBetween: 7, maxSessionsPerWeek: 1 },
  booster: { defaultIntervalDays: 28 },
  // 30 min after the dose ends: clinic default [U] (see monitoring/discharge.ts).
  recovery: { minObservationMin: 30 },
  alerts: defaultVitalAlertRules,
  safety: defaultSessionSafety('im'),
  measures: defaultMeasures('kap'),
  notes: [
    'Krupitsky 2002: 2.0 mg/kg IM ("psychedelic") gave more 2-year abstinence than 0.2 mg/kg in heroin use disorder.',
    'Plan an integration-therapy visit 24–72 h after each session.',
  ],
  sources: ['https://www.jsatjournal.com/article/S0740-5472(02)00275-1/fulltext'],
  // WEIGHT
  dosingWeight: defaultDosingWeightRule,
};

export const intranasal: Protocol = {
  id: 'intranasal',
  title: 'Intranasal racemic ketamine (in clinic)',
  indication: 'depression',
  route: 'intranasal',
  sessionNoun: 'Session',
  // [U] no intranasal racemic dosing is in our reference. ≈ 50 mg for 70 kg (Lapidus 2014, not checked)
  // → 0.7 mg/kg; range 0.2–1.5 mg/kg is a clinic default.
  dose: {
    defaultMgPerKg: 0.7,
    durationMin: null,
    limits: { minMgPerKg: 0.2, maxMgPerKg: 1.5, hardMaxMgPerKg: 1.5 },
  },
  // Compounded sprays are commonly 100 mg/mL (10 mg per 0.1 mL spray) [U].
  preparation: { vialConcentrationMgPerMl: 100, diluentVolumeMl: 0, diluent: null },
  // Mirrors SPRAVATO weeks 1–4: twice weekly.
  induction: { sessions: 8, minDaysBetween: 2, maxSessionsPerWeek: 2 },
  // Mirrors SPRAVATO week 9 onward: every 2 weeks.
  booster: { defaultIntervalDays: 14 },
  // REMS: monitor ≥ 2 h after intranasal esketamine (https://www.spravatohcp.com/dosing-spravato-trd) [V].
  recovery: { minObservationMin: 120 },
  alerts: defaultVitalAlertRules,
  safety: defaultSessionSafety('intranasal'),
  measures: defaultMeasures('depression'),
  notes: [
    'Absorbed less and less predictably than IV (bioavailability 25–50 %); compounded sprays vary between pharmacies.',
    'Even at higher doses the effect appears less robust than IV (clinic FAQ, shared/seed).',
  ],
  sources: [
    'https://primidi.com/ketamine/pharmacokinetics',
    'https://www.oncologynurseadvisor.com/drug/spravato/',
  ],
  // WEIGHT
  dosingWeight: defaultDosingWeightRule,
};

/**
 * Alcohol use disorder, as in KARE: the substance-use cadence (craving and the weekly use diary) makes
 * the use diary due by default, and relapse-prevention therapy is booked around the three infusions.
 */
export const ivAlcoholRelapsePrevention: Protocol = {
  id: 'iv-alcohol-relapse-prevention',
  title: 'IV ketamine with relapse-prevention therapy for alcohol use disorder',
  indication: 'substance_use',
  route: 'iv',
  sessionNoun: 'Infusion',
  // KARE: 0.8 mg/kg over 40 min, the only dose studied, so it is also the ceiling. The 0.5 mg/kg floor
  // (the depression dose, ANDRADE) lets a prescriber step down for tolerability [U clinic default].
  // KARE's rate (0.8 mg/kg over 40 min = 1.2 mg/kg/h) is the rate ceiling, its 40 min the floor.
  dose: {
    defaultMgPerKg: 0.8,
    durationMin: 40,
    limits: {
      minMgPerKg: 0.5,
      maxMgPerKg: 0.8,
      hardMaxMgPerKg: 0.8,
      minDurationMin: 40,
      maxMgPerKgPerHour: 1.2,
    },
  },
  // VIAL, DILUENT
  preparation: { vialConcentrationMgPerMl: 10, diluentVolumeMl: 100, diluent: saline },
  // KARE: three infusions, one a week.
  induction: { sessions: 3, minDaysBetween: 7, maxSessionsPerWeek: 1 },
  // KARE gave no boosters; 28 days only seeds a date if the team decides on one [U].
  booster: { defaultIntervalDays: 28 },
  // 30 min after the dose ends: clinic default [U] (see monitoring/discharge.ts).
  recovery: { minObservationMin: 30 },
  alerts: defaultVitalAlertRules,
  safety: defaultSessionSafety('iv'),
  measures: defaultMeasures('substance_use'),
  notes: [
    'KARE (Grabski 2022): three weekly 0.8 mg/kg infusions over 40 min beside seven 90-min sessions of mindfulness-based relapse prevention therapy; more abstinent days at 6 months than placebo.',
    'KARE enrolled patients abstinent at the start (breathalyser-negative); check before each infusion.',
    'Book relapse-prevention therapy through the series and record each session on the chart.',
  ],
  sources: ['https://doi.org/10.1176/appi.ajp.2021.21030277'],
  // WEIGHT
  dosingWeight: defaultDosingWeightRule,
};

export type ProtocolRegistry = Readonly<Record<string, Protocol>>;

export const protocols: ProtocolRegistry = {
  [ivDepression.id]: ivDepression,
  [ivPtsd.id]: ivPtsd,
  [ivChronicPain.id]: ivChronicPain,
  [imKap.id]: imKap,
  [intranasal.id]: intranasal,
  [ivAlcoholRelapsePrevention.id]: ivAlcoholRelapsePrevention,
};

export function getProtocol(id: string, registry: ProtocolRegistry = protocols): Protocol {
  const protocol = Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (!protocol) {
    throw new DomainError('unknown_protocol', `Unknown protocol "${id}"`, { protocolId: id });
  }
  return protocol;
}
