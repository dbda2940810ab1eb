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
