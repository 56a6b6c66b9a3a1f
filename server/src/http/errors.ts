import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DomainError } from '@openkap/domain/errors';

export interface Issue {
  path: string;
  message: string;
}

/** An error the client can act on: status, stable code, plain message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string): AppError => new AppError(409, code, message);
export const refused = (code: string, message: string): AppError => new AppError(422, code, message);
export const badRequest = (message: string, issues?: Issue[]): AppError =>
  new AppError(400, 'invalid_request', message, issues);

export function zodIssues(err: ZodError): Issue[] {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const invalidInputCodes = new Set([
  'invalid_input',
  'vital_out_of_range',
  'unknown_item',
  'invalid_answer',
  'unknown_instrument',
  'unknown_protocol',
  'invalid_score_item',
  'unknown_answer_code',
  'unknown_route',
  'invalid_date',
]);

/** Maps every failure to `{ error: { code, message, issues? } }`; internals never reach the client. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, issues: err.issues } });
    }
    if (err instanceof DomainError) {
      // Input no rule could accept is a 400; a rule refusing sound input (dose above maximum) is a 422.
      const status = invalidInputCodes.has(err.code) ? 400 : 422;
      return reply
        .status(status)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      const where = err.validationContext ?? 'request';
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: `invalid ${where}: ${issues.map((i) => `${i.path || where}: ${i.message}`).join('; ')}`,
          issues,
        },
      });
    }
    if (err instanceof ZodError) {
      const issues = zodIssues(err);
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          issues,
        },
      });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, body too large, unsupported media type …
      return reply
        .status(fe.statusCode)
        .send({ error: { code: fe.code ?? 'bad_request', message: fe.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side; nothing was saved.' } });
  });
}
