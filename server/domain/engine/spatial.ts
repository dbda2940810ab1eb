import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineKm } from '../geo';
import type { Mask } from './masks';
import type { EngineFacility, EngineInstitution } from './model';

/**
 * Spatial indexes over institutions, one per capability, so a query touches only what is near and
 * relevant (kdbush + geokdbush):
 *  - `buckets`: institutions grouped by (offers, eligible, declared, A253 basis) — within a bucket
 *    every member scores alike for a given facility except for travel, load and willingness, which
 *    lets ranking stop early;
 *  - `byOffer[bit]`: institutions offering ①, ② or ③;
 *  - `hospitals`: every 病院 (eligible for ③);
 *  - `all`.
 * Distances are recomputed with the project's haversine (geo.ts) so results match a full scan
 * exactly; the library's own radius is only a slightly generous prefilter.
 */
export interface Bucket {
  offers: Mask;
  eligible: Mask;
  declared: boolean;
  a253Basis: boolean;
  /** Indexes into `institutions`. */
  members: number[];
}

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
    this.kd = new KDBush(Math.max(1, members.length));
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
  readonly buckets: Bucket[];
  private readonly sets: { all: PointSet; hospitals: PointSet; byOffer: Record<number, PointSet> };
  private readonly bucketSets: PointSet[];

  constructor(readonly institutions: readonly EngineInstitution[]) {
    const pos = (i: number): [number, number] => [institutions[i]!.lng, institutions[i]!.lat];
    const groups = new Map<string, number[]>();
    institutions.forEach((inst, i) => {
      const key = `${inst.offers}|${inst.eligible}|${inst.declared}|${inst.a253Basis}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    this.bucketSets = [];
    this.buckets = [...groups.values()].map((members) => {
      const first = institutions[members[0] as number]!;
      this.bucketSets.push(new PointSet(members, pos));
      return { offers: first.offers, eligible: first.eligible, declared: first.declared, a253Basis: first.a253Basis, members };
    });
    const where = (test: (x: EngineInstitution) => boolean) => institutions.flatMap((x, i) => (test(x) ? [i] : []));
    this.sets = {
      all: new PointSet(where(() => true), pos),
      hospitals: new PointSet(where((x) => x.kind === 'hospital'), pos),
      byOffer: { 1: new PointSet(where((x) => (x.offers & 1) !== 0), pos), 2: new PointSet(where((x) => (x.offers & 2) !== 0), pos), 4: new PointSet(where((x) => (x.offers & 4) !== 0), pos) },
    };
  }

  inBucket(b: number, lng: number, lat: number, k: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    return this.bucketSets[b]!.nearest(lng, lat, k, maxKm, accept);
  }

  /** Nearest institutions offering requirement `bit`. */
  offering(bit: Mask, lng: number, lat: number, k: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    return this.sets.byOffer[bit]!.nearest(lng, lat, k, maxKm, accept);
  }

  hospitalsNear(lng: number, lat: number, k: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    return this.sets.hospitals.nearest(lng, lat, k, maxKm, accept);
  }

  allNear(lng: number, lat: number, k: number, maxKm: number, accept?: (i: number) => boolean): Near[] {
    return this.sets.all.nearest(lng, lat, k, maxKm, accept);
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

