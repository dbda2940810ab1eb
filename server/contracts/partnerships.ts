import { z } from 'zod';
import { FACILITY_TYPES, type FacilityTypeKey } from '../domain/facility-types';
import { facilityIdSchema, intParam, isoDateSchema, medicalInstitutionCodeSchema, requirementListSchema } from './common';

/**
 * The partnership cycle's boundaries (server/features/partnerships, server/features/filings):
 * seeking, requests, agreements, meetings, the 加算, filings and their tracker.
 */
const version = z.number({ error: 'version: expected the version you read' }).int().min(1);
const nonEmptyRequirements = requirementListSchema.refine((rs) => rs.length > 0, { message: 'expected at least one of consult, examine, admit' });

export const seekingBody = z.object({ seeking: requirementListSchema.nullable(), version }).strict();

export const requestBody = z
  .object({
    facilityId: facilityIdSchema,
    institutionCode: medicalInstitutionCodeSchema,
    requirements: nonEmptyRequirements,
    message: z.string().max(1000, { message: 'expected at most 1000 characters' }).optional(),
  })
  .strict();

export const requestParams = z.object({ id: intParam('id', 1, 2 ** 31 - 1, 1) });

export const acceptBody = z
  .object({
    version,
    /** What the agreement covers: by default what was asked. */
    covers: nonEmptyRequirements.optional(),
    agreedOn: isoDateSchema.optional(),
    confirmedOn: isoDateSchema.optional(),
    infectionAgreement: z.boolean().optional(),
    specialRelationship: z.boolean().optional(),
  })
  .strict();

export const declineBody = z.object({ version, reason: z.string().trim().min(1, { message: 'expected a reason for declining' }).max(1000) }).strict();
export const withdrawBody = z.object({ version }).strict();

export const agreementParams = requestParams;
export const agreementPatch = z
  .object({
    version,
    covers: nonEmptyRequirements.optional(),
    agreedOn: isoDateSchema.nullable().optional(),
    confirmedOn: isoDateSchema.nullable().optional(),
    infectionAgreement: z.boolean().optional(),
    specialRelationship: z.boolean().optional(),
    /** Ending an agreement: status ended with the day it ended (today by default) and why; active re-activates an ended one. */
    status: z.enum(['active', 'ended']).optional(),
    endedOn: isoDateSchema.nullable().optional(),
    /** Why it ends: required when a party ends it. */
    endReason: z.string({ error: 'endReason: expected text' }).max(1000, { message: 'endReason: expected at most 1000 characters' }).optional(),
  })
  .strict();

/**
 * What a proposal changes (agreement_proposals.changes): the two-party fields only, each present only
 * when it differs from the agreement; `status: 'active'` re-activates an ended agreement.
 */
export const proposalChanges = z
  .object({
    covers: nonEmptyRequirements.optional(),
    agreedOn: isoDateSchema.nullable().optional(),
    specialRelationship: z.boolean().optional(),
    infectionAgreement: z.boolean().optional(),
    status: z.literal('active').optional(),
  })
  .strict();
export type ProposalChanges = z.infer<typeof proposalChanges>;

export const proposalParams = z.object({ id: intParam('id', 1, 2 ** 31 - 1, 1), proposalId: intParam('proposalId', 1, 2 ** 31 - 1, 1) });
export const proposalAnswerBody = z.object({ version }).strict();
export const proposalDeclineBody = z
  .object({ version, reason: z.string({ error: 'reason: expected text' }).trim().min(1, { message: 'reason: expected a reason, or leave it out' }).max(1000, { message: 'reason: expected at most 1000 characters' }).optional() })
  .strict();

export const meetingBody = z
  .object({
    institutionCode: medicalInstitutionCodeSchema,
    heldOn: isoDateSchema,
    electronicSharing: z.boolean({ error: 'expected true or false' }),
  })
  .strict();

const fiscalYear = intParam('fiscalYear', 2018, 2100, 0);
export const kasanQuery = z.object({
  fiscalYear,
  unionCounts: z.enum(['true', 'false'], { error: 'unionCounts: expected true or false' }).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});
export const filingQuery = z.object({ fiscalYear, submittedOn: isoDateSchema.optional() });

const FILING_STATUSES = ['filed', 'not_filed', 'overdue'] as const;
const FACILITY_TYPE_KEYS = Object.keys(FACILITY_TYPES) as [FacilityTypeKey, ...FacilityTypeKey[]];
export const trackerQuery = z.object({
  authority: z.string().regex(/^\d{6}$/, { message: 'authority: expected the 6-digit code of a prefecture or municipality' }),
  fiscalYear,
  /** Only the facilities of a municipality (a 政令市's code takes in its wards). */
  municipality: z.string().regex(/^\d{6}$/, { message: 'municipality: expected a 6-digit municipality code' }).optional(),
  type: z.enum(FACILITY_TYPE_KEYS, { error: `type: expected a facility type (${FACILITY_TYPE_KEYS.join(', ')})` }).optional(),
  status: z.enum(FILING_STATUSES, { error: `status: expected one of ${FILING_STATUSES.join(', ')}` }).optional(),
  offset: intParam('offset', 0, 1_000_000, 0),
  limit: intParam('limit', 1, 1000, 100),
});
export const deadlineParams = z.object({ authority: trackerQuery.shape.authority, fiscalYear });
export const deadlineBody = z.object({ dueOn: isoDateSchema }).strict();
export const filingUploadQuery = z
  .object({
    fileName: z.string().min(1).max(200).default('filing.xlsx'),
    /** Replacing the facility's filing of that year: its id and the version read (409 when it moved). */
    replaces: intParam('replaces', 1, 2 ** 31 - 1, 0),
    version: intParam('version', 1, 2 ** 31 - 1, 0),
    /** check=1: run the whole intake and answer its problems, writing nothing. */
    check: z
      .enum(['0', '1', 'true', 'false'], { error: 'check: expected 1 (check only) or 0' })
      .optional()
      .transform((v) => v === '1' || v === 'true'),
  })
  .refine((q) => (q.replaces === 0) === (q.version === 0), { message: 'replaces: give the filing it replaces and the version you read, together', path: ['replaces'] });

/** GET /api/officer/desk: the fiscal year, and (an administrator's, or to narrow an officer's) area. */
export const officerDeskQuery = z.object({
  fiscalYear,
  /** Comma-separated 2-digit prefecture or 6-digit municipality codes, as an officer's scope holds them. */
  scope: z
    .string()
    .max(2000, { message: 'scope: expected at most 2000 characters' })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const codes = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
      const bad = codes.find((code) => !/^(\d{2}|\d{6})$/.test(code));
      if (bad !== undefined || codes.length === 0) {
        ctx.addIssue({ code: 'custom', message: `scope: expected 2-digit prefecture or 6-digit municipality codes, comma-separated, found ${JSON.stringify((bad ?? raw).slice(0, 40))}` });
        return z.NEVER;
      }
      return codes;
    }),
});
