import { z } from 'zod';
import { SEARCH_QUERY_MAX } from './limits';
import { bboxParam, coverageStatusSchema, decimalParam, facilityIdSchema, intParam, listParam, medicalInstitutionCodeSchema, municipalityCodeSchema } from './common';
import { COVERAGE_STATUSES, type CoverageStatus } from '../domain/coverage';
import { FACILITY_TYPES, SERVICE_CODES, type FacilityTypeKey } from '../domain/facility-types';
import { LACKING_SORTS, type LackingSort } from '../domain/priority';
import { MAX_TUNABLE_WEIGHT } from '../domain/engine/score';
import { normalizeRequirements, REQUIREMENTS, type Requirement } from '../domain/requirements';

/** Query and path parameters of every API route. Every distance limit is a travel time in minutes. */
export const MAX_MINUTES_LIMIT = 180;
export const DEFAULT_MAX_MINUTES = 30;

export const facilitiesQuery = z.object({
  bbox: bboxParam,
  municipality: municipalityCodeSchema.optional(),
  serviceCode: listParam('serviceCode', SERVICE_CODES.map((s) => s.code)),
  status: listParam<CoverageStatus>('status', COVERAGE_STATUSES),
});

export const facilityParams = z.object({ id: facilityIdSchema });

/** The score weights a user may move (README: How candidates are scored), each 0–3; absent = the default. */
const MAX_WEIGHT = MAX_TUNABLE_WEIGHT;
const weightParams = {
  coverageWeight: decimalParam('coverageWeight', 0, MAX_WEIGHT),
  travelWeight: decimalParam('travelWeight', 0, MAX_WEIGHT),
  loadWeight: decimalParam('loadWeight', 0, MAX_WEIGHT),
  willingnessWeight: decimalParam('willingnessWeight', 0, MAX_WEIGHT),
  a253Weight: decimalParam('a253Weight', 0, MAX_WEIGHT),
};

export const candidatesQuery = z.object({
  maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
  limit: intParam('limit', 1, 500, 20),
  ...weightParams,
});

/** One candidate's full explanation: the same search, for the institution named in the path. */
export const candidateExplanationQuery = z.object({
  maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
  ...weightParams,
});
export const candidateParams = z.object({ id: facilityIdSchema, code: medicalInstitutionCodeSchema });

export const institutionsQuery = z.object({
  bbox: bboxParam,
  offers: listParam('offers', REQUIREMENTS),
});

export const institutionParams = z.object({ code: medicalInstitutionCodeSchema });

export const municipalitiesQuery = z.object({
  prefecture: z
    .string()
    .regex(/^\d{2}$/, { message: 'prefecture: expected a 2-digit prefecture code, e.g. "31"' })
    .optional(),
  geometry: z
    .enum(['true', 'false'], { error: 'geometry: expected true or false' })
    .default('true')
    .transform((v) => v === 'true'),
});

export { coverageStatusSchema };

export const combinationsQuery = z.object({
  maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
  alternatives: intParam('alternatives', 1, 20, 5),
});

export const nearbyFacilitiesQuery = z.object({
  maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
  limit: intParam('limit', 1, 500, 50),
});

export const gapsQuery = z
  .object({
    municipality: municipalityCodeSchema.optional(),
    prefecture: z.string().regex(/^\d{2}$/, { message: 'prefecture: expected a 2-digit prefecture code, e.g. "31"' }).optional(),
    maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
  })
  .refine((q) => !(q.municipality && q.prefecture), { message: 'municipality: give either municipality or prefecture, not both', path: ['municipality'] });

/** POST /api/plan: the area and the parameters. */
export const planBody = z
  .object({
    municipality: municipalityCodeSchema.optional(),
    prefecture: z.string().regex(/^\d{2}$/, { message: 'expected a 2-digit prefecture code, e.g. "31"' }).optional(),
    maxMinutes: z.number({ error: 'expected a number of minutes' }).int({ message: 'expected a whole number of minutes' }).min(1).max(MAX_MINUTES_LIMIT).default(60),
    defaultCapacity: z.number({ error: 'expected a whole number of partner facilities' }).int({ message: 'expected a whole number' }).min(0).max(100).default(5),
  })
  .strict()
  .refine((b) => (b.municipality ? 1 : 0) + (b.prefecture ? 1 : 0) === 1, { message: 'expected exactly one of municipality or prefecture', path: ['municipality'] });

