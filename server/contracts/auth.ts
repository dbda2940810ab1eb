import { z } from 'zod';
import { intParam, isoDateSchema } from './common';

/** The roles an account can have (server/auth/principal.ts says what each acts on). */
export const ROLES = ['admin', 'municipality', 'facility', 'institution'] as const;
export type Role = (typeof ROLES)[number];

export const loginBody = z
  .object({
    login: z.string().min(1, { message: 'expected your login name' }).max(40, { message: 'expected at most 40 characters' }),
    password: z.string().min(1, { message: 'expected your password' }).max(200, { message: 'expected at most 200 characters' }),
  })
  .strict();

const AUDIT_ENTITIES = ['facility', 'institution', 'meeting', 'agreement', 'agreement_proposal', 'partnership_request', 'filing', 'filing_deadline', 'user', 'dataset'] as const;
export const auditQuery = z.object({
  entity: z.enum(AUDIT_ENTITIES, { error: `entity: expected one of ${AUDIT_ENTITIES.join(', ')}` }).optional(),
  limit: intParam('limit', 1, 500, 100),
  /** List entries with ids below this one (the next page); 0 = from the newest. */
  before: intParam('before', 0, 2 ** 53 - 1, 0),
  /** Who made the change: an account's login, or `cli:<command>`. */
  actor: z.string().min(1, { message: 'actor: expected a login or cli:<command>' }).max(100, { message: 'actor: expected at most 100 characters' }).optional(),
  /** From and to this day (Japan time), both included. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** Records of one municipality (a 政令市 with its wards) or, by a 2-digit code, one prefecture. */
  area: z.string().regex(/^(\d{2}|\d{6})$/, { message: 'area: expected a 6-digit municipality code or a 2-digit prefecture code' }).optional(),
});

// ---- Accounts (server/features/accounts) -----------------------------------------------------------

const scopeList = z
  .array(z.string({ error: 'scope: expected codes as text' }).trim().min(1, { message: 'scope: expected a code, found an empty one' }).max(100, { message: 'scope: expected codes of at most 100 characters' }), { error: 'scope: expected a list of codes' })
  .max(200, { message: 'scope: expected at most 200 codes' });
const role = z.enum(ROLES, { error: `role: expected one of ${ROLES.join(', ')}` });

/** A new account: its login, role and scope (the password is made by the server and shown once). */
export const accountBody = z
  .object({
    login: z.string({ error: 'login: expected the account name' }).max(40, { message: 'login: expected at most 40 characters' }),
    role,
    scope: scopeList.default([]),
  })
  .strict();

/** A change of an account's role and scope; `version` (optional) guards against another change meanwhile. */
export const accountPatch = z
  .object({
    role: role.optional(),
    scope: scopeList.optional(),
    version: z.number({ error: 'version: expected the version you read' }).int().min(1).optional(),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.scope !== undefined, { message: 'expected role or scope (or both)', path: ['role'] });

export const accountParams = z.object({ login: z.string().min(1, { message: 'login: expected the account name' }).max(40, { message: 'login: expected at most 40 characters' }) });
