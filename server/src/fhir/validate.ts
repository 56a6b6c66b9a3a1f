import { z } from 'zod';
import { parseDateRange } from './datetime.ts';
import { FhirError, invalid, type FhirIssue } from './outcome.ts';

// Shape checks for incoming resources: zod for structure (types, required elements), then each
// mapper checks codes, systems and units by hand. Every issue names its FHIRPath expression.
// See: https://hl7.org/fhir/R4/operationoutcome-definitions.html#OperationOutcome.issue.expression

/** `['component', 0, 'code']` → `Observation.component[0].code`. */
export function fhirPath(resourceType: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`),
    resourceType,
  );
}

/** The body must be a JSON object of the expected resourceType. */
export function requireResource(body: unknown, resourceType: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid(
      `The body must be a FHIR ${resourceType} resource (a JSON object).`,
      undefined,
      'structure',
    );
  }
  const actual = (body as { resourceType?: unknown }).resourceType;
  if (actual !== resourceType) {
    throw invalid(
      actual === undefined
        ? `resourceType is missing; expected "${resourceType}".`
        : `resourceType is "${String(actual)}"; this endpoint takes "${resourceType}".`,
      `${resourceType}.resourceType`,
    );
  }
  return body as Record<string, unknown>;
}

/** Parses with zod; every issue becomes an OperationOutcome issue with its expression (400). */
export function parseShape<S extends z.ZodType>(schema: S, body: unknown, resourceType: string): z.infer<S> {
  const result = schema.safeParse(body, {
    error: (iss) => (iss.input === undefined ? 'is required' : undefined),
  });
  if (result.success) {
    return result.data;
  }
  const issues: FhirIssue[] = result.error.issues.map((i) => {
    const expression = fhirPath(resourceType, i.path);
    const code =
      i.message === 'is required' ? 'required' : i.code === 'invalid_value' ? 'code-invalid' : 'value';
    const diagnostics =
      i.message === 'is required' ? `${expression} is required.` : `${expression}: ${i.message}`;
    return { code, diagnostics, expression };
  });
  throw new FhirError(400, issues);
}

// Reusable element schemas (only the elements this server reads).
export const CodingSchema = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export const CodeableConceptSchema = z.object({
  coding: z.array(CodingSchema).optional(),
  text: z.string().optional(),
});
export const QuantitySchema = z.object({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
export const IdentifierSchema = z.object({ system: z.string().optional(), value: z.string().optional() });
export const ReferenceSchema = z.object({
  reference: z.string().optional(),
  identifier: IdentifierSchema.optional(),
  display: z.string().optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/**
 * The logical id in a Patient reference: `Patient/<id>` or an absolute `…/Patient/<id>`.
 * See: https://hl7.org/fhir/R4/references.html#literal
 */
export function patientIdOf(ref: z.infer<typeof ReferenceSchema> | undefined, expression: string): string {
  if (!ref) {
    throw invalid(`${expression} is required: a reference to the Patient.`, expression, 'required');
  }
  if (!ref.reference) {
    throw invalid(
      `${expression}.reference is required (Patient/<id>); identifier-only references are not resolved.`,
      `${expression}.reference`,
      'required',
    );
  }
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref.reference);
  if (!m?.[1]) {
    throw invalid(
      `${expression}.reference must reference a Patient (Patient/<id>), got "${ref.reference}".`,
      `${expression}.reference`,
    );
  }
  return m[1];
}

/** A resource dateTime precise at least to the day, with a zone when it has a time. */
export function requireDateTime(value: string | undefined, expression: string, what: string): Date {
  if (value === undefined) {
    throw invalid(`${expression} is required (${what}).`, expression, 'required');
  }
  const range = parseDateRange(value, { requireZone: true });
  if (!range) {
    throw invalid(
      `${expression} "${value}" is not a valid FHIR dateTime (a time needs a zone, e.g. 2026-01-05T10:30:00Z).`,
      expression,
      'value',
    );
  }
  // See: https://hl7.org/fhir/R4/observation-vitalsigns.html (vs-1: "if Observation.effective[x] is dateTime and has a value then that value shall be precise to the day")
  if (range.precision === 'year' || range.precision === 'month') {
    throw invalid(`${expression} "${value}" must be precise at least to the day.`, expression, 'value');
  }
  return range.start;
}
