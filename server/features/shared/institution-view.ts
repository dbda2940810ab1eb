import type { institutions } from '../../db/schema';
import { institutionOffers } from '../../domain/institution-offers';
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
