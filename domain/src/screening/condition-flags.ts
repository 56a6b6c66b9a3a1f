import type { FlagRule } from './flags.ts';

/** Flags from the patient's medical history that the ketamine and esketamine labels name. */
export type ConditionFlagCode =
  | 'aneurysm_or_avm'
  | 'intracerebral_hemorrhage'
  | 'recent_stroke'
  | 'recent_myocardial_infarction'
  | 'stroke_history'
  | 'myocardial_infarction_history'
  | 'untreated_hyperthyroidism'
  | 'raised_intracranial_pressure'
  | 'raised_intraocular_pressure'
  | 'severe_hepatic_impairment'
  | 'moderate_hepatic_impairment'
  | 'pre_eclampsia';

/*
 * Sources, each read in this session [V]:
 * SPRAVATO_EU  Spravato EU SmPC (EMA, rev. 2025) §4.3: contraindicated where a rise in blood pressure or
 *              intracranial pressure poses a serious risk: aneurysmal vascular disease (intracranial,
 *              thoracic or abdominal aorta, peripheral arterial vessels), history of intracerebral
 *              haemorrhage, recent (within 6 weeks) cardiovascular event including myocardial infarction;
 *              §4.4: other cardiovascular and cerebrovascular conditions need a careful benefit/risk assessment.
 *              https://www.rxreasoner.com/monographs/spravato/precautions
 * SPRAVATO_US  Spravato US label: aneurysmal vascular disease or arteriovenous malformation; history of
 *              intracerebral hemorrhage. https://www.oncologynurseadvisor.com/drug/spravato/ ;
 *              not recommended in severe hepatic impairment, longer monitoring in moderate:
 *              http://butalbitalapap.org/index-4966.html
 * SWISS        Swiss ketamine label, contraindications: patients in whom a rise in blood pressure is a
 *              serious hazard (e.g. a previous cerebrovascular insult); pre-eclampsia and eclampsia;
 *              untreated or inadequately treated hyperthyroidism.
 *              https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications
 * KETALAR_UK   Ketalar UK SmPC: eclampsia or pre-eclampsia, severe coronary or myocardial disease,
 *              cerebrovascular accident, cerebral trauma. https://rxreasoner.com/monographs/ketalar/precautions
 * ASRA         ASRA/AAPM/ASA 2018 IV ketamine for chronic pain: raised intracranial or intraocular pressure;
 *              severe hepatic disease: avoid; moderate: caution. https://www.guidelinecentral.com/guideline/8150/
 * MILLER       Miller's Anesthesia, nonbarbiturate IV anaesthetics: patients with raised ICP should not
 *              receive ketamine; contraindicated where a rise in intraocular pressure would be detrimental.
 *              http://web.squ.edu.om/med-Lib/MED_CD/E_CDs/anesthesia/site/content/v02/020261r00.HTM
 * Severity is our reading of the sources (flags.ts explains the three levels).
 */
