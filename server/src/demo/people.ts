// Made-up people for the demo clinic. Any likeness to real persons is accidental.

export interface DemoMedication {
  name: string;
  rxnormCode?: string;
  doseMg?: number;
  doseText: string;
  frequency: string;
  timesPerDay?: number;
}

export interface DemoPatient {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'female' | 'male' | 'other';
  indicationCode: string;
  indicationText: string;
  protocolId: string;
  weightKg: number;
  /** Measured at intake; BMI and adjusted/ideal dosing weights need it. */
  heightCm: number;
  allergies: string[];
  medications: DemoMedication[];
  conditions?: {
    hypertension?: 'none' | 'controlled' | 'uncontrolled';
    psychosisHistory?: boolean;
    activeSubstanceUse?: boolean;
    /** yyyy-mm or yyyy-mm-dd, long enough ago to be outside any protocol's window. */
    myocardialInfarctionOn?: string;
  };
  /** Sessions already completed and discharged. */
  pastSessions: number;
  /** PHQ-9 at intake, and whether this patient responds. */
  baselinePhq9: number;
  responder: boolean;
  /** In a chair today (the board shows them). */
  today?: 'chair-1' | 'chair-2';
  /** Answered PHQ-9 item 9 above 0 on the latest form: an open safety alert. */
  item9?: boolean;
  /** Chose "prefer not to answer" for PHQ-9 item 9 on the latest form (phone): an open safety task. */
  item9Declined?: boolean;
  /** The latest PHQ-9 climbs back after the series: the booster signal fires. */
  climbingBack?: boolean;
}

