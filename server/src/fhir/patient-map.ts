import { z } from 'zod';
import { PatientInput, sexes } from '@openkap/domain/patients/schema';
import type { PatientRow } from '../patients/store.ts';
import { iso } from './datetime.ts';
import { ICD10CM, IDENTIFIER_TYPE, INDICATION_EXTENSION, MRN_SYSTEM } from './codes.ts';
import { FhirError, invalid, type FhirIssue } from './outcome.ts';
import type { Patient } from './types.ts';
import { CodeableConceptSchema, IdentifierSchema, parseShape, requireResource } from './validate.ts';

// Patient ⇄ patients row. See: https://hl7.org/fhir/R4/patient.html

/**
 * Treatment indication when the client sends none: F32.A "Depression, unspecified" (ICD-10-CM 2022+).
 * Every patient row needs one; a clinician corrects it in the chart.
 * See: https://www.cms.gov/medicare/coding-billing/icd-10-codes
 */
export const DEFAULT_INDICATION = 'F32.A';

export function patientResource(row: PatientRow): Patient {
  const telecom = [
    ...(row.phone ? [{ system: 'phone' as const, value: row.phone }] : []),
    ...(row.email ? [{ system: 'email' as const, value: row.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: { lastUpdated: iso(row.updated_at) },
    extension: [
      {
        url: INDICATION_EXTENSION,
        valueCodeableConcept: {
          coding: [{ system: ICD10CM, code: row.indication_code }],
          ...(row.indication_text ? { text: row.indication_text } : {}),
        },
      },
    ],
    // See: https://hl7.org/fhir/R4/datatypes.html#Identifier
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: IDENTIFIER_TYPE, code: 'MR' }] },
        system: MRN_SYSTEM,
        value: row.mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: row.family_name, given: [row.given_name] }],
    ...(telecom.length ? { telecom } : {}),
    gender: (sexes as readonly string[]).includes(row.sex) ? (row.sex as Patient['gender']) : 'unknown',
    birthDate: row.birth_date,
    ...(row.address ? { address: [{ text: row.address }] } : {}),
  };
}

const PatientShape = z.object({
  identifier: z.array(IdentifierSchema).optional(),
  name: z
    .array(
      z.object({
        use: z.string().optional(),
        text: z.string().optional(),
        family: z.string().optional(),
        given: z.array(z.string()).optional(),
      }),
    )
    .min(1, 'at least one name is required'),
  telecom: z.array(z.object({ system: z.string().optional(), value: z.string().optional() })).optional(),
  // See: https://hl7.org/fhir/R4/valueset-administrative-gender.html
  gender: z.enum(sexes).optional(),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a full date (YYYY-MM-DD) is required'),
  address: z
    .array(
      z.object({
        text: z.string().optional(),
        line: z.array(z.string()).optional(),
        city: z.string().optional(),
        state: z.string().optional(),
        postalCode: z.string().optional(),
        country: z.string().optional(),
      }),
    )
    .optional(),
  extension: z
    .array(z.object({ url: z.string(), valueCodeableConcept: CodeableConceptSchema.optional() }))
    .optional(),
});

export interface NewPatient {
  /** A clinic MRN given by the client (identifier with our system); otherwise the clinic assigns one. */
  mrn: string | undefined;
  input: z.output<typeof PatientInput>;
}

// PatientInput field → where it came from in the resource, for error expressions.
const fieldPath: Record<string, string> = {
  givenName: 'Patient.name[0].given[0]',
  familyName: 'Patient.name[0].family',
  birthDate: 'Patient.birthDate',
  sex: 'Patient.gender',
  phone: 'Patient.telecom',
  email: 'Patient.telecom',
  address: 'Patient.address[0]',
  indicationCode: `Patient.extension('${INDICATION_EXTENSION}')`,
  indicationText: `Patient.extension('${INDICATION_EXTENSION}')`,
};

export function patientFromResource(body: unknown): NewPatient {
  const p = parseShape(PatientShape, requireResource(body, 'Patient'), 'Patient');

  const nameIndex = Math.max(
    0,
    p.name.findIndex((n) => n.use === 'official'),
  );
  const name = p.name[nameIndex];
  const family = name?.family?.trim();
  const given = name?.given?.map((g) => g.trim()).filter(Boolean);
  if (!family) {
    throw invalid(
      `Patient.name[${nameIndex}].family is required.`,
      `Patient.name[${nameIndex}].family`,
      'required',
    );
  }
  if (!given?.length) {
    throw invalid(
      `Patient.name[${nameIndex}].given is required.`,
      `Patient.name[${nameIndex}].given`,
      'required',
    );
  }

  const mrnIds = (p.identifier ?? []).filter((i) => i.system === MRN_SYSTEM);
  const mrn = mrnIds[0]?.value?.trim();
  if (mrnIds.length && !mrn) {
    throw invalid(
      'An identifier with system urn:openkap:mrn needs a value.',
      'Patient.identifier.value',
      'required',
    );
  }
  if (mrn && !/^[A-Za-z0-9._-]{1,40}$/.test(mrn)) {
    throw invalid(
      `MRN "${mrn}" must be 1–40 letters, digits, dots, dashes or underscores.`,
      'Patient.identifier.value',
      'value',
    );
  }

  const indication = p.extension?.find((e) => e.url === INDICATION_EXTENSION)?.valueCodeableConcept;
  const icd = indication?.coding?.find((c) => c.system === ICD10CM);
  if (indication && !icd?.code) {
    throw invalid(
      `The indication extension needs a coding with system ${ICD10CM}.`,
      fieldPath.indicationCode,
      'required',
    );
  }

  const address = p.address?.[0];
  const addressText =
    address?.text?.trim() ||
    [
      address?.line?.join(', '),
      address?.city,
      [address?.state, address?.postalCode].filter(Boolean).join(' '),
      address?.country,
    ]
      .filter((s) => s && s.trim())
      .join(', ') ||
    undefined;

  const candidate = {
    givenName: given.join(' '),
    familyName: family,
    birthDate: p.birthDate,
    sex: p.gender ?? 'unknown',
    phone: p.telecom?.find((t) => t.system === 'phone' || t.system === 'sms')?.value,
    email: p.telecom?.find((t) => t.system === 'email')?.value,
    address: addressText,
    indicationCode: icd?.code ?? DEFAULT_INDICATION,
    indicationText: indication?.text ?? icd?.display,
  };
  const parsed = PatientInput.safeParse(candidate);
  if (!parsed.success) {
    const issues: FhirIssue[] = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      const expression = fieldPath[field] ?? 'Patient';
      return { code: 'value', diagnostics: `${expression}: ${i.message}`, expression };
    });
    throw new FhirError(400, issues);
  }
  return { mrn, input: parsed.data };
}
