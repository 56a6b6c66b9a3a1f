// The one way the browser talks to the server: same-origin fetch with the session cookie, JSON in and
// out, and every failure turned into an ApiError that carries the server's code, message and issues.
import type { ApiErrorBody, ApiIssue } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** Messages keyed by field path ("givenName", "conditions.pregnant"); '' holds form-level ones. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const key = issue.path;
      out[key] ??= issue.message;
    }
    return out;
  }
}

/** Listeners told when a signed-in request comes back 401 (session expired or signed out elsewhere). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) {
    return false;
  }
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

function fallbackMessage(status: number): string {
  if (status === 401) {
    return 'Please sign in again.';
  }
  if (status === 403) {
    return 'Your role is not allowed to do this.';
  }
  if (status === 404) {
    return 'Not found. It may have been removed, or the link is wrong.';
  }
  if (status === 409) {
    return 'That change is not possible in the current state. Refresh and try again.';
  }
  if (status >= 500) {
    return 'The server had a problem. Try again; if it keeps happening, tell the administrator.';
  }
  return `The server answered ${status}.`;
}

export interface RequestOptions {
  /** Do not tell the session about a 401 (the sign-in form expects one on a wrong password). */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'network', 'Cannot reach the server. Check the connection and try again.');
  }

  if (response.status === 204) {
    return undefined as T;
  }

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !options.expectUnauthorized) {
      for (const listener of unauthorizedListeners) {
        listener();
      }
    }
    if (isErrorBody(data)) {
      const { code, message, issues } = data.error;
      throw new ApiError(
        response.status,
        code ?? 'error',
        message || fallbackMessage(response.status),
        issues ?? [],
      );
    }
    throw new ApiError(response.status, `http_${response.status}`, fallbackMessage(response.status));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
