import { countInRange, present, rankIndexedRaw, withRoadMinutes } from '../../domain/engine/candidates';
import { requirementsOf } from '../../domain/engine/masks';
import { reportedMissing, searchBasis, searchMask, type EngineFacility } from '../../domain/engine/model';
import type { SearchBasis } from '../../domain/coverage';
import type { Requirement } from '../../domain/requirements';
import { DEFAULT_SCORE_WEIGHTS, type CandidateQuery } from '../../domain/engine/score';
import { DEFAULT_TRAVEL_MODEL } from '../../domain/geo';
import type { TravelTimes } from '../../routing/travel-times';
import type { EngineSnapshot } from '../engine/engine-store';

/** How many of the best by estimate are re-ranked with road times when a routing service is set. */
const ROAD_RERANK = 40;

/**
 * What a search answers for: the known gaps (`missing`, null when its partners are unknown), what was
 * searched (`searchFor`: the whole required set when unknown) and on what basis.
 */
export function searchedFor(f: Pick<EngineFacility, 'required' | 'met' | 'status'> | undefined) {
  if (!f) return { missing: null, searchFor: [] as Requirement[], basis: 'known' as SearchBasis };
  return { missing: reportedMissing(f), searchFor: requirementsOf(searchMask(f)), basis: searchBasis(f) };
}

/** The query the engine answers for a facility of the snapshot. */
export function candidateQuery(snap: EngineSnapshot, fi: number, maxMinutes: number, limit: number): CandidateQuery {
  const f = snap.facilities[fi]!;
  return {
    origin: [f.lng, f.lat],
    missing: searchMask(f),
    a253Type: f.a253Type,
    landmass: f.landmass,
    partnerCodes: new Set(f.partnerCodes),
    specialRelationshipCodes: new Set(f.specialRelationshipCodes),
    maxMinutes,
    limit,
  };
}

/**
 * Ranked candidates for one facility: the indexed engine's best `limit` (domain/engine/candidates.ts
 * rankIndexed), optionally re-ranked by road time, joined to their names; `totalInRange` and
 * `excluded` are counted from the index without scoring the rest.
 */
export async function rankFacilityCandidates(snap: EngineSnapshot, id: string, params: { maxMinutes: number; limit: number }, routing: TravelTimes | null) {
  const fi = snap.facilityById.get(id);
  const base = { facilityId: id, maxMinutes: params.maxMinutes, travelModel: DEFAULT_TRAVEL_MODEL, weights: DEFAULT_SCORE_WEIGHTS };
  if (fi === undefined) {
    return { ...base, ...searchedFor(snap.unplaced.find((u) => u.id === id)), position: null, reason: 'no_position' as const, travelSource: 'estimate' as const, totalInRange: 0, excluded: { notAccepting: 0, atCapacity: 0 }, candidates: [] };
  }
  const f = snap.facilities[fi]!;
  const q = candidateQuery(snap, fi, params.maxMinutes, params.limit);
  // The indexed engine gives the best (and, for road re-ranking, a few more); the rest are only counted.
  const ranked = rankIndexedRaw({ ...q, limit: routing ? Math.max(params.limit, ROAD_RERANK) : params.limit }, snap.institutionIndex);
  const { totalInRange, excluded } = countInRange(q, snap.institutionIndex);
  let final = ranked;
  let travelSource: 'estimate' | 'road' = 'estimate';
  if (routing && ranked.length > 0) {
    const minutes = await routing.minutes(q.origin, ranked.map((c) => snap.institutions[c.i]!).map((x) => [x.lng, x.lat] as const));
    if (minutes) {
      final = withRoadMinutes(q, ranked, minutes);
      travelSource = 'road';
    }
  }
  const shown = final.slice(0, params.limit).map(present);
  return {
    ...base,
    ...searchedFor(f),
    position: [f.lng, f.lat] as [number, number],
    reason: q.missing === 0 ? ('nothing_missing' as const) : null,
    travelSource,
    totalInRange,
    excluded,
    candidates: shown.map((out) => {
      const row = snap.institutionInfo.get(out.code)!;
      const inst = snap.institutions[snap.institutionByCode.get(out.code)!]!;
      return {
        ...out,
        // What the score is made of beyond `covers` and `minutes`, so a client can re-weight it
        // (domain/engine/score.ts scoreParts) without asking again.
        willingness: inst.willingness,
        activePartners: inst.activePartners,
        maxPartners: inst.maxPartners,
        institution: {
          code: out.code, name: row.name, kind: row.kind, address: row.address, phone: row.phone, lat: inst.lat, lng: inst.lng,
          offers: requirementsOf(inst.offers), offersSource: inst.declared ? ('declared' as const) : ('likely' as const), a253Basis: inst.a253Basis,
        },
      };
    }),
    facilityLandmass: f.landmass,
  };
}
