import KDBush from 'kdbush';
import { cosLatitude, estimateDriveMinutes, haversineKmCos, maxStraightKmFor, type TravelModel } from '../geo';
import type { Mask } from './masks';
import type { EngineInstitution } from './model';
import { couldGive, exclusionOf } from './score';
import { boxDistanceKm, boxLatKm, kdNodeBoxes } from './score-tree';

/**
 * "How many institutions within reach could give something missing, and how many of them take no one
 * new": counted without measuring each. One kd-tree (kdbush) over every institution, in kd order:
 *   - per point, what it could give and whether it is excluded (score.ts couldGive, exclusionOf);
 *   - prefix counts per (missing mask, exclusion), so a node — a contiguous range in kd order — wholly
 *     within reach adds its counts in three subtractions;
 *   - per node, its tight box and the box's corners as unit vectors, so "wholly within" is four chord
 *     lengths (the farthest point of a lng/lat box is a corner: along a parallel the distance grows
 *     with the longitude gap; along a meridian arc this short it has no maximum inside).
 * Points near the edge are compared by chord length too, and only those within a hair of the edge
 * get the exact haversine and the scan's own minutes test — so the count is exactly the full scan's.
 */
const EARTH_RADIUS_KM = 6371.0088; // as in geo.ts
const RAD = Math.PI / 180;
const NODE_SIZE = 64;
/** Relative band around the edge where the chord comparison defers to the exact test. */
const EDGE_BAND = 1e-6;
/** Exclusions, in the order of the counts: takes new partners, said it takes none, at its maximum. */
const STATUS = { in: 0, notAccepting: 1, atCapacity: 2 } as const;

export interface ReachCount {
  candidates: number;
  notAccepting: number;
  atCapacity: number;
}

/** Unit vector of a point on the sphere, into `out` at `k`. */
function unit(out: Float64Array, k: number, lng: number, lat: number): void {
  const c = Math.cos(lat * RAD);
  out[k] = c * Math.cos(lng * RAD);
  out[k + 1] = c * Math.sin(lng * RAD);
  out[k + 2] = Math.sin(lat * RAD);
}

/** Squared chord from the unit vector at a[i..] to the query's: grows with the great-circle distance. */
function chord2To(a: Float64Array, i: number, q: { x: number; y: number; z: number }): number {
  const dx = a[i]! - q.x;
  const dy = a[i + 1]! - q.y;
  const dz = a[i + 2]! - q.z;
  return dx * dx + dy * dy + dz * dz;
}

/** Squared chord of a great-circle distance in km. */
const chord2OfKm = (km: number) => (2 * Math.sin(Math.min(km, Math.PI * EARTH_RADIUS_KM) / (2 * EARTH_RADIUS_KM))) ** 2;

interface CountQuery {
  lng: number;
  lat: number;
  cosLat: number;
  /** The facility as a unit vector. */
  x: number;
  y: number;
  z: number;
  maxKm: number;
  /** Chord² below which a point is surely within, above which surely not. */
  inside: number;
  outside: number;
  missing: Mask;
  maxMinutes: number;
  model: TravelModel;
  /** Counts by STATUS. */
  candidates: number;
  notAccepting: number;
  atCapacity: number;
}

export class ReachCounter {
  private readonly kd: KDBush;
  private readonly n: number;
  private readonly xyz: Float64Array;
  private readonly pointCos: Float64Array;
  private readonly gives: Uint8Array;
  private readonly status: Uint8Array;
  /** prefix[(missing × 3 + status) × (n + 1) + p]: points before kd position p of that kind that could give something missing. */
  private readonly prefix: Int32Array;
  private readonly nodeBox: Float64Array;
  private readonly corners: Float64Array;

