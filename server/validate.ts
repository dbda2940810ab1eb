import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { invalidInput } from './errors';

/** zValidator that turns a failure into the API's 400 shape, naming the parameter. */
export function validate<T extends keyof ValidationTargets, S extends ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw invalidInput(result.error as never, target);
  });
}
