import { maxStraightKmFor, estimateDriveMinutes, DEFAULT_TRAVEL_MODEL, haversineKm } from '../geo';
import { requirementsOf } from './masks';
import type { EngineInstitution } from './model';
import { compareCandidates, coverageScore, scoreInstitution, weightsOf, type CandidateQuery, type RawCandidate, type ScoreParts } from './score';
import type { InstitutionIndex } from './spatial';

/**
 * Candidate ranking: institutions within `maxMinutes` that could supply at least one missing
 * requirement, best score first (score.ts). Two implementations with identical results:
 * `rankByScan` looks at every institution (the reference); `rankIndexed` asks the spatial index for
 * the nearest members of each capability bucket and stops as soon as no farther one can still rank.
 */
export interface Candidate {
  code: string;
  distanceKm: number;
  minutes: number;
  covers: { offered: ReturnType<typeof requirementsOf>; eligibleOnly: ReturnType<typeof requirementsOf> };
  currentPartner: boolean;
  remaining: number | null;
  /** The pair would earn the hospital A253. */
  a253: boolean;
  /** On another landmass (e.g. 隠岐 and the mainland): not a road trip. */
  acrossWater: boolean;
  score: { total: number; parts: ScoreParts };
}

export interface Ranking {
  candidates: Candidate[];
  excluded: { notAccepting: number; atCapacity: number };
  totalInRange: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function present(c: RawCandidate): Candidate {
  const parts = { coverage: r3(c.parts.coverage), travel: r3(c.parts.travel), load: r3(c.parts.load), willingness: r3(c.parts.willingness), a253: r3(c.parts.a253) };
  return {
    code: c.code,
    distanceKm: Math.round(c.km * 100) / 100,
    minutes: Math.round(c.minutes * 10) / 10,
    covers: { offered: requirementsOf(c.offered), eligibleOnly: requirementsOf(c.eligibleOnly) },
    currentPartner: c.currentPartner,
    remaining: c.remaining,
    a253: c.a253,
    acrossWater: c.acrossWater,
    score: { total: r3(c.total), parts },
  };
}

/** Scores every given institution: all candidates in range, best first, and what was left out. */
export function scanCandidates(q: CandidateQuery, institutions: readonly EngineInstitution[]): { ranked: RawCandidate[]; excluded: Ranking['excluded'] } {
  const w = weightsOf(q);
  const excluded = { notAccepting: 0, atCapacity: 0 };
  const ranked: RawCandidate[] = [];
  if (q.missing === 0) return { ranked, excluded };
  institutions.forEach((inst, i) => {
    const s = scoreInstitution(q, w, inst, i, haversineKm(q.origin, [inst.lng, inst.lat]));
    if (s === null) return;
    if ('excluded' in s) excluded[s.excluded]++;
    else ranked.push(s.candidate);
  });
  return { ranked: ranked.sort(compareCandidates), excluded };
}

/** Every institution, one by one: the reference implementation (and the benchmark's naive scan). */
export function rankByScan(q: CandidateQuery, institutions: readonly EngineInstitution[]): Ranking {
  const { ranked, excluded } = scanCandidates(q, institutions);
  return { candidates: ranked.slice(0, q.limit).map(present), excluded, totalInRange: ranked.length };
}

/**
 * Re-ranks candidates with road travel minutes (e.g. from OSRM) in place of the estimate: the travel
 * part is recomputed, those now beyond `maxMinutes` drop out, and where the service gave no time the
 * estimate stays. Across water the full travel penalty stays.
 */
export function withRoadMinutes(q: CandidateQuery, candidates: readonly RawCandidate[], minutes: readonly (number | null)[]): RawCandidate[] {
  const w = weightsOf(q);
  return candidates
    .map((c, k) => {
      const m = minutes[k];
      if (m === null || m === undefined || c.acrossWater) return c;
      const travel = -w.travel * (m / q.maxMinutes);
      return { ...c, minutes: m, parts: { ...c.parts, travel }, total: c.total - c.parts.travel + travel };
    })
    .filter((c) => c.minutes <= q.maxMinutes)
    .sort(compareCandidates);
}

/**
 * The same top `limit` through the index. For each bucket, an upper bound of any member's score at
 * distance ≥ d is `coverage + a253 + willingness − travel(d)`; buckets are visited best bound first
 * and each is read nearest-first, doubling how many are read, until the bound falls below the
 * current `limit`-th score.
 */
export function rankIndexed(q: CandidateQuery, index: InstitutionIndex): Candidate[] {
  const w = weightsOf(q);
  if (q.missing === 0 || q.limit <= 0) return [];
  const model = q.travel ?? DEFAULT_TRAVEL_MODEL;
  const maxKm = maxStraightKmFor(q.maxMinutes, model) * (1 + 1e-9);
  const [lng, lat] = q.origin;
  const travelAt = (km: number) => w.travel * (estimateDriveMinutes(km, model) / q.maxMinutes);
  const plans = index.buckets
    .map((b, bi) => {
      const cov = coverageScore(b.offers, b.eligible, b.declared, q.missing, w);
      const head = cov.value + (q.a253Type && b.a253Basis ? w.a253 : 0) + Math.max(0, w.willingness);
      return { bi, relevant: cov.offered !== 0 || cov.eligibleOnly !== 0, head };
    })
    .filter((p) => p.relevant)
    .sort((a, b) => b.head - a.head);

  const top: RawCandidate[] = [];
  const threshold = () => (top.length < q.limit ? -Infinity : top[q.limit - 1]!.total);
  const seen = new Set<number>();
  for (const plan of plans) {
    if (plan.head < threshold()) break;
    for (let k = q.limit; ; k *= 2) {
      const near = index.inBucket(plan.bi, lng, lat, k, maxKm);
      for (const n of near) {
        if (seen.has(n.i)) continue;
        seen.add(n.i);
        const s = scoreInstitution(q, w, index.institutions[n.i]!, n.i, n.km);
        if (s === null || 'excluded' in s) continue;
        top.push(s.candidate);
        top.sort(compareCandidates);
        if (top.length > q.limit) top.pop();
      }
      if (near.length < k) break; // the bucket has no more within range
      if (plan.head - travelAt(near[near.length - 1]!.km) < threshold()) break;
    }
  }
  return top.map(present);
}
