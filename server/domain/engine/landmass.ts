import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import Flatbush from 'flatbush';

/**
 * Landmasses from municipality boundaries: polygon parts that touch belong to one landmass (union–
 * find over shared vertices, rounded to ~1 m: neighbouring municipalities share their border's
 * vertices in 国土数値情報 N03). An island municipality part that touches nothing is a landmass of its
 * own, so 隠岐 and the mainland differ. Ids are the smallest part id in each landmass, so they are
 * stable across runs.
 */
export interface Boundary {
  code: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

export interface Landmasses {
  /** Part id (`<code>:<index>`) → landmass id. */
  byPart: Map<string, string>;
  count: number;
}

const partsOf = (b: Boundary): GeoJSON.Position[][][] => (b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates);
const vertexKey = (p: GeoJSON.Position) => `${Math.round(p[0]! * 1e5)},${Math.round(p[1]! * 1e5)}`;

export function computeLandmasses(boundaries: readonly Boundary[]): Landmasses {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  const owner = new Map<string, string>();
  for (const b of boundaries) {
    partsOf(b).forEach((rings, k) => {
      const id = `${b.code}:${k}`;
      parent.set(id, id);
      for (const v of rings[0] ?? []) {
        const key = vertexKey(v);
        const other = owner.get(key);
        if (other) union(id, other);
        else owner.set(key, id);
      }
    });
  }
  const byPart = new Map([...parent.keys()].map((id) => [id, find(id)]));
  return { byPart, count: new Set(byPart.values()).size };
}

/**
 * Finds the municipality part holding a point (a bbox index over every part, then point-in-polygon),
 * and so its municipality and landmass — also for institutions whose address named no municipality.
 */
export class LandIndex {
  private readonly parts: { code: string; id: string; polygon: GeoJSON.Polygon }[] = [];
  private readonly index: Flatbush | null;

  constructor(
    boundaries: readonly Boundary[],
    private readonly lands: Landmasses = computeLandmasses(boundaries),
  ) {
    for (const b of boundaries) partsOf(b).forEach((rings, k) => this.parts.push({ code: b.code, id: `${b.code}:${k}`, polygon: { type: 'Polygon', coordinates: rings } }));
    this.index = this.parts.length === 0 ? null : new Flatbush(this.parts.length);
    if (this.index) {
      for (const p of this.parts) {
        const [w, s, e, n] = bbox(p.polygon);
        this.index.add(w, s, e, n);
      }
      this.index.finish();
    }
  }

  /** How many separate landmasses the boundaries hold. */
  get count(): number {
    return this.lands.count;
  }

  locate(lng: number, lat: number): { code: string; landmass: string } | null {
    if (!this.index) return null;
    const pt = point([lng, lat]);
    for (const k of this.index.search(lng, lat, lng, lat)) {
      const part = this.parts[k]!;
      if (booleanPointInPolygon(pt, part.polygon)) return { code: part.code, landmass: this.lands.byPart.get(part.id)! };
    }
    return null;
  }
}
