import { candidacy, compareCandidates, coverageScore, scoreInstitution, weightsOf } from '../../domain/engine/score';
import { scanCandidates } from '../../domain/engine/candidates';
import { bitOf } from '../../domain/engine/masks';
import { acrossWater } from '../../domain/engine/model';
import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKmXY, maxStraightKmFor } from '../../domain/geo';
import { institutionOffers, notificationSymbol } from '../../domain/institution-offers';
import { REQUIREMENTS } from '../../domain/requirements';
import { notFound } from '../../errors';
import type { EngineSnapshot } from '../engine/engine-store';
import { parseDeclared } from '../shared/institution-view';
import { candidateQuery, listedCandidate, requestedWeights, searchedFor, type WeightParams } from './candidates-query';

/**
 * Why an institution stands where it does in a facility's candidates — asked for one candidate when
 * the user opens it, so the list itself carries only what it shows. The same search as the list
 * (same query, same weights, estimated travel), for any institution: one in the list, one left out
 * (and why), or one beyond reach.
 *
 *   standing      candidate (with its rank), beyond_reach, gives_nothing_missing, not_accepting, at_capacity
 *   requirements  per requirement: required, searched for, and whether it offers it, is only eligible, or not
 *   offers        its three levels (domain.md §5) and the notifications they come from
 *   travel, load, willingness, a253   the inputs of each score part; score: the parts and the total
 */
export function explainCandidate(snap: EngineSnapshot, id: string, code: string, params: { maxMinutes: number } & WeightParams) {
  const row = snap.institutionRows.get(code);
  if (!row) throw notFound('institution', code);
  const weights = requestedWeights(params);
  const fi = snap.facilityById.get(id);
  const i = snap.institutionByCode.get(code);
  const base = { facilityId: id, code, name: row.name, kind: row.kind, maxMinutes: params.maxMinutes, travelModel: DEFAULT_TRAVEL_MODEL };
  if (fi === undefined) return { ...base, ...searchedFor(snap.unplaced.find((u) => u.id === id)), standing: 'facility_not_placed' as const, rank: null, candidate: null, explanation: null };
  if (i === undefined) return { ...base, ...searchedFor(snap.facilities[fi]), standing: row.withdrawnOn ? ('withdrawn' as const) : ('institution_not_placed' as const), rank: null, candidate: null, explanation: null };

  const f = snap.facilities[fi]!;
  const inst = snap.institutions[i]!;
  const q = candidateQuery(snap, fi, params.maxMinutes, 1, weights);
  const w = weightsOf(q);
  const km = haversineKmXY(q.origin[0], q.origin[1], inst.lng, inst.lat);
  const minutes = estimateDriveMinutes(km);
  const gate = candidacy(q, inst, minutes);
  const scored = scoreInstitution(q, w, inst, i, km);
  const raw = scored !== null && typeof scored !== 'string' ? scored : null;
  // Its rank: one more than the candidates in range that come before it (a scan of those in range).
  let rank: number | null = null;
  if (raw) {
    const near = snap.institutionIndex.allNear(q.origin[0], q.origin[1], Infinity, maxStraightKmFor(q.maxMinutes) * (1 + 1e-9));
    const { ranked } = scanCandidates(q, near.map((n) => snap.institutions[n.i]!));
    rank = 1 + ranked.filter((c) => compareCandidates(c, raw) < 0).length;
  }
  const standing = raw ? ('candidate' as const) : gate === 'notAccepting' ? ('not_accepting' as const) : gate === 'atCapacity' ? ('at_capacity' as const) : minutes > q.maxMinutes ? ('beyond_reach' as const) : ('gives_nothing_missing' as const);

  const symbols = snap.symbolsByInstitution.get(code) ?? [];
  const offers = institutionOffers({ kind: row.kind, symbols, declared: parseDeclared(row.declaredOffers) });
  const admit = bitOf('admit');
  const special = q.specialRelationshipCodes.has(code);
  return {
    ...base,
    ...searchedFor(f),
    standing,
    rank,
    candidate: raw ? listedCandidate(snap, raw) : null,
    explanation: {
      requirements: REQUIREMENTS.map((r) => {
        const bit = bitOf(r);
        // The scoring's own rule (score.ts coverageScore) for this one requirement.
        const cov = coverageScore(inst.offers, inst.eligible, inst.declared, bit, w);
        const gives = cov.offered !== 0 ? ('offered' as const) : cov.eligibleOnly !== 0 ? ('eligible_only' as const) : ('no' as const);
        return { requirement: r, required: (f.required & bit) !== 0, searched: (q.missing & bit) !== 0, gives };
      }),
      offers: {
        ...offers,
        notifications: symbols.map((s) => ({ symbol: s, nameJa: notificationSymbol(s)?.nameJa ?? null, offers: notificationSymbol(s)?.offers ?? [] })),
      },
      travel: { km: Math.round(km * 100) / 100, minutes: Math.round(minutes * 10) / 10, maxMinutes: q.maxMinutes, acrossWater: acrossWater(q.landmass, inst.landmass), source: 'estimate' as const },
      load: { activePartners: inst.activePartners, maxPartners: inst.maxPartners, remaining: inst.maxPartners === null ? null : inst.maxPartners - inst.activePartners, currentPartner: q.partnerCodes.has(code) },
      willingness: inst.willingness,
      a253: { facilityTypeEarns: f.a253Type, hospitalBasis: inst.a253Basis, givesMissingAdmit: (inst.offers & q.missing & admit) !== 0, specialRelationship: special, earned: raw?.a253 ?? false },
      weights: { coverage: w.coverage, requirement: w.requirement, eligibleOnlyFactor: w.eligibleOnlyFactor, travel: w.travel, load: w.load, willingness: w.willingness, a253: w.a253 },
    },
  };
}
