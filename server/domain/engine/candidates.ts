import { maxStraightKmFor, DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKm, haversineKmXY } from '../geo';
import { requirementsView } from './masks';
import type { Requirement } from '../requirements';
import type { EngineInstitution } from './model';
import { candidacy, compareCandidates, scoreInstitution, weightsOf, type CandidateQuery, type RawCandidate, type ScoreParts, type Weights } from './score';
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
  covers: { offered: readonly Requirement[]; eligibleOnly: readonly Requirement[] };
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

/** A candidate rounded for showing; `institution`, when given, is what a list shows of it (one reference, not a copy). */
export function present<T = undefined>(c: RawCandidate, institution?: T): Candidate & { institution: T } {
  const p = c.parts;
  const parts = { coverage: r3(p.coverage), travel: r3(p.travel), load: r3(p.load), willingness: r3(p.willingness), a253: r3(p.a253) };
  return {
    code: c.code,
    distanceKm: Math.round(c.km * 100) / 100,
    minutes: Math.round(c.minutes * 10) / 10,
    covers: { offered: requirementsView(c.offered), eligibleOnly: requirementsView(c.eligibleOnly) },
    currentPartner: c.currentPartner,
    remaining: c.remaining,
    a253: c.a253,
    acrossWater: c.acrossWater,
    score: { total: r3(c.total), parts },
    institution: institution as T,
  };
}

/** Scores every given institution: all candidates in range, best first, and what was left out. */
export function scanCandidates(q: CandidateQuery, institutions: readonly EngineInstitution[]): { ranked: RawCandidate[]; excluded: Ranking['excluded'] } {
  const w = weightsOf(q);
  const excluded = { notAccepting: 0, atCapacity: 0 };
  const ranked: RawCandidate[] = [];
  if (q.missing === 0) return { ranked, excluded };
  institutions.forEach((inst, i) => {
    const s = scoreInstitution(q, w, inst, i, haversineKmXY(q.origin[0], q.origin[1], inst.lng, inst.lat));
    if (s === null) return;
    if (typeof s === 'string') excluded[s]++;
    else ranked.push(s);
  });
  return { ranked: ranked.sort(compareCandidates), excluded };
}

/** Inserts into a ranked list kept at most `limit` long (binary search: the list stays sorted). */
function insertRanked(top: RawCandidate[], c: RawCandidate, limit: number): void {
  if (top.length === limit && compareCandidates(c, top[limit - 1]!) >= 0) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareCandidates(top[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, c);
  if (top.length > limit) top.pop();
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
 * The same top `limit` through the index: one branch-and-bound search of the score tree
 * (score-tree.ts) — nodes best bound first, stopping when no bound reaches the `limit`-th score.
 * Current partners are scored directly (they are exempt from the "takes no one new" rule). With
 * weights other than the defaults the tree's bounds do not apply, so the institutions in range are
 * scanned instead (same result).
 */
export function rankIndexed(q: CandidateQuery, index: InstitutionIndex): Candidate[] {
  return rankIndexedRaw(q, index).map(present);
}

/** rankIndexed before presenting: `i` indexes `index.institutions`. */
export function rankIndexedRaw(q: CandidateQuery, index: InstitutionIndex): RawCandidate[] {
  const w = weightsOf(q);
  if (q.missing === 0 || q.limit <= 0) return [];
  const model = q.travel ?? DEFAULT_TRAVEL_MODEL;
  const maxKm = maxStraightKmFor(q.maxMinutes, model) * (1 + 1e-9);
  const [lng, lat] = q.origin;
  if (w !== index.forest.weights || q.travel) {
    const near = index.allNear(lng, lat, Infinity, maxKm);
    return scanCandidates(q, near.map((n) => index.institutions[n.i]!)).ranked.slice(0, q.limit).map((c) => ({ ...c, i: near[c.i]!.i }));
  }
  // Current partners are scored directly; the search then skips them.
  const top = new TopCandidates(q, w, index, q.partnerCodes.size === 0 ? null : new Set<number>());
  for (const code of q.partnerCodes) {
    const i = index.byCode.get(code);
    if (i === undefined) continue;
    top.partners!.add(i);
    top.consider(i, haversineKm(q.origin, [index.institutions[i]!.lng, index.institutions[i]!.lat]));
  }
  const cls = (q.missing & 7) | (q.a253Type ? 8 : 0);
  // The travel part is linear in distance: −travel × (km × circuity ÷ speed × 60) ÷ maxMinutes.
  const perKm = index.forest.travelPenalty(1, q.maxMinutes, model);
  index.forest.bestScores(lng, lat, maxKm, cls, perKm, top);
  return top.top;
}

/**
 * The best `limit` so far, kept sorted, and the score the next one must reach (the search's
 * threshold): one object per ranking, no closure per call.
 */
class TopCandidates {
  readonly top: RawCandidate[] = [];
  threshold = -Infinity;
  constructor(
    private readonly q: CandidateQuery,
    private readonly w: Weights,
    private readonly index: InstitutionIndex,
    readonly partners: Set<number> | null,
  ) {}

  /** Scores one institution; below the threshold no candidate is even built. */
  consider(i: number, km: number): void {
    const s = scoreInstitution(this.q, this.w, this.index.institutions[i]!, i, km, this.threshold);
    if (s === null || typeof s === 'string') return;
    insertRanked(this.top, s, this.q.limit);
    if (this.top.length === this.q.limit) this.threshold = this.top[this.q.limit - 1]!.total;
  }

  /** What the search finds: partners were scored already. */
  visit(i: number, km: number): void {
    if (this.partners === null || !this.partners.has(i)) this.consider(i, km);
  }
}

/**
 * How many institutions in range are candidates, and how many were left out and why — with the rule
 * scoring uses (score.ts candidacy), counted from node boxes (reach-count.ts)
 * without measuring or scoring each; current partners, exempt from the exclusions, are moved back in.
 */
export function countInRange(q: CandidateQuery, index: InstitutionIndex): Pick<Ranking, 'totalInRange' | 'excluded'> {
  if (q.missing === 0) return { totalInRange: 0, excluded: { notAccepting: 0, atCapacity: 0 } };
  const model = q.travel ?? DEFAULT_TRAVEL_MODEL;
  const n = index.reach.count(q.origin[0], q.origin[1], q.maxMinutes, model, q.missing);
  const excluded = { notAccepting: n.notAccepting, atCapacity: n.atCapacity };
  let totalInRange = n.candidates;
  if (q.partnerCodes.size > 0) {
    const strangers = { ...q, partnerCodes: new Set<string>() };
    for (const code of q.partnerCodes) {
      const inst = index.institutions[index.byCode.get(code) ?? -1];
      if (!inst) continue;
      const minutes = estimateDriveMinutes(haversineKmXY(q.origin[0], q.origin[1], inst.lng, inst.lat), model);
      const gate = candidacy(strangers, inst, minutes);
      if (gate === 'notAccepting' || gate === 'atCapacity') {
        excluded[gate]--;
        totalInRange++;
      }
    }
  }
  return { totalInRange, excluded };
}
