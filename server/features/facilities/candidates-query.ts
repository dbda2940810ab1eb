import type { Db } from '../../db/client';
import { DEFAULT_SCORE_WEIGHTS, rankCandidates } from '../../domain/candidates';
import { bboxAround, DEFAULT_TRAVEL_MODEL, maxStraightKmFor } from '../../domain/geo';
import { facilityId } from '../../domain/identifiers';
import { facilityAgreements, isActiveOn } from '../shared/agreements-query';
import { loadInstitutions } from '../shared/institution-view';
import { facilityDetail, type FacilityRow } from './queries';

/**
 * Candidates for one facility: institutions in a box that surely contains everything within
 * `maxMinutes`, ranked by the pure domain function, joined back to their names and positions.
 */
export function rankFacilityCandidates(db: Db, row: FacilityRow, params: { maxMinutes: number; limit: number }, today: string) {
  const detail = facilityDetail(db, row, today);
  const base = {
    facilityId: facilityId(row.careOfficeNumber, row.serviceCode),
    missing: detail.coverage.missing,
    maxMinutes: params.maxMinutes,
    travelModel: DEFAULT_TRAVEL_MODEL,
    weights: DEFAULT_SCORE_WEIGHTS,
  };
  if (row.lat === null || row.lng === null) {
    return { ...base, position: null, reason: 'no_position' as const, totalInRange: 0, excluded: { notAccepting: 0, atCapacity: 0 }, candidates: [] };
  }
  const origin: [number, number] = [row.lng, row.lat];
  const box = bboxAround(origin, maxStraightKmFor(params.maxMinutes) * 1.01);
  const pool = loadInstitutions(db, today, { bbox: box });
  const partnerCodes = new Set(facilityAgreements(db, row.careOfficeNumber, row.serviceCode).filter((a) => isActiveOn(a, today)).map((a) => a.institutionCode));
  const ranking = rankCandidates({
    origin,
    missing: detail.coverage.missing,
    maxMinutes: params.maxMinutes,
    limit: params.limit,
    partnerCodes,
    institutions: pool.map((p) => ({
      code: p.row.code,
      kind: p.row.kind,
      position: p.row.lng === null || p.row.lat === null ? null : [p.row.lng, p.row.lat],
      offers: p.offers,
      activePartners: p.activePartners,
      maxPartners: p.row.maxPartners,
      willingness: p.row.willingness,
    })),
  });
  const byCode = new Map(pool.map((p) => [p.row.code, p]));
  return {
    ...base,
    position: origin,
    reason: detail.coverage.missing.length === 0 ? ('nothing_missing' as const) : null,
    totalInRange: ranking.totalInRange,
    excluded: ranking.excluded,
    candidates: ranking.candidates.map((cand) => {
      const p = byCode.get(cand.code)!;
      return {
        ...cand,
        institution: {
          code: p.row.code,
          name: p.row.name,
          kind: p.row.kind,
          address: p.row.address,
          phone: p.row.phone,
          lat: p.row.lat as number,
          lng: p.row.lng as number,
          offers: p.offers.offers,
          offersSource: p.offers.source,
          symbols: p.symbols,
        },
      };
    }),
  };
}
