import { z } from 'zod';
import { intParam } from './common';

export const loginBody = z
  .object({
    login: z.string().min(1, { message: 'expected your login name' }).max(40, { message: 'expected at most 40 characters' }),
    password: z.string().min(1, { message: 'expected your password' }).max(200, { message: 'expected at most 200 characters' }),
  })
  .strict();

export const auditQuery = z.object({
  entity: z.enum(['facility', 'institution', 'meeting', 'agreement', 'agreement_proposal', 'partnership_request', 'filing', 'filing_deadline', 'user', 'dataset'], { error: 'entity: expected one of facility, institution, meeting, agreement, agreement_proposal, partnership_request, filing, filing_deadline, user, dataset' }).optional(),
  limit: intParam('limit', 1, 500, 100),
  /** List entries with ids below this one (the next page); 0 = from the newest. */
  before: intParam('before', 0, 2 ** 53 - 1, 0),
});
