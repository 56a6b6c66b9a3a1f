// Runs a shared Zod schema in the browser so the user sees the same messages the server would give,
// keyed by field path, before anything is sent.
import type { ZodType, core } from 'zod';

export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function check<T>(schema: ZodType<T>, input: unknown): Checked<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    return { ok: true, value: result.data };
  }
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= friendly(issue);
  }
  return { ok: false, errors };
}

/** Empty or whitespace-only text becomes undefined, so optional fields are left out of the body. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Mantine NumberInput gives number | string; '' means empty. */
export function optionalNumber(value: number | string): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (value.trim() === '') {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Zod's generic wording made plain for the two cases people meet most: an empty field and a missing one. */
function friendly(issue: core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) {
    return 'Required';
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return 'Required';
  }
  return issue.message;
}
