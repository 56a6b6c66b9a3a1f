import { z } from 'zod';
import { isEventDate } from '../screening/history.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

// ICD-10-CM codes look like F33.2 / F43.10 / G90.50: letter, two digits, optional dot + up to 4 chars.
// See: https://www.cms.gov/medicare/coding-billing/icd-10-codes (code structure)
export const Icd10Code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'not an ICD-10-CM code (e.g. F33.2)');

export const sexes = ['female', 'male', 'other', 'unknown'] as const;

/** When a past event happened: a day, or only the month (the screen then counts from its last day). */
export const EventDate = z
  .string()
  .trim()
  .refine(isEventDate, 'expected a date as YYYY-MM-DD, or YYYY-MM when only the month is known');

export const hepaticImpairments = ['none', 'mild', 'moderate', 'severe'] as const;

/**
 * The facts screening reads (screening/screen.ts, screening/history.ts). Stored as one JSON value; the
 * defaults make rows written before a field existed read as "not recorded".
 */
export const PatientConditions = z.object({
  hypertension: z.enum(['none', 'controlled', 'uncontrolled']).default('none'),
  psychosisHistory: z.boolean().default(false),
  pregnant: z.boolean().default(false),
  bipolarWithoutMoodStabilizer: z.boolean().default(false),
  activeSubstanceUse: z.boolean().default(false),
  /** Aortic, intracranial or peripheral arterial aneurysmal disease, or an arteriovenous malformation. */
  aneurysmOrAvm: z.boolean().default(false),
  intracerebralHemorrhageHistory: z.boolean().default(false),
  /** Most recent stroke; null when none. */
  strokeOn: EventDate.nullable().default(null),
  /** Most recent myocardial infarction; null when none. */
  myocardialInfarctionOn: EventDate.nullable().default(null),
  hyperthyroidismUntreated: z.boolean().default(false),
  raisedIntracranialPressure: z.boolean().default(false),
  raisedIntraocularPressure: z.boolean().default(false),
  hepaticImpairment: z.enum(hepaticImpairments).default('none'),
  preEclampsia: z.boolean().default(false),
});
export type PatientConditions = z.infer<typeof PatientConditions>;

export const noConditions: PatientConditions = {
  hypertension: 'none',
  psychosisHistory: false,
  pregnant: false,
  bipolarWithoutMoodStabilizer: false,
  activeSubstanceUse: false,
  aneurysmOrAvm: false,
  intracerebralHemorrhageHistory: false,
  strokeOn: null,
  myocardialInfarctionOn: null,
  hyperthyroidismUntreated: false,
  raisedIntracranialPressure: false,
  raisedIntraocularPressure: false,
  hepaticImpairment: 'none',
  preEclampsia: false,
};

// The fields without defaults: an update must never fill an absent field with a default
// (that would silently erase allergies or conditions that drive screening flags).
const patientFields = z.object({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  birthDate: isoDate,
  sex: z.enum(sexes),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().email().max(254).optional(),
  address: z.string().trim().max(300).optional(),
  indicationCode: Icd10Code,
  indicationText: z.string().trim().max(200).optional(),
  allergies: z.array(z.string().trim().min(1).max(100)).max(50),
  conditions: PatientConditions,
});

export const PatientInput = patientFields.extend({
  sex: patientFields.shape.sex.default('unknown'),
  allergies: patientFields.shape.allergies.default([]),
  conditions: PatientConditions.default(noConditions),
  weightKg: z.number().positive().max(400).optional(),
});
export type PatientInput = z.input<typeof PatientInput>;

/** Only the fields sent change; conditions, when sent, are replaced whole. */
export const PatientUpdate = patientFields.partial();
export type PatientUpdate = z.input<typeof PatientUpdate>;

export const WeightInput = z.object({
  kg: z.number().positive('weight must be above 0 kg').max(400, 'weight above 400 kg is not plausible'),
  measuredOn: isoDate,
});
export type WeightInput = z.infer<typeof WeightInput>;

/** Height in cm with the day measured, like a weight: BMI and adjusted/ideal dosing weights need it. */
export const HeightInput = z.object({
  cm: z
    .number()
    .min(50, 'height below 50 cm is not plausible')
    .max(250, 'height above 250 cm is not plausible'),
  measuredOn: isoDate,
});
export type HeightInput = z.infer<typeof HeightInput>;

export const MedicationInput = z.object({
  name: z.string().trim().min(1).max(200),
  rxnormCode: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'RxNorm codes are digits')
    .optional(),
  doseMg: z.number().positive().max(100_000).optional(),
  doseText: z.string().trim().max(100).optional(),
  frequency: z.string().trim().max(100).optional(),
  timesPerDay: z.number().positive().max(24).optional(),
});
export type MedicationInput = z.infer<typeof MedicationInput>;

export const PatientSearchQuery = z.object({ q: z.string().trim().max(100).optional() });

export const PatientSummary = z.object({
  id: z.string().uuid(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: isoDate,
  indicationCode: z.string(),
  lastPhq9: z.number().nullable(),
  nextInfusionAt: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const AcknowledgeFlagInput = z.object({ note: z.string().trim().max(1000).optional() });
export const IdParam = z.object({ id: z.string().uuid('not a valid id') });
