import { countInRange, present, rankIndexedRaw, withRoadMinutes } from '../../domain/engine/candidates';
import { requirementsView } from '../../domain/engine/masks';
import { reportedMissing, searchBasis, searchMask, type EngineFacility } from '../../domain/engine/model';
import type { SearchBasis } from '../../domain/coverage';
import type { Requirement } from '../../domain/requirements';
import { DEFAULT_SCORE_WEIGHTS, TUNABLE_WEIGHTS, type CandidateQuery, type RawCandidate, type ScoreWeights, type TunableWeight } from '../../domain/engine/score';
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
  if (!f) return { missing: null, searchFor: [] as readonly Requirement[], basis: 'known' as SearchBasis };
  return { missing: reportedMissing(f), searchFor: requirementsView(searchMask(f)), basis: searchBasis(f) };
}

/** The tunable weights of a request (contracts/api.ts weightParams); absent ones keep their default. */
export type WeightParams = Partial<Record<`${TunableWeight}Weight`, number | undefined>>;

/**
 * The weights a request asks for, or undefined when they are the defaults — so the indexed search
 * (whose bounds are built for the defaults) answers.
 */
export function requestedWeights(p: WeightParams): Partial<ScoreWeights> | undefined {
  let w: Partial<Record<TunableWeight, number>> | undefined;
  for (const [k, param] of WEIGHT_PARAMS) {
    const v = p[param];
    if (v !== undefined && v !== DEFAULT_SCORE_WEIGHTS[k]) (w ??= {})[k] = v;
  }
  return w;
}
const WEIGHT_PARAMS = TUNABLE_WEIGHTS.map((k) => [k, `${k}Weight`] as const);

/** The tunable weights in force. */
const tunable = (w: Partial<ScoreWeights> | undefined) => Object.fromEntries(TUNABLE_WEIGHTS.map((k) => [k, w?.[k] ?? DEFAULT_SCORE_WEIGHTS[k]])) as Record<TunableWeight, number>;
const DEFAULT_TUNABLE = Object.freeze(tunable(undefined));
const weightsInForce = (w: Partial<ScoreWeights> | undefined) => (w ? tunable(w) : DEFAULT_TUNABLE);

const NO_CODES: ReadonlySet<string> = Object.freeze(new Set<string>());

/** The query the engine answers for a facility of the snapshot. */
export function candidateQuery(snap: EngineSnapshot, fi: number, maxMinutes: number, limit: number, weights?: Partial<ScoreWeights>): CandidateQuery {
  const f = snap.facilities[fi]!;
  const q: CandidateQuery = {
    origin: [f.lng, f.lat],
    missing: searchMask(f),
    a253Type: f.a253Type,
    landmass: f.landmass,
    // Most facilities have none (未把握): one shared empty set, no allocation.
    partnerCodes: f.partnerCodes.length === 0 ? NO_CODES : new Set(f.partnerCodes),
    specialRelationshipCodes: f.specialRelationshipCodes.length === 0 ? NO_CODES : new Set(f.specialRelationshipCodes),
    maxMinutes,
    limit,
  };
  if (weights) q.weights = weights;
  return q;
}

/**
 * One candidate as the list shows it: how far, what it gives, its flags and its score with the parts
 * it is made of (domain/engine/candidates.ts present), and the institution's own listing from the
 * snapshot (who, where, its load). Everything else about it is one request away
 * (candidate-explanation.ts).
 */
export function listedCandidate(snap: EngineSnapshot, c: RawCandidate) {
  return present(c, snap.institutionListing[c.i]!);
}

/**
 * Ranked candidates for one facility: the indexed engine's best `limit` (domain/engine/candidates.ts
 * rankIndexed; a scan of those in range when the weights are not the defaults), optionally re-ranked
 * by road time; `totalInRange` and `excluded` are counted from the index without scoring the rest.
 * Everything is read from the snapshot: no query per request.
 */
export async function rankFacilityCandidates(snap: EngineSnapshot, id: string, params: { maxMinutes: number; limit: number } & WeightParams, routing: TravelTimes | null) {
  const weights = requestedWeights(params);
  const fi = snap.facilityById.get(id);
  const base = { facilityId: id, maxMinutes: params.maxMinutes, travelModel: DEFAULT_TRAVEL_MODEL, weights: weightsInForce(weights) };
  if (fi === undefined) {
    return { ...base, ...searchedFor(snap.unplaced.find((u) => u.id === id)), position: null, reason: 'no_position' as const, travelSource: 'estimate' as const, totalInRange: 0, excluded: { notAccepting: 0, atCapacity: 0 }, candidates: [] };
  }
  const f = snap.facilities[fi]!;
  // The indexed engine gives the best (and, for road re-ranking, a few more); the rest are only
  // counted. (One query object of one shape: a spread copy would make the engine's property reads polymorphic.)
  const q = candidateQuery(snap, fi, params.maxMinutes, routing ? Math.max(params.limit, ROAD_RERANK) : params.limit, weights);
  const ranked = rankIndexedRaw(q, snap.institutionIndex);
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
  // Built field by field (no spreads): this is the route's hot path.
  const searched = searchedFor(f);
  return {
    facilityId: id,
    maxMinutes: params.maxMinutes,
    travelModel: DEFAULT_TRAVEL_MODEL,
    weights: base.weights,
    missing: searched.missing,
    searchFor: searched.searchFor,
    basis: searched.basis,
    position: [f.lng, f.lat] as [number, number],
    reason: q.missing === 0 ? ('nothing_missing' as const) : null,
    travelSource,
    totalInRange,
    excluded,
    candidates: final.slice(0, params.limit).map((c) => listedCandidate(snap, c)),
  };
}
