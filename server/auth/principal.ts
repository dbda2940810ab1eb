import type { Role } from '../contracts/auth';
import { careOfficeNumberFormatError, validateMedicalInstitutionCode, validateMunicipalityCode } from '../domain/identifiers';

/**
 * Who is asking. An account has one role and a scope: what that role may act on.
 *   admin         everything; no scope
 *   municipality  an officer: municipality codes (a 政令市's code covers its wards) or 2-digit prefecture codes
 *   facility      a facility's staff: its 事業所番号 (every service under that number)
 *   institution   a hospital's or clinic's staff: its 医療機関コード
 * Anonymous visitors have no principal: they see public open data and aggregates only (policy.ts).
 */
export { ROLES, type Role } from '../contracts/auth';

export interface Principal {
  id: number;
  login: string;
  role: Role;
  scope: string[];
}

/** What one scope entry of a role must look like: null when fine, else what was expected. */
const SCOPE_ENTRY: Record<Role, (code: string) => string | null> = {
  admin: () => 'an administrator has no scope',
  municipality: (code) => (/^\d{2}$/.test(code) ? null : validateMunicipalityCode(code) && `${validateMunicipalityCode(code)} (or a 2-digit prefecture code)`),
  // The format only: an account may be for a facility whose published number fails its check digit.
  facility: careOfficeNumberFormatError,
  institution: validateMedicalInstitutionCode,
};

/** Checks a role's scope: the problem as a sentence, or null. */
export function scopeProblem(role: Role, scope: readonly string[]): string | null {
  if (role === 'admin') return scope.length === 0 ? null : SCOPE_ENTRY.admin('');
  if (scope.length === 0) return `a ${role} account needs a scope (--scope CODE[,CODE…])`;
  for (const code of scope) {
    const problem = SCOPE_ENTRY[role](code);
    if (problem) return problem;
  }
  return null;
}

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
