// The chart's editable details as form values, and the PATCH body made from what changed.
import type { PatientUpdate } from '@openkap/domain/patients/schema';
import type { Patient } from '../api/types.ts';

export type Conditions = Patient['conditions'];

export interface DetailsForm {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Patient['sex'];
  phone: string;
  email: string;
  address: string;
  indicationCode: string;
  indicationText: string;
  allergies: string[];
  conditions: Conditions;
}

export function detailsOf(p: Patient): DetailsForm {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate,
    sex: p.sex,
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: p.address ?? '',
    indicationCode: p.indicationCode,
    indicationText: p.indicationText ?? '',
    allergies: [...p.allergies],
    conditions: { ...p.conditions },
  };
}

const textFields = [
  'givenName',
  'familyName',
  'birthDate',
  'phone',
  'email',
  'address',
  'indicationCode',
  'indicationText',
] as const;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameConditions(a: Conditions, b: Conditions): boolean {
  return (Object.keys(a) as (keyof Conditions)[]).every((key) => a[key] === b[key]);
}

/**
 * Only the fields that changed. A cleared optional field is sent as '' (the API has no null).
 * Conditions are sent whole when any of them changed (the server replaces them as one).
 */
export function changedDetails(before: DetailsForm, after: DetailsForm): PatientUpdate {
  const body: PatientUpdate = {};
  for (const key of textFields) {
    const value = after[key].trim();
    if (value !== before[key].trim()) {
      body[key] = value;
    }
  }
  if (after.sex !== before.sex) {
    body.sex = after.sex;
  }
  if (!sameList(before.allergies, after.allergies)) {
    body.allergies = after.allergies.map((a) => a.trim()).filter(Boolean);
  }
  if (!sameConditions(before.conditions, after.conditions)) {
    body.conditions = after.conditions;
  }
  return body;
}

/** True when nothing the user can see differs from the chart. */
export function nothingChanged(before: DetailsForm, after: DetailsForm): boolean {
  return (
    textFields.every((key) => after[key].trim() === before[key].trim()) &&
    after.sex === before.sex &&
    sameList(before.allergies, after.allergies) &&
    sameConditions(before.conditions, after.conditions)
  );
}
