import type { FacilityType } from './facility-types';
import type { InstitutionKind } from './institution-offers';
import { notificationSymbol } from './institution-offers';
import type { Requirement } from './requirements';

/**
 * A253 協力対象施設入所者入院加算 (domain.md §4), in one place. It is an admission add-on, so it belongs
 * to the partner that provides ③ to the facility — a 病院, since ③ is hospitals-only (運営基準) — that
 * holds a basis (在宅療養支援病院, 在宅療養後方支援病院 or a 地域包括ケア病棟), for a 老健, 介護医療院, 特養 or
 * 地域密着特養, and never under a 特別の関係. A clinic never earns it.
 */

/** Whether an institution of this kind with these notifications holds a basis for A253. */
export function holdsA253Basis(kind: InstitutionKind, symbols: Iterable<string>): boolean {
  if (kind !== 'hospital') return false;
  for (const s of symbols) if (notificationSymbol(s)?.a253Basis) return true;
  return false;
}

/** Why an agreement earns no A253 — the first reason that applies, in this order. */
export type A253Reason = 'facility_type' | 'no_admit' | 'not_hospital' | 'no_basis' | 'special_relationship';

export interface A253Result {
  earns: boolean;
  reason: A253Reason | null;
}

export function a253ForAgreement(input: {
  facilityType: Pick<FacilityType, 'a253'>;
  /** What the agreement covers: A253 needs ③ from this partner. */
  covers: readonly Requirement[];
  institutionKind: InstitutionKind;
  /** holdsA253Basis of the institution. */
  basis: boolean;
  specialRelationship: boolean;
}): A253Result {
  const reason: A253Reason | null = !input.facilityType.a253
    ? 'facility_type'
    : !input.covers.includes('admit')
      ? 'no_admit'
      : input.institutionKind !== 'hospital'
        ? 'not_hospital'
        : !input.basis
          ? 'no_basis'
          : input.specialRelationship
            ? 'special_relationship'
            : null;
  return { earns: reason === null, reason };
}
