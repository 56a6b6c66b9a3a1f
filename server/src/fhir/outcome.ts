import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DomainError } from '@openkap/domain/errors';
import { AppError } from '../http/errors.ts';
import type { OperationOutcome, OperationOutcomeIssue } from './types.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** One problem: the FHIR issue type and, where it points into the resource, a FHIRPath expression. */
export interface FhirIssue {
  // See: https://hl7.org/fhir/R4/valueset-issue-type.html
  code: OperationOutcomeIssue['code'];
  diagnostics: string;
  expression?: string | undefined;
  severity?: OperationOutcomeIssue['severity'];
}

/** A failure answered as an OperationOutcome with this HTTP status. */
export class FhirError extends Error {
  readonly issues: FhirIssue[];
  constructor(
    readonly status: number,
    issues: FhirIssue | FhirIssue[],
  ) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => i.diagnostics).join('; '));
    this.issues = list;
  }
}

/** 400 invalid: the resource is malformed at `expression`. */
export const invalid = (
  diagnostics: string,
  expression?: string,
  code: FhirIssue['code'] = 'invalid',
): FhirError => new FhirError(400, { code, diagnostics, expression });

/** 422: well-formed, but a rule of this server refuses it. */
export const unprocessable = (
  diagnostics: string,
  expression?: string,
  code: FhirIssue['code'] = 'business-rule',
): FhirError => new FhirError(422, { code, diagnostics, expression });

export const notFound = (diagnostics: string): FhirError =>
  new FhirError(404, { code: 'not-found', diagnostics });

export function operationOutcome(issues: FhirIssue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity ?? 'error',
      code: i.code,
      diagnostics: i.diagnostics,
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}

// HTTP status → issue type for errors raised by the shared services (AppError).
// See: https://hl7.org/fhir/R4/http.html#Status-Codes
const issueTypeOfStatus: Record<number, OperationOutcomeIssue['code']> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  410: 'deleted',
  413: 'too-costly',
  415: 'not-supported',
  422: 'business-rule',
};

/** Any thrown value → status + issues; internals (stack, SQL) never leave the server. */
export function toOutcome(err: unknown): { status: number; issues: FhirIssue[] } {
  if (err instanceof FhirError) {
    return { status: err.status, issues: err.issues };
  }
  if (err instanceof AppError) {
    const code = issueTypeOfStatus[err.status] ?? 'processing';
    const details = err.issues?.length
      ? `: ${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
      : '';
    return { status: err.status, issues: [{ code, diagnostics: `${err.message}${details}` }] };
  }
  if (err instanceof DomainError) {
    return { status: 422, issues: [{ code: 'business-rule', diagnostics: err.message }] };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      issues: err.issues.map((i) => ({
        code: 'invalid',
        diagnostics: i.message,
        expression: i.path.join('.'),
      })),
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      status: 400,
      issues: err.validation.map((v) => ({
        code: 'invalid',
        diagnostics: `${v.instancePath || 'request'}: ${v.message ?? 'invalid'}`,
      })),
    };
  }
  const fe = err as Partial<FastifyError>;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return {
      status: 400,
      issues: [{ code: 'structure', diagnostics: 'The request body is not valid JSON.' }],
    };
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return {
      status: 400,
      issues: [{ code: 'required', diagnostics: 'The request body is empty; a FHIR resource was expected.' }],
    };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      issues: [
        { code: issueTypeOfStatus[fe.statusCode] ?? 'invalid', diagnostics: fe.message ?? 'bad request' },
      ],
    };
  }
  return {
    status: 500,
    issues: [{ code: 'exception', diagnostics: 'Something went wrong on our side; nothing was saved.' }],
  };
}

export function sendOutcome(reply: FastifyReply, status: number, issues: FhirIssue[]): FastifyReply {
  // See: https://hl7.org/fhir/R4/http.html#security (401 tells the client how to authenticate)
  if (status === 401) {
    reply.header('www-authenticate', 'Bearer realm="openkap"');
  }
  return reply.status(status).type(FHIR_JSON).send(operationOutcome(issues));
}

/** Every error inside /fhir/R4 answers an OperationOutcome. */
export function installOutcomeHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, issues } = toOutcome(err);
    if (status >= 500) {
      request.log.error({ err }, 'FHIR request failed');
    }
    return sendOutcome(reply, status, issues);
  });
}
