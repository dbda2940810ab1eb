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

/**
 * What is known about a facility's coverage. For an `unknown` facility nothing is known to be met or
 * missing, so `met` and `missing` are null — never "missing everything" (domain.md §3: 未把握 is not
 * 不足); `searchFor` is then the whole required set, so a facility can still look for partners.
 */
export interface Coverage {
  required: Requirement[];
  /** Union of the partners' requirements (may include ones this type does not require). */
  supplied: Requirement[];
  /** Required and supplied; null when unknown. */
  met: Requirement[] | null;
  /** Required and not supplied; null when unknown. */
  missing: Requirement[] | null;
  status: CoverageStatus;
  /** What a search for partners looks for: what is missing, or the whole required set when unknown. */
  searchFor: Requirement[];
  /** Whether the search is for known gaps or, with nothing known, for the whole required set. */
  basis: SearchBasis;
}

export type SearchBasis = 'known' | 'unknown';

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
  if (activeCovers.length === 0 && !partnersKnown) {
    return { required: [...required], supplied, met: null, missing: null, status: 'unknown', searchFor: [...required], basis: 'unknown' };
  }
  const met = intersectRequirements(required, supplied);
  const missing = subtractRequirements(required, supplied);
  const status: CoverageStatus = missing.length === 0 ? 'covered' : met.length > 0 ? 'partial' : 'none';
  return { required: [...required], supplied, met, missing, status, searchFor: missing, basis: 'known' };
}

/**
 * Above this share of 未把握 facilities an area's covered share is not drawn: too little is known for
 * a share to mean anything (the map greys it and says so).
 */
export const MOSTLY_UNKNOWN_SHARE = 0.5;

/** Whether a status counts as lacking: partial or none. Unknown is never lacking; covered is not. */
export const isLacking = (status: CoverageStatus): boolean => status === 'partial' || status === 'none';

/** The Japanese name of a status, as CSV and labels write it (充足 / 一部 / 未 / 未把握). */
export const STATUS_JA: Record<CoverageStatus, string> = { covered: '充足', partial: '一部', none: '未', unknown: '未把握' };
