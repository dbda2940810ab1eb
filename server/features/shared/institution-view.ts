import type { institutions } from '../../db/schema';
import { a253ForAgreement } from '../../domain/a253';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import { institutionOffers } from '../../domain/institution-offers';
import { confirmationDue } from '../../domain/partnership';
import { coversOf } from './agreements-query';
import { requirementListSchema } from '../../contracts/common';
import type { BBox } from '../../domain/geo';
import type { EngineSnapshot } from '../engine/engine-store';
import { inBBox } from './geojson';

export type InstitutionRow = typeof institutions.$inferSelect;

/** Declared offers are stored as a JSON array; anything unreadable counts as "not declared". */
export function parseDeclared(raw: string | null) {
  if (raw === null) return null;
  try {
    const parsed = requirementListSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface InstitutionWithOffers {
  row: InstitutionRow;
  symbols: string[];
  offers: ReturnType<typeof institutionOffers>;
  activePartners: number;
}

/**
 * Institutions with their relevant notification symbols, what they offer at each level, and their
 * active partner count — from the read model: one by code (shown even when withdrawn — its history
 * matters), or those not withdrawn, optionally inside a box.
 */
export function loadInstitutions(snap: Pick<EngineSnapshot, 'institutionRows' | 'symbolsByInstitution' | 'activePartnersByInstitution'>, opts: { bbox?: BBox; code?: string } = {}): InstitutionWithOffers[] {
  const rows = opts.code !== undefined ? [snap.institutionRows.get(opts.code)].filter((r): r is InstitutionRow => r !== undefined) : [...snap.institutionRows.values()].filter((r) => r.withdrawnOn === null && (!opts.bbox || inBBox(r.lng, r.lat, opts.bbox)));
  return rows.map((row) => {
    const s = snap.symbolsByInstitution.get(row.code) ?? [];
    return {
      row,
      symbols: s,
      offers: institutionOffers({ kind: row.kind, symbols: s, declared: parseDeclared(row.declaredOffers) }),
      activePartners: snap.activePartnersByInstitution.get(row.code) ?? 0,
    };
  });
}

/**
 * An institution's partners: its agreements in force today (oldest first), as its card and desk show
 * them; `basis` is holdsA253Basis of the institution.
 */
export function institutionPartners(snap: Pick<EngineSnapshot, 'facilityRows' | 'activeAgreementsByInstitution'>, row: InstitutionRow, basis: boolean, today: string) {
  return (snap.activeAgreementsByInstitution.get(row.code) ?? []).map((a) => {
    const f = snap.facilityRows.get(facilityId(a.careOfficeNumber, a.serviceCode));
    return {
      agreementId: a.id,
      facilityId: facilityId(a.careOfficeNumber, a.serviceCode),
      facilityName: f?.name ?? null,
      typeJa: facilityTypeOf(a.serviceCode).shortJa,
      covers: coversOf(a),
      agreedOn: a.agreedOn,
      confirmedOn: a.confirmedOn,
      /** The yearly confirmation: when it falls due, and whether that has passed. */
      confirmation: confirmationDue(a, today),
      specialRelationship: a.specialRelationship,
      infectionAgreement: a.infectionAgreement,
      /** Whether this agreement earns the hospital A253, and if not why (domain/a253.ts). */
      a253: a253ForAgreement({ facilityType: facilityTypeOf(a.serviceCode), covers: coversOf(a), institutionKind: row.kind, basis, specialRelationship: a.specialRelationship }),
      version: a.version,
    };
  });
}