  constructor(institutions: readonly EngineInstitution[]) {
    const n = institutions.length;
    this.n = n;
    this.kd = new KDBush(Math.max(1, n), NODE_SIZE);
    for (const x of institutions) this.kd.add(x.lng, x.lat);
    if (n === 0) this.kd.add(0, 0); // kdbush needs a point; an empty set never counts it
    this.kd.finish();
    this.xyz = new Float64Array(3 * n);
    this.pointCos = new Float64Array(n);
    this.gives = new Uint8Array(n);
    this.status = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      const inst = institutions[this.kd.ids[p]!]!;
      unit(this.xyz, 3 * p, inst.lng, inst.lat);
      this.pointCos[p] = cosLatitude(inst.lat);
      this.gives[p] = couldGive(inst);
      this.status[p] = STATUS[exclusionOf(inst) ?? 'in'];
    }
    this.prefix = new Int32Array(8 * 3 * (n + 1));
    for (let m = 1; m < 8; m++) {
      for (let s = 0; s < 3; s++) {
        const base = (m * 3 + s) * (n + 1);
        for (let p = 0; p < n; p++) this.prefix[base + p + 1] = this.prefix[base + p]! + ((this.gives[p]! & m) !== 0 && this.status[p] === s ? 1 : 0);
      }
    }
    const corners = new Float64Array(12 * Math.max(1, n));
    this.corners = corners;
    // Each node's tight box (score-tree.ts kdNodeBoxes) and its corners as unit vectors.
    this.nodeBox = kdNodeBoxes(this.kd, NODE_SIZE, (m, minLng, minLat, maxLng, maxLat) => {
      unit(corners, 12 * m, minLng, minLat);
      unit(corners, 12 * m + 3, maxLng, minLat);
      unit(corners, 12 * m + 6, minLng, maxLat);
      unit(corners, 12 * m + 9, maxLng, maxLat);
    });
  }

  /**
   * Institutions within `maxMinutes` by the travel model (the exact rule of score.ts candidacy:
   * estimated minutes of the haversine distance) that could give something in `missing`, by
   * exclusion. Current partners are not told apart here: the caller moves its own back in.
   */
  count(lng: number, lat: number, maxMinutes: number, model: TravelModel, missing: Mask): ReachCount {
    const maxKm = maxStraightKmFor(maxMinutes, model);
    const c = Math.cos(lat * RAD);
    const q: CountQuery = {
      lng, lat, cosLat: cosLatitude(lat), x: c * Math.cos(lng * RAD), y: c * Math.sin(lng * RAD), z: Math.sin(lat * RAD), maxKm: maxKm * (1 + EDGE_BAND),
      inside: chord2OfKm(maxKm * (1 - EDGE_BAND)), outside: chord2OfKm(maxKm * (1 + EDGE_BAND)), missing: missing & 7, maxMinutes, model, candidates: 0, notAccepting: 0, atCapacity: 0,
    };
    if (this.n > 0 && q.missing !== 0) this.visit(q, 0, this.n - 1);
    return { candidates: q.candidates, notAccepting: q.notAccepting, atCapacity: q.atCapacity };
  }

  private visit(q: CountQuery, left: number, right: number): void {
    const m = (left + right) >> 1;
    const b = this.nodeBox;
    if (boxLatKm(q.lat, b[4 * m + 1]!, b[4 * m + 3]!) > q.maxKm || boxDistanceKm(q.lng, q.lat, q.cosLat, b[4 * m]!, b[4 * m + 1]!, b[4 * m + 2]!, b[4 * m + 3]!) > q.maxKm) return;
    const c = this.corners;
    const far = Math.max(chord2To(c, 12 * m, q), chord2To(c, 12 * m + 3, q), chord2To(c, 12 * m + 6, q), chord2To(c, 12 * m + 9, q));
    if (far < q.inside) {
      const row = this.n + 1;
      const base = q.missing * 3 * row;
      q.candidates += this.prefix[base + right + 1]! - this.prefix[base + left]!;
      q.notAccepting += this.prefix[base + row + right + 1]! - this.prefix[base + row + left]!;
      q.atCapacity += this.prefix[base + 2 * row + right + 1]! - this.prefix[base + 2 * row + left]!;
      return;
    }
    if (right - left <= NODE_SIZE) {
      this.leaf(q, left, right);
      return;
    }
    this.point(q, m);
    this.visit(q, left, m - 1);
    this.visit(q, m + 1, right);
  }

  /** Every point of a leaf, by chord length: the hot loop, kept free of calls. */
  private leaf(q: CountQuery, left: number, right: number): void {
    const { xyz, gives } = this;
    const { missing, inside, outside, x, y, z } = q;
    for (let p = left; p <= right; p++) {
      if ((gives[p]! & missing) === 0) continue;
      const dx = xyz[3 * p]! - x;
      const dy = xyz[3 * p + 1]! - y;
      const dz = xyz[3 * p + 2]! - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d > outside || (d >= inside && !this.exactlyWithin(q, p))) continue;
      this.tally(q, p);
    }
  }

  private tally(q: CountQuery, p: number): void {
    const s = this.status[p]!;
    if (s === STATUS.in) q.candidates++;
    else if (s === STATUS.notAccepting) q.notAccepting++;
    else q.atCapacity++;
  }

  private exactlyWithin(q: CountQuery, p: number): boolean {
    const km = haversineKmCos(q.lng, q.lat, q.cosLat, this.kd.coords[2 * p]!, this.kd.coords[2 * p + 1]!, this.pointCos[p]!);
    return estimateDriveMinutes(km, q.model) <= q.maxMinutes;
  }

  private point(q: CountQuery, p: number): void {
    if ((this.gives[p]! & q.missing) === 0) return;
    const d = chord2To(this.xyz, 3 * p, q);
    if (d > q.outside || (d >= q.inside && !this.exactlyWithin(q, p))) return;
    this.tally(q, p);
  }
}