export const conditionRules: Readonly<Record<ConditionFlagCode, FlagRule>> = {
  aneurysm_or_avm: {
    severity: 'contraindication',
    title: 'Aneurysmal vascular disease or AV malformation',
    reason:
      'Ketamine and esketamine raise blood pressure; the Spravato labels contraindicate aneurysmal vascular disease (aortic, intracranial or peripheral) and arteriovenous malformation.',
    source:
      'Spravato US label https://www.oncologynurseadvisor.com/drug/spravato/ ; Spravato EU SmPC §4.3 https://www.rxreasoner.com/monographs/spravato/precautions',
  },
  intracerebral_hemorrhage: {
    severity: 'contraindication',
    title: 'History of intracerebral hemorrhage',
    reason:
      'A history of intracerebral hemorrhage is a Spravato label contraindication (blood-pressure rise).',
    source:
      'Spravato US label https://www.oncologynurseadvisor.com/drug/spravato/ ; Spravato EU SmPC §4.3 https://www.rxreasoner.com/monographs/spravato/precautions',
  },
  recent_stroke: {
    severity: 'contraindication',
    title: 'Recent stroke',
    reason:
      'A recent cardiovascular event is an esketamine contraindication (EU label: within 6 weeks); the ketamine labels name a previous cerebrovascular accident.',
    source:
      'Spravato EU SmPC §4.3 https://www.rxreasoner.com/monographs/spravato/precautions ; Swiss label https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications ; Ketalar UK SmPC https://rxreasoner.com/monographs/ketalar/precautions',
  },
  recent_myocardial_infarction: {
    severity: 'contraindication',
    title: 'Recent myocardial infarction',
    reason:
      'A recent cardiovascular event, including myocardial infarction, is an esketamine contraindication (EU label: within 6 weeks).',
    source: 'Spravato EU SmPC §4.3 https://www.rxreasoner.com/monographs/spravato/precautions',
  },
  stroke_history: {
    severity: 'relative_contraindication',
    title: 'Previous stroke',
    reason:
      'The Swiss and UK ketamine labels contraindicate ketamine after a cerebrovascular accident; the esketamine label only a recent one and asks for a benefit/risk assessment.',
    source:
      'Swiss label https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications ; Ketalar UK SmPC https://rxreasoner.com/monographs/ketalar/precautions ; Spravato EU SmPC §4.3–4.4 https://www.rxreasoner.com/monographs/spravato/precautions',
  },
  myocardial_infarction_history: {
    severity: 'caution',
    title: 'Previous myocardial infarction',
    reason:
      'Ketamine raises blood pressure and heart rate; the esketamine label asks for a careful benefit/risk assessment in cardiovascular disease.',
    source:
      'Spravato EU SmPC §4.4 https://www.rxreasoner.com/monographs/spravato/precautions ; Ketalar UK SmPC https://rxreasoner.com/monographs/ketalar/precautions',
  },
  untreated_hyperthyroidism: {
    severity: 'contraindication',
    title: 'Untreated hyperthyroidism',
    reason: 'Untreated or inadequately treated hyperthyroidism is a ketamine label contraindication.',
    source: 'Swiss label https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications',
  },
  raised_intracranial_pressure: {
    severity: 'contraindication',
    title: 'Raised intracranial pressure',
    reason:
      'Ketamine can raise intracranial pressure; the esketamine label contraindicates it where a rise in intracranial pressure poses a serious risk.',
    source:
      'Spravato EU SmPC §4.3 https://www.rxreasoner.com/monographs/spravato/precautions ; ASRA 2018 https://www.guidelinecentral.com/guideline/8150/ ; Miller http://web.squ.edu.om/med-Lib/MED_CD/E_CDs/anesthesia/site/content/v02/020261r00.HTM',
  },
  raised_intraocular_pressure: {
    severity: 'relative_contraindication',
    title: 'Raised intraocular pressure',
    reason:
      'Ketamine raises intraocular pressure; avoid where a rise would harm the eye (glaucoma, eye injury).',
    source:
      'ASRA 2018 https://www.guidelinecentral.com/guideline/8150/ ; Miller http://web.squ.edu.om/med-Lib/MED_CD/E_CDs/anesthesia/site/content/v02/020261r00.HTM',
  },
  severe_hepatic_impairment: {
    severity: 'relative_contraindication',
    title: 'Severe hepatic impairment',
    reason: 'ASRA advises avoiding ketamine in severe hepatic disease; esketamine is not recommended.',
    source:
      'ASRA 2018 https://www.guidelinecentral.com/guideline/8150/ ; Spravato label http://butalbitalapap.org/index-4966.html',
  },
  moderate_hepatic_impairment: {
    severity: 'caution',
    title: 'Moderate hepatic impairment',
    reason: 'Use with caution (ASRA); esketamine needs a longer observation after dosing.',
    source:
      'ASRA 2018 https://www.guidelinecentral.com/guideline/8150/ ; Spravato label http://butalbitalapap.org/index-4966.html',
  },
  pre_eclampsia: {
    severity: 'contraindication',
    title: 'Pre-eclampsia or eclampsia',
    reason: 'Pre-eclampsia and eclampsia are ketamine label contraindications (blood-pressure rise).',
    source:
      'Swiss label https://ch.oddb.org/en/gcc/fachinfo/reg/67199/chapter/contra_indications ; Ketalar UK SmPC https://rxreasoner.com/monographs/ketalar/precautions',
  },
};
