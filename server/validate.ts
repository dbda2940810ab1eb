import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiFailure, invalidInput } from './errors';

/**
 * zValidator that turns a failure into the API's 400 shape, naming the parameter. A query parameter
 * given twice (`status=a&status=b`) is rejected by name: lists are comma-separated.
 */
export function validate<T extends keyof ValidationTargets, S extends ZodType>(target: T, schema: S) {
  const mw = zValidator(target, schema, (result) => {
    if (result.success) {
      const bad = loneSurrogateAt(result.data, target);
      if (bad) throw new ApiFailure(400, 'invalid_parameter', `${bad}: holds a lone surrogate (broken UTF-16); expected well-formed text`, [{ path: bad, message: 'expected well-formed text (a lone surrogate was found)' }]);
      return;
    }
    // Only the route's own parameters: others are ignored, given once or twice.
    const known = (schema as unknown as { shape?: Record<string, unknown> }).shape;
    const repeated = target === 'query' ? Object.entries(result.data as Record<string, unknown>).find(([k, v]) => Array.isArray(v) && (!known || k in known)) : undefined;
    if (repeated) {
      throw new ApiFailure(400, 'invalid_parameter', `${repeated[0]}: given more than once; expected one value (use a comma-separated list)`, [
        { path: repeated[0], message: 'given more than once; expected one value (use a comma-separated list)' },
      ]);
    }
    throw invalidInput(result.error as never, target);
  });
  // The published API description (GET /api/openapi.json) reads what each route validates from here.
  return Object.assign(mw, { [VALIDATES]: { target, schema } satisfies Validated });
}

const VALIDATES = Symbol('validates');
/** What a validate() middleware checks: the part of the request and its zod contract. */
export interface Validated {
  readonly target: keyof ValidationTargets;
  readonly schema: ZodType;
}
/** The contract a route's handler validates, if it is a validate() middleware. */
export const validatedBy = (handler: unknown): Validated | undefined => (handler as { [VALIDATES]?: Validated } | null)?.[VALIDATES];

/** A UTF-16 surrogate that is not half of a pair: text no file, database or screen can hold. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first string in `value` holding a lone surrogate, or null. */
function loneSurrogateAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = loneSurrogateAt(v, path === 'json' || path === 'query' || path === 'param' ? k : `${path}.${k}`);
    if (found) return found;
  }
  return null;
}
