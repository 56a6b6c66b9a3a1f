export interface InterventionDose {
  amount: string;
  unit: 'mg' | 'L/min';
  route: 'IV' | 'PO' | 'ODT' | 'nasal cannula';
}

export interface Intervention {
  id: string;
  label: string;
  kind: 'medication' | 'oxygen' | 'infusion_change' | 'non_drug';
  /** Typical dose: a default the clinic's standing orders replace; the prescriber confirms each use. */
  defaultDoses: readonly InterventionDose[];
  /** Side-effect ids (side-effects.ts) this is commonly used for. */
  usedFor: readonly string[];
  source: string;
}

const SDN = 'https://forums.studentdoctor.net/threads/esketamine-clinic-prn-meds.1504698/latest [V]';
const UNVERIFIED = '[U] common practice, not in our reference; set by the clinic’s standing orders';

/*
 * PRN options from one academic esketamine clinic's protocol on SDN [V]: metoprolol tartrate 50 mg PO and
 * diltiazem 30 mg PO (in use); clonidine 0.1 mg PO and hydralazine 25 mg PO (proposed), with IV
 * hydralazine / PO clonidine for hypertension and labetalol for tachycardia cited from the literature.
 * Yip et al. 2022 advise managing asymptomatic transient rises as hypertensive urgency, not aggressively
 * (https://pmc.ncbi.nlm.nih.gov/articles/PMC9556663) [V]. Doses marked [U] are typical adult doses from
 * background knowledge only.
 */
export const interventions: readonly Intervention[] = [
  {
    id: 'pause_infusion',
    label: 'Pause infusion',
    kind: 'infusion_change',
    defaultDoses: [],
    usedFor: [
      'anxiety',
      'nausea',
      'elevated_bp',
      'tachycardia',
      'emergence_reaction',
      'respiratory_depression',
    ],
    source: 'https://ketaminesoftware.com/guides/iv-therapy-ehr-requirements (dose changes charted) [V]',
  },
  {
    id: 'reduce_rate',
    label: 'Reduce infusion rate or dose',
    kind: 'infusion_change',
    defaultDoses: [],
    usedFor: ['dissociation', 'anxiety', 'nausea', 'dizziness', 'sedation', 'elevated_bp'],
    source: 'https://ketaminesoftware.com/guides/iv-therapy-ehr-requirements [V]',
  },
  {
    id: 'stop_infusion',
    label: 'Stop infusion',
    kind: 'infusion_change',
    defaultDoses: [],
    usedFor: ['emergence_reaction', 'respiratory_depression', 'allergic_reaction'],
    source: 'Ketalar label https://medlibrary.org/lib/rx/meds/ketalar/page/2/ [V]',
  },
  {
    id: 'reassurance',
    label: 'Reassurance, dim lights, music, eye mask',
    kind: 'non_drug',
    defaultDoses: [],
    usedFor: ['anxiety', 'dissociation', 'perceptual_change', 'emergence_reaction'],
    source: UNVERIFIED,
  },
  {
    id: 'ondansetron',
    label: 'Ondansetron',
    kind: 'medication',
    defaultDoses: [
      { amount: '4', unit: 'mg', route: 'IV' },
      { amount: '4', unit: 'mg', route: 'ODT' },
    ],
    usedFor: ['nausea', 'vomiting'],
    source: `${UNVERIFIED}; antiemetics for patients prone to nausea: clinic FAQ in shared/seed`,
  },
  {
    id: 'labetalol',
    label: 'Labetalol',
    kind: 'medication',
    defaultDoses: [{ amount: '5–10', unit: 'mg', route: 'IV' }],
    usedFor: ['elevated_bp', 'tachycardia'],
    source: `drug named in ${SDN}; dose ${UNVERIFIED}`,
  },
  {
    id: 'clonidine',
    label: 'Clonidine',
    kind: 'medication',
    defaultDoses: [{ amount: '0.1', unit: 'mg', route: 'PO' }],
    usedFor: ['elevated_bp'],
    source: SDN,
  },
  {
    id: 'hydralazine',
    label: 'Hydralazine',
    kind: 'medication',
    defaultDoses: [{ amount: '25', unit: 'mg', route: 'PO' }],
    usedFor: ['elevated_bp'],
    source: SDN,
  },
  {
    id: 'metoprolol',
    label: 'Metoprolol tartrate',
    kind: 'medication',
    defaultDoses: [{ amount: '50', unit: 'mg', route: 'PO' }],
    usedFor: ['tachycardia', 'elevated_bp'],
    source: SDN,
  },
  {
    id: 'diltiazem',
    label: 'Diltiazem',
    kind: 'medication',
    defaultDoses: [{ amount: '30', unit: 'mg', route: 'PO' }],
    usedFor: ['tachycardia'],
    source: SDN,
  },
  {
    id: 'midazolam',
    label: 'Midazolam',
    kind: 'medication',
    defaultDoses: [{ amount: '1–2', unit: 'mg', route: 'IV' }],
    usedFor: ['anxiety', 'emergence_reaction'],
    source: UNVERIFIED,
  },
  {
    id: 'oxygen',
    label: 'Supplemental oxygen',
    kind: 'oxygen',
    defaultDoses: [{ amount: '2–4', unit: 'L/min', route: 'nasal cannula' }],
    usedFor: ['respiratory_depression', 'sedation'],
    source: `oxygen on hand: https://wellsmedicine.com/?p=7869 [V]; flow ${UNVERIFIED}`,
  },
];
