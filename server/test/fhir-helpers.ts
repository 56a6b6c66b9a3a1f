import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.ts';

// Shared by the fhir*.test.ts files: FHIR requests over inject() and small resource builders.

export const FHIR_JSON = 'application/fhir+json';

export interface Issue {
  severity: string;
  code: string;
  diagnostics?: string;
  expression?: string[];
}
export interface Outcome {
  resourceType: string;
  issue: Issue[];
}
export interface Entry<R> {
  fullUrl: string;
  resource: R;
  search: { mode: string };
}
export interface SearchSet<R> {
  resourceType: 'Bundle';
  type: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: Entry<R>[];
}

export interface FhirResponse<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A FHIR call: JSON body sent as application/fhir+json unless `raw`/`contentType` say otherwise. */
export async function fhir<T = Record<string, unknown>>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<FhirResponse<T>> {
  const hasBody = opts.body !== undefined || opts.raw !== undefined;
  const res = await app.inject({
    method,
    url: `/fhir/R4/${path}`,
    headers: {
      ...(hasBody ? { 'content-type': opts.contentType ?? FHIR_JSON } : {}),
      accept: FHIR_JSON,
      ...opts.headers,
    },
    ...(hasBody ? { payload: opts.raw ?? JSON.stringify(opts.body) } : {}),
  });
  return {
    status: res.statusCode,
    body: (res.body ? JSON.parse(res.body) : undefined) as T,
    headers: res.headers,
  };
}

export async function countRows(
  db: Kysely<DB>,
  table: 'patients' | 'vital_signs' | 'questionnaire_responses' | 'safety_alerts',
): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n);
}

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const vitalCategory = [{ coding: [{ system: CATEGORY, code: 'vital-signs' }] }];

/** A vital-signs Observation with one valueQuantity. */
export function vital(
  patientId: string,
  code: string,
  value: number,
  unit: string,
  at: string,
  extra: Record<string, unknown> = {},
) {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: vitalCategory,
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    valueQuantity: { value, unit, system: UCUM, code: unit },
    ...extra,
  };
}

export function bloodPressure(patientId: string, sbp: number, dbp: number, at: string, unit = 'mm[Hg]') {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: LOINC, code }] },
    valueQuantity: { value, unit: 'mmHg', system: UCUM, code: unit },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    category: vitalCategory,
    code: { coding: [{ system: LOINC, code: '85354-9' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    component: [component('8480-6', sbp), component('8462-4', dbp)],
  };
}

export function patientResource(family: string, given: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Patient',
    name: [{ use: 'official', family, given: [given] }],
    gender: 'female',
    birthDate: '1985-03-14',
    ...extra,
  };
}

export const PHQ9_ITEMS = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
];
export const GAD7_ITEMS = ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'];
export const LA = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];

/** A PHQ-9 QuestionnaireResponse answering item i with LOINC answer LA[values[i]] (null: item left out). */
export function phq9(patientId: string, values: (number | null)[], authored: string) {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'http://loinc.org/q/44249-1',
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    authored,
    item: PHQ9_ITEMS.flatMap((linkId, i) => {
      const v = values[i];
      return v == null ? [] : [{ linkId, answer: [{ valueCoding: { system: LOINC, code: LA[v] } }] }];
    }),
  };
}