const sertraline: DemoMedication = {
  name: 'Sertraline',
  rxnormCode: '36437',
  doseMg: 100,
  doseText: '100 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const bupropion: DemoMedication = {
  name: 'Bupropion XL',
  rxnormCode: '42347',
  doseMg: 300,
  doseText: '300 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const lamotrigine: DemoMedication = {
  name: 'Lamotrigine',
  rxnormCode: '28439',
  doseMg: 200,
  doseText: '200 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const naltrexone: DemoMedication = {
  name: 'Naltrexone',
  rxnormCode: '7243',
  doseMg: 50,
  doseText: '50 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const alprazolam: DemoMedication = {
  name: 'Alprazolam (Xanax)',
  rxnormCode: '596',
  doseMg: 1,
  doseText: '1 mg',
  frequency: 'three times daily',
  timesPerDay: 3,
};
const lorazepamPrn: DemoMedication = {
  name: 'Lorazepam',
  rxnormCode: '6470',
  doseMg: 0.5,
  doseText: '0.5 mg',
  frequency: 'at night as needed',
  timesPerDay: 1,
};
const lisdexamfetamine: DemoMedication = {
  name: 'Lisdexamfetamine (Vyvanse)',
  rxnormCode: '700810',
  doseMg: 40,
  doseText: '40 mg',
  frequency: 'every morning',
  timesPerDay: 1,
};
const trazodone: DemoMedication = {
  name: 'Trazodone',
  rxnormCode: '10737',
  doseMg: 50,
  doseText: '50 mg',
  frequency: 'at bedtime',
  timesPerDay: 1,
};
const escitalopram: DemoMedication = {
  name: 'Escitalopram',
  rxnormCode: '321988',
  doseMg: 20,
  doseText: '20 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const venlafaxine: DemoMedication = {
  name: 'Venlafaxine XR',
  rxnormCode: '39786',
  doseMg: 150,
  doseText: '150 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const lisinopril: DemoMedication = {
  name: 'Lisinopril',
  rxnormCode: '29046',
  doseMg: 10,
  doseText: '10 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};
const phenelzine: DemoMedication = {
  name: 'Phenelzine (Nardil)',
  rxnormCode: '8123',
  doseMg: 15,
  doseText: '15 mg',
  frequency: 'three times daily',
  timesPerDay: 3,
};
const gabapentin: DemoMedication = {
  name: 'Gabapentin',
  rxnormCode: '25480',
  doseMg: 300,
  doseText: '300 mg',
  frequency: 'three times daily',
  timesPerDay: 3,
};
const quetiapine: DemoMedication = {
  name: 'Quetiapine',
  rxnormCode: '51272',
  doseMg: 50,
  doseText: '50 mg',
  frequency: 'at bedtime',
  timesPerDay: 1,
};
const buprenorphine: DemoMedication = {
  name: 'Buprenorphine/naloxone (Suboxone)',
  rxnormCode: '1819',
  doseMg: 8,
  doseText: '8 mg/2 mg',
  frequency: 'once daily',
  timesPerDay: 1,
};

export const demoPatients: DemoPatient[] = [
  {
    givenName: 'Maya',
    familyName: 'Okafor',
    birthDate: '1988-04-12',
    sex: 'female',
    indicationCode: 'F33.2',
    indicationText: 'Major depressive disorder, recurrent, severe; 3 failed trials',
    protocolId: 'iv-depression',
    weightKg: 68.4,
    heightCm: 165,
    allergies: ['Penicillin'],
    medications: [sertraline, trazodone],
    pastSessions: 3,
    baselinePhq9: 21,
    responder: true,
    today: 'chair-1',
  },
  {
    givenName: 'Daniel',
    familyName: 'Reyes',
    birthDate: '1979-09-30',
    sex: 'male',
    indicationCode: 'F33.2',
    indicationText: 'Treatment-resistant depression',
    protocolId: 'iv-depression',
    weightKg: 91.2,
    heightCm: 180,
    allergies: [],
    medications: [bupropion, lisinopril],
    conditions: { hypertension: 'controlled' },
    pastSessions: 0,
    baselinePhq9: 19,
    responder: true,
    today: 'chair-2',
  },
  {
    givenName: 'Priya',
    familyName: 'Natarajan',
    birthDate: '1992-01-05',
    sex: 'female',
    indicationCode: 'F32.2',
    indicationText: 'Major depressive episode, severe',
    protocolId: 'iv-depression',
    weightKg: 57.9,
    heightCm: 160,
    allergies: ['Sulfa drugs'],
    medications: [escitalopram, alprazolam],
    pastSessions: 6,
    baselinePhq9: 22,
    responder: true,
    climbingBack: true,
  },
  {
    givenName: 'Thomas',
    familyName: 'Becker',
    birthDate: '1965-07-18',
    sex: 'male',
    indicationCode: 'F33.1',
    indicationText: 'Recurrent depression, moderate',
    protocolId: 'iv-depression',
    weightKg: 102.5,
    heightCm: 183,
    allergies: [],
    medications: [venlafaxine, lisinopril],
    // A past heart attack: screened as a caution ("previous myocardial infarction").
    conditions: { hypertension: 'controlled', myocardialInfarctionOn: '2021-06' },
    pastSessions: 8,
    baselinePhq9: 17,
    responder: true,
  },
  {
    givenName: 'Sofia',
    familyName: 'Lindqvist',
    birthDate: '1985-11-02',
    sex: 'female',
    indicationCode: 'F43.12',
    indicationText: 'PTSD, chronic',
    protocolId: 'iv-ptsd',
    weightKg: 63.0,
    heightCm: 168,
    allergies: [],
    medications: [sertraline, quetiapine],
    pastSessions: 5,
    baselinePhq9: 18,
    responder: true,
  },
  {
    givenName: 'Marcus',
    familyName: 'Whitfield',
    birthDate: '1983-03-22',
    sex: 'male',
    indicationCode: 'F10.20',
    indicationText: 'Alcohol use disorder, moderate',
    protocolId: 'iv-alcohol-relapse-prevention',
    weightKg: 84.7,
    heightCm: 178,
    allergies: [],
    medications: [naltrexone],
    // The three-infusion series and a first booster: weeks of use diary to show beside them.
    pastSessions: 4,
    baselinePhq9: 14,
    responder: true,
  },
  {
    givenName: 'Elena',
    familyName: 'Popescu',
    birthDate: '1990-06-14',
    sex: 'female',
    indicationCode: 'F33.2',
    indicationText: 'Treatment-resistant depression',
    protocolId: 'iv-depression',
    weightKg: 71.3,
    heightCm: 163,
    allergies: ['Latex'],
    medications: [lamotrigine, bupropion],
    pastSessions: 6,
    baselinePhq9: 23,
    responder: false,
  },
  {
    givenName: 'James',
    familyName: 'Kowalczyk',
    birthDate: '1972-12-09',
    sex: 'male',
    indicationCode: 'G90.50',
    indicationText: 'Complex regional pain syndrome',
    protocolId: 'iv-chronic-pain',
    weightKg: 88.0,
    heightCm: 175,
    allergies: [],
    medications: [gabapentin],
    pastSessions: 4,
    baselinePhq9: 12,
    responder: true,
  },
  {
    givenName: 'Aisha',
    familyName: 'Rahman',
    birthDate: '1996-08-27',
    sex: 'female',
    indicationCode: 'F32.2',
    indicationText: 'Major depressive episode, severe',
    protocolId: 'iv-depression',
    weightKg: 54.6,
    heightCm: 158,
    allergies: [],
    medications: [escitalopram, lisdexamfetamine],
    pastSessions: 1,
    baselinePhq9: 20,
    responder: true,
    item9: true,
  },
  {
    givenName: 'Robert',
    familyName: 'Nakamura',
    birthDate: '1958-02-11',
    sex: 'male',
    indicationCode: 'F33.2',
    indicationText: 'Recurrent depression, severe',
    protocolId: 'iv-depression',
    weightKg: 79.8,
    heightCm: 176,
    allergies: ['Codeine'],
    medications: [phenelzine],
    pastSessions: 9,
    baselinePhq9: 24,
    responder: true,
  },
  {
    givenName: 'Hannah',
    familyName: 'Goldberg',
    birthDate: '1987-05-03',
    sex: 'female',
    indicationCode: 'F33.1',
    indicationText: 'Recurrent depression, moderate',
    protocolId: 'iv-depression',
    weightKg: 66.1,
    heightCm: 167,
    allergies: [],
    medications: [sertraline, lorazepamPrn],
    pastSessions: 6,
    baselinePhq9: 16,
    responder: true,
  },
  {
    givenName: 'Carlos',
    familyName: 'Mendoza',
    birthDate: '1975-10-19',
    sex: 'male',
    indicationCode: 'F11.20',
    indicationText: 'Opioid use disorder, in treatment',
    protocolId: 'im-kap',
    weightKg: 77.4,
    heightCm: 181,
    allergies: [],
    medications: [buprenorphine],
    pastSessions: 3,
    baselinePhq9: 15,
    responder: false,
  },
  {
    givenName: 'Grace',
    familyName: 'Oyelaran',
    birthDate: '1999-01-23',
    sex: 'female',
    indicationCode: 'F32.1',
    indicationText: 'Major depressive episode, moderate',
    protocolId: 'iv-depression',
    weightKg: 59.2,
    heightCm: 162,
    allergies: [],
    medications: [escitalopram],
    pastSessions: 2,
    baselinePhq9: 18,
    responder: true,
    item9Declined: true,
  },
  {
    givenName: 'William',
    familyName: 'Thornton',
    birthDate: '1969-04-07',
    sex: 'male',
    indicationCode: 'F33.2',
    indicationText: 'Treatment-resistant depression',
    protocolId: 'iv-depression',
    weightKg: 95.6,
    heightCm: 177,
    allergies: [],
    medications: [venlafaxine, trazodone],
    pastSessions: 7,
    baselinePhq9: 20,
    responder: false,
  },
  {
    givenName: 'Lucia',
    familyName: 'Ferrari',
    birthDate: '1981-09-15',
    sex: 'female',
    indicationCode: 'F43.12',
    indicationText: 'PTSD, chronic',
    protocolId: 'iv-ptsd',
    weightKg: 61.8,
    heightCm: 170,
    allergies: ['Ondansetron'],
    medications: [sertraline],
    pastSessions: 6,
    baselinePhq9: 17,
    responder: true,
  },
  {
    givenName: 'Benjamin',
    familyName: 'Adeyemi',
    birthDate: '1993-12-01',
    sex: 'male',
    indicationCode: 'F32.2',
    indicationText: 'Major depressive episode, severe',
    protocolId: 'iv-depression',
    weightKg: 82.3,
    heightCm: 174,
    allergies: [],
    medications: [bupropion],
    pastSessions: 4,
    baselinePhq9: 19,
    responder: true,
  },
  {
    givenName: 'Olivia',
    familyName: 'Strand',
    birthDate: '1977-06-29',
    sex: 'female',
    indicationCode: 'F33.2',
    indicationText: 'Recurrent depression, severe',
    protocolId: 'iv-depression',
    weightKg: 70.5,
    heightCm: 166,
    allergies: [],
    medications: [venlafaxine, quetiapine],
    conditions: { psychosisHistory: false },
    pastSessions: 10,
    baselinePhq9: 22,
    responder: true,
  },
  {
    givenName: 'Samuel',
    familyName: 'Ortiz',
    birthDate: '1986-03-10',
    sex: 'male',
    indicationCode: 'F10.20',
    indicationText: 'Alcohol use disorder, severe',
    protocolId: 'im-kap',
    weightKg: 88.9,
    heightCm: 186,
    allergies: [],
    medications: [],
    conditions: { activeSubstanceUse: true },
    pastSessions: 0,
    baselinePhq9: 13,
    responder: true,
  },
  {
    givenName: 'Nora',
    familyName: 'Haddad',
    birthDate: '1994-07-08',
    sex: 'female',
    indicationCode: 'F41.1',
    indicationText: 'Generalised anxiety with depression',
    protocolId: 'iv-depression',
    weightKg: 56.2,
    heightCm: 155,
    allergies: [],
    medications: [escitalopram],
    pastSessions: 6,
    baselinePhq9: 16,
    responder: true,
  },
  {
    givenName: 'Peter',
    familyName: 'Vance',
    birthDate: '1962-11-25',
    sex: 'male',
    indicationCode: 'F33.2',
    indicationText: 'Treatment-resistant depression',
    protocolId: 'iv-depression',
    weightKg: 86.0,
    heightCm: 179,
    allergies: [],
    medications: [sertraline, lisinopril],
    conditions: { hypertension: 'uncontrolled' },
    pastSessions: 0,
    baselinePhq9: 21,
    responder: false,
  },
];

export const demoStaff = [
  { email: 'admin@demo.clinic', name: 'Alex Morgan', role: 'admin' },
  { email: 'physician@demo.clinic', name: 'Dr. Ruth Alvarez', role: 'physician' },
  { email: 'nurse@demo.clinic', name: 'Jordan Lee, RN', role: 'nurse' },
  { email: 'crna@demo.clinic', name: 'Sam Patel, CRNA', role: 'nurse' },
  { email: 'therapist@demo.clinic', name: 'Dana Brooks, LCSW', role: 'therapist' },
  { email: 'frontdesk@demo.clinic', name: 'Chris Kim', role: 'front_desk' },
  { email: 'billing@demo.clinic', name: 'Pat Rivera', role: 'billing' },
] as const;
