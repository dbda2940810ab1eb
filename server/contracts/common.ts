import { isIsoDate } from '../domain/dates';
import { z } from 'zod';
import { careOfficeNumberFormatError, validateMedicalInstitutionCode, validateMunicipalityCode } from '../domain/identifiers';
import { isKnownServiceCode, SERVICE_CODES } from '../domain/facility-types';
import { REQUIREMENTS, normalizeRequirements, type Requirement } from '../domain/requirements';
import { COVERAGE_STATUSES, type CoverageStatus } from '../domain/coverage';
import { normalizeTyped, typedCode } from '../domain/typed-text';

/**
 * Zod schemas shared by every boundary: API parameters, import rows, the web client.
 * Messages say what was expected and what was found.
 */

const show = (v: unknown) => (typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : String(v));

/**
 * Text as typed, made plain before it is checked (typed-text.ts: full-width digits, every dash as
 * "-"); `bare` also drops the dashes and spaces a code is grouped with. Non-strings pass through for
 * the schema to refuse. The one way the API's code and number parameters read what people type.
 */
const asTyped = <T extends z.ZodType>(schema: T, bare = false) => z.preprocess((v) => (typeof v === 'string' ? (bare ? typedCode(v) : normalizeTyped(v)) : v), schema);

/** A code checked by a validator that returns null or an error sentence. */
function checked(validate: (s: string) => string | null) {
  return asTyped(
    z.string().max(100, { message: 'expected a code, found more than 100 characters' }).superRefine((s, ctx) => {
      const err = validate(s);
      if (err) ctx.addIssue({ code: 'custom', message: err });
    }),
    true,
  );
}

/**
 * A 事業所番号 by its format only: a published number that fails its check digit is still a real
 * number in use (domain.md §6). Whoever takes a typed-in number for an unknown facility checks the
 * digit too (validateCareOfficeNumber).
 */
export const careOfficeNumberSchema = checked(careOfficeNumberFormatError);
export const medicalInstitutionCodeSchema = checked(validateMedicalInstitutionCode);
export const municipalityCodeSchema = checked(validateMunicipalityCode);

export const serviceCodeSchema = z.string().refine(isKnownServiceCode, {
  error: (iss) => `Expected a service code of domain.md §2 (${SERVICE_CODES.map((s) => s.code).join(', ')}), got ${show(iss.input)}`,
});

/** `<事業所番号>-<serviceCode>` — the facility id used by the API. */
export const facilityIdSchema = asTyped(z.string().transform((value, ctx) => {
  const m = /^([0-9A-Z]{10})-([0-9A-Z]+)$/.exec(value);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `Expected a facility id "<10-character 事業所番号>-<service code>", e.g. "3151180209-520", got ${show(value)}` });
    return z.NEVER;
  }
  const [, careOfficeNumber, serviceCode] = m as unknown as [string, string, string];
  const err = careOfficeNumberFormatError(careOfficeNumber) ?? (isKnownServiceCode(serviceCode) ? null : `Unknown service code ${show(serviceCode)}`);
  if (err) {
    ctx.addIssue({ code: 'custom', message: err });
    return z.NEVER;
  }
  return { careOfficeNumber, serviceCode, id: value };
}));

/** Whole-number query parameter within [min, max]. */
export function intParam(name: string, min: number, max: number, fallback: number) {
  return asTyped(z
    .string()
    .meta({ description: `A whole number from ${min} to ${max}; ${fallback} when absent (full-width digits accepted).`, examples: [String(fallback)] })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!/^-?\d+$/.test(raw.trim()) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name}: expected a whole number from ${min} to ${max}, got ${show(raw)}` });
        return z.NEVER;
      }
      return n;
    }));
}

/** Optional decimal query parameter within [min, max] (e.g. `travelWeight=1.5`); undefined when absent. */
export function decimalParam(name: string, min: number, max: number) {
  return asTyped(z
    .string()
    .meta({ description: `A number from ${min} to ${max} (full-width digits accepted).` })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      const n = Number(raw);
      if (!/^\d+(\.\d+)?$/.test(raw.trim()) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name}: expected a number from ${min} to ${max}, got ${show(raw)}` });
        return z.NEVER;
      }
      return n;
    }));
}

/** `bbox=minLng,minLat,maxLng,maxLat` in degrees. */
export const bboxParam = z
  .string()
  .meta({ description: 'minLng,minLat,maxLng,maxLat in degrees, min ≤ max.', examples: ['133.1,35.0,134.5,35.6'] })
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw === '') return undefined;
    const parts = raw.split(',').map((p) => p.trim());
    const nums = parts.map(Number);
    const ok =
      parts.length === 4 &&
      parts.every((p) => /^-?\d+(\.\d+)?$/.test(p)) &&
      nums[0]! >= -180 && nums[2]! <= 180 && nums[1]! >= -90 && nums[3]! <= 90 &&
      nums[0]! <= nums[2]! && nums[1]! <= nums[3]!;
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `bbox: expected "minLng,minLat,maxLng,maxLat" in degrees with min ≤ max, got ${show(raw)}` });
      return z.NEVER;
    }
    return nums as [number, number, number, number];
  });

/** Comma-separated list of allowed values, e.g. `status=none,partial`. */
export function listParam<T extends string>(name: string, allowed: readonly T[]) {
  return z
    .string()
    .meta({ description: `A comma-separated list of ${allowed.join(', ')}.` })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      const items = raw.split(',').map((s) => s.trim());
      const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${name}: expected a comma-separated list of ${allowed.join(', ')}, got ${show(raw)}` });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    });
}

export const requirementSchema = z.enum(REQUIREMENTS);
/** ①②③ as a list: at most the three there are (a longer array is refused before its items are read). */
export const requirementListSchema = z.array(requirementSchema).max(3, { message: 'expected at most 3 requirements (consult, examine, admit)' }).transform((rs) => normalizeRequirements(rs));
export const coverageStatusSchema = z.enum(COVERAGE_STATUSES as [CoverageStatus, ...CoverageStatus[]]);

/** The years a date typed into the tool may fall in: agreements, meetings, filings and deadlines. */
export const DATE_YEARS = { first: 1900, last: 2099 } as const;
/** ISO calendar date `YYYY-MM-DD` that exists, from 1900 to 2099 (`0000-01-01` is no one's date). */
export const isoDateSchema = z.string().refine((v) => isIsoDate(v) && Number(v.slice(0, 4)) >= DATE_YEARS.first && Number(v.slice(0, 4)) <= DATE_YEARS.last, {
  error: (iss) => `Expected a date YYYY-MM-DD from ${DATE_YEARS.first} to ${DATE_YEARS.last}, got ${show(iss.input)}`,
});

/** The one error shape of the API. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type { Requirement, CoverageStatus };
export { show as showValue };
