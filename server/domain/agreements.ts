import { DomainError } from './errors';
import { ineligibleRequirements, type InstitutionKind } from './institution-offers';
import { REQUIREMENT_INFO, requirementSymbols, type Requirement } from './requirements';

const KIND_JA: Record<InstitutionKind, string> = { hospital: '病院', clinic: '診療所', unknown: '種別不明の医療機関' };

/**
 * An agreement may only claim what the institution is eligible for: ③ 入院 from a 病院 only
 * (運営基準: 「③については病院に限る」); an institution of unknown kind is never accepted for ③.
 */
export function assertAgreementEligible(kind: InstitutionKind, covers: readonly Requirement[], institutionCode: string): void {
  const bad = ineligibleRequirements(kind, covers);
  if (bad.length === 0) return;
  const labels = bad.map((r) => `${REQUIREMENT_INFO[r].symbol} ${REQUIREMENT_INFO[r].labelJa}`).join(', ');
  throw new DomainError(
    'ineligible_requirement',
    `${labels} can only be supplied by a 病院; 医療機関コード ${institutionCode} is a ${KIND_JA[kind]} (covers ${requirementSymbols(covers)})`,
    'covers',
  );
}