/** GET /api/tiles/:set/:z/:x/:y — a vector tile's address (x, y within the zoom's 2^z × 2^z grid). */
export const tileParams = z
  .object({
    set: z.enum(['areas', 'points'], { error: 'set: expected areas or points' }),
    z: intParam('z', 0, 22, 0),
    x: intParam('x', 0, 2 ** 22 - 1, 0),
    y: intParam('y', 0, 2 ** 22 - 1, 0),
  })
  .superRefine((t, ctx) => {
    for (const k of ['x', 'y'] as const) {
      if (t[k] >= 2 ** t.z) ctx.addIssue({ code: 'custom', path: [k], message: `${k}: expected a whole number from 0 to ${2 ** t.z - 1} at zoom ${t.z}, got ${t[k]}` });
    }
  });

export const tileQuery = z.object({ v: z.string().max(40).optional() });

/** GET /api/search — what was typed, and which kind of place. */
export const searchQuery = z.object({
  q: z.string({ error: 'q: expected the text to search for' }).max(SEARCH_QUERY_MAX, { message: `q: expected at most ${SEARCH_QUERY_MAX} characters` }),
  kind: z.enum(['facility', 'institution'], { error: 'kind: expected "facility" or "institution"' }).default('facility'),
  limit: intParam('limit', 1, 50, 10),
});

/** PUT /api/institutions/:code/declaration — what the institution says of itself, and the version it read. */
export const declarationBody = z
  .object({
    offers: z.array(z.enum(REQUIREMENTS as unknown as [string, ...string[]], { error: 'offers: expected requirements among consult, examine, admit' })).max(3, { message: 'offers: expected at most 3 requirements' }).nullable(),
    willingness: z.enum(['accepting', 'not_accepting'], { error: 'willingness: expected "accepting", "not_accepting" or null' }).nullable(),
    maxPartners: z
      .number({ error: 'maxPartners: expected a whole number of partner facilities, or null' })
      .int({ message: 'maxPartners: expected a whole number' })
      .min(0, { message: 'maxPartners: expected 0 or more' })
      .max(1000, { message: 'maxPartners: expected at most 1000' })
      .nullable(),
    version: z.number({ error: 'version: expected the version you read' }).int().min(1),
  })
  .strict()
  .transform((b) => ({ ...b, offers: b.offers === null ? null : normalizeRequirements(b.offers as Requirement[]) }));

/** GET /api/gaps/facilities — the area and time as for /api/gaps, and which page of the list in which order. */
export const lackingQuery = z
  .object({
    municipality: municipalityCodeSchema.optional(),
    prefecture: z.string().regex(/^\d{2}$/, { message: 'prefecture: expected a 2-digit prefecture code, e.g. "31"' }).optional(),
    maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
    type: z.enum(['all', ...(Object.keys(FACILITY_TYPES) as [FacilityTypeKey, ...FacilityTypeKey[]])], { error: `type: expected all or a facility type (${Object.keys(FACILITY_TYPES).join(', ')})` }).default('all'),
    sort: z.enum(LACKING_SORTS as [LackingSort, ...LackingSort[]], { error: 'sort: expected severity, deadline or name' }).default('severity'),
    /** lacking: known to lack coverage (一部, 未); unknown: partners not yet recorded (未把握) — never mixed. */
    list: z.enum(['lacking', 'unknown'], { error: 'list: expected lacking or unknown' }).default('lacking'),
    offset: intParam('offset', 0, 1_000_000, 0),
    limit: intParam('limit', 1, 100_000, 100),
  })
  .refine((q) => !(q.municipality && q.prefecture), { message: 'municipality: give either municipality or prefecture, not both', path: ['municipality'] });
