import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineKm } from '../geo';
import type { EngineFacility, EngineInstitution } from './model';
import { DEFAULT_WEIGHTS } from './score';
import { ReachCounter } from './reach-count';
import { ScoreForest } from './score-tree';

/**
 * Spatial indexes: over institutions, the score forest (score-tree.ts: one kd-tree per capability
 * group, for rankings, combinations and reach) and one kdbush over all of them (for "everything in
 * range", e.g. re-ranking with road times); over facilities, one kdbush (for "which facilities are
 * near this institution"). Distances are recomputed with the project's haversine (geo.ts) so results
 * match a full scan exactly; geokdbush's own radius is only a slightly generous prefilter.
 */
export interface Near {
  /** Index into the institution (or facility) array. */
  i: number;
  km: number;
}

/** A kdbush over some of the points, with the map back to their array indexes. */
class PointSet {
  private readonly kd: KDBush;
  constructor(
    private readonly members: number[],
    private readonly position: (i: number) => [number, number],
  ) {
    this.kd = new KDBush(Math.max(1, members.length), 16);
    for (const i of members) this.kd.add(...position(i));
    if (members.length === 0) this.kd.add(0, 0); // kdbush needs a point; an empty set never queries it
    this.kd.finish();
  }

  /**
   * Up to `k` points nearest to (lng, lat) within `maxKm` that pass `accept`, nearest first — exact
   * haversine distances (ties by array index).
   */
  nearest(lng: number, lat: number, k: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    if (this.members.length === 0) return [];
    const predicate = accept ? (id: number) => accept(this.members[id] as number) : undefined;
    const ids = around(this.kd, lng, lat, k, maxKm * 1.001 + 0.01, predicate) as number[];
    const out: Near[] = [];
    for (const id of ids) {
      const i = this.members[id] as number;
      const km = haversineKm([lng, lat], this.position(i));
      if (km <= maxKm) out.push({ i, km });
    }
    return out.sort((a, b) => a.km - b.km || a.i - b.i);
  }
}

export class InstitutionIndex {
  /** The score-bounded trees, one per capability group (default weights): see score-tree.ts. */
  readonly forest: ScoreForest;
  readonly byCode: Map<string, number>;
  /** Counts of those in reach, by exclusion, from node boxes (reach-count.ts). */
  readonly reach: ReachCounter;
  private readonly all: PointSet;

  constructor(readonly institutions: readonly EngineInstitution[]) {
    this.forest = new ScoreForest(institutions, DEFAULT_WEIGHTS);
    this.byCode = new Map(institutions.map((x, i) => [x.code, i]));
    this.reach = new ReachCounter(institutions);
    this.all = new PointSet(
      institutions.map((_, i) => i),
      (i) => [institutions[i]!.lng, institutions[i]!.lat],
    );
  }

  /** Up to `k` institutions nearest to (lng, lat) within `maxKm`, nearest first. */
  allNear(lng: number, lat: number, k: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    return this.all.nearest(lng, lat, k, maxKm, accept);
  }
}

/** Facilities by position, for "which facilities are near this institution". */
export class FacilityIndex {
  private readonly set: PointSet;
  constructor(readonly facilities: readonly EngineFacility[]) {
    this.set = new PointSet(facilities.map((_, i) => i), (i) => [facilities[i]!.lng, facilities[i]!.lat]);
  }
  near(lng: number, lat: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    return this.set.nearest(lng, lat, Infinity, maxKm, accept);
  }
}

