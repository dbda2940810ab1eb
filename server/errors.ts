import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError } from './domain/errors';
import type { ApiError } from './contracts/common';

/**
 * The API's one error shape: `{ error: { code, message, issues? } }`.
 * 400 names the bad parameter; 404 the unknown id; anything unexpected is a 500 without internals.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new ApiFailure(404, 'not_found', `No ${what} with id "${id}"`);

/** A zod failure on request input → 400 naming each parameter. */
/** At most this many issues in an error: a huge bad input never makes a huge answer. */
export const MAX_ISSUES = 20;

export function invalidInput(error: ZodError, target: string): ApiFailure {
  const all = error.issues.map((i) => ({ path: i.path.length > 0 ? i.path.join('.') : target, message: i.message }));
  const issues = all.length > MAX_ISSUES ? [...all.slice(0, MAX_ISSUES), { path: target, message: `and ${all.length - MAX_ISSUES} more issues` }] : all;
  const first = issues[0];
  const message = first ? (first.message.startsWith(`${first.path}:`) ? first.message : `${first.path}: ${first.message}`) : `Invalid ${target}`;
  return new ApiFailure(400, 'invalid_parameter', message, issues);
}

const DOMAIN_STATUS: Record<DomainError['code'], ContentfulStatusCode> = { invalid: 400, not_found: 404, ineligible_requirement: 400, conflict: 409 };

export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof ApiFailure) {
    const body: ApiError = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
    return c.json(body, err.status);
  }
  if (err instanceof DomainError) {
    const body: ApiError = { error: { code: err.code, message: err.message, ...(err.field ? { issues: [{ path: err.field, message: err.message }] } : {}) } };
    return c.json(body, DOMAIN_STATUS[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // The one 400 Hono raises itself: a body that is not the JSON it says it is.
    if (status === 400) {
      const message = `body: ${err.message || 'malformed request body'}; expected a JSON object`;
      return c.json({ error: { code: 'bad_request', message, issues: [{ path: 'body', message }] } } satisfies ApiError, 400);
    }
    return c.json({ error: { code: 'http_error', message: err.message || 'Request failed' } } satisfies ApiError, status);
  }
  console.error(err);
  return c.json({ error: { code: 'internal', message: 'Internal error' } } satisfies ApiError, 500);
}
