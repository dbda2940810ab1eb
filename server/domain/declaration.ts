import { DomainError } from './errors';
import { eligibleOffers, type InstitutionKind } from './institution-offers';
import { requirementSymbols, type Requirement } from './requirements';

/**
 * What an institution declares of itself (domain.md §5: declared overrides likely). Offers are capped
 * by what its kind can give: ③ (admission) only from a 病院 — 運営基準 "入院を原則として受け入れる"
 * is a hospital's; a 診療所 or an institution of unknown kind cannot declare it.
 */
export interface Declaration {
  offers: Requirement[] | null;
  willingness: 'accepting' | 'not_accepting' | null;
  maxPartners: number | null;
}

/**
 * Checks a declaration. With `current` (what is stored, and its active agreements now): a new
 * maxPartners below the partners it already has is refused — it would start over capacity; a value
 * kept as it was does not block editing the rest.
 */
export function checkDeclaration(kind: InstitutionKind, d: Declaration, current?: { maxPartners: number | null; activePartners: number }): void {
  if (current && d.maxPartners !== null && d.maxPartners !== current.maxPartners && d.maxPartners < current.activePartners) {
    const n = current.activePartners;
    throw new DomainError('invalid', `maxPartners: ${d.maxPartners} is below the ${n} partner facilit${n === 1 ? 'y' : 'ies'} this institution has now (active agreements); expected at least ${n}`, 'maxPartners');
  }
  if (d.offers === null) return;
  const eligible = new Set(eligibleOffers(kind));
  const beyond = d.offers.filter((r) => !eligible.has(r));
  if (beyond.length > 0) {
    const what = kind === 'clinic' ? 'a 診療所' : 'an institution of unknown kind';
    throw new DomainError('ineligible_requirement', `offers: ${what} cannot offer ${requirementSymbols(beyond)} (③ admission is for hospitals only)`, 'offers');
  }
}
