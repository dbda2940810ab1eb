import { z } from 'zod';
import { bboxParam, coverageStatusSchema, facilityIdSchema, intParam, listParam, medicalInstitutionCodeSchema, municipalityCodeSchema } from './common';
import { COVERAGE_STATUSES, type CoverageStatus } from '../domain/coverage';
import { SERVICE_CODES } from '../domain/facility-types';
import { REQUIREMENTS } from '../domain/requirements';

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

export const candidatesQuery = z.object({
  maxMinutes: intParam('maxMinutes', 1, MAX_MINUTES_LIMIT, DEFAULT_MAX_MINUTES),
  limit: intParam('limit', 1, 200, 20),
});

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
