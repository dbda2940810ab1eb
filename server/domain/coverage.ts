import { intersectRequirements, subtractRequirements, unionRequirements, type Requirement } from './requirements';

/**
 * A facility's coverage is the union of what its active partners supply (several institutions may
 * jointly satisfy the requirements [確認], domain.md §1), measured against its required set.
 *
 *   covered — every required requirement is supplied   (充足)
 *   partial — some, not all                              (一部)
 *   none    — partners are known, and supply none of it (未)
 *   unknown — nothing is recorded about its partners    (未把握), as for all open-data facilities
 */
export type CoverageStatus = 'covered' | 'partial' | 'none' | 'unknown';
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['covered', 'partial', 'none', 'unknown'];

export interface AgreementTerms {
  covers: readonly Requirement[];
  agreedOn: string | null;
  endedOn: string | null;
  status: 'active' | 'ended';
}

/** Active on `today` (ISO date): status active and not ended on or before today. */
export function isActiveAgreement(a: AgreementTerms, today: string): boolean {
  if (a.status !== 'active') return false;
  if (a.agreedOn !== null && a.agreedOn > today) return false;
  return a.endedOn === null || a.endedOn > today;
}

export interface Coverage {
  required: Requirement[];
  /** Union of the partners' requirements (may include ones this type does not require). */
  supplied: Requirement[];
  /** Required and supplied. */
  met: Requirement[];
  missing: Requirement[];
  status: CoverageStatus;
}

/**
 * @param required the facility type's required set
 * @param activeCovers what each *active* agreement covers
 * @param partnersKnown whether the facility's partner situation was ever reported (e.g. a filing
 *   saying "no partners"); with no agreements and nothing reported the status is unknown.
 */
export function computeCoverage(
  required: readonly Requirement[],
  activeCovers: readonly (readonly Requirement[])[],
  partnersKnown: boolean,
): Coverage {
  const supplied = unionRequirements(...activeCovers);
  const met = intersectRequirements(required, supplied);
  const missing = subtractRequirements(required, supplied);
  let status: CoverageStatus;
  if (activeCovers.length === 0 && !partnersKnown) status = 'unknown';
  else if (missing.length === 0) status = 'covered';
  else if (met.length > 0) status = 'partial';
  else status = 'none';
  return { required: [...required], supplied, met, missing, status };
}
