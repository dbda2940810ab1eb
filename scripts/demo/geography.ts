import { bbox, booleanPointInPolygon, featureCollection, intersect, point, polygon, voronoi } from '@turf/turf';
import type { Rng } from './random';

/**
 * The fictional デモ県: an island in the Pacific south of the Kii peninsula (open sea, so it can never
 * be mistaken for a real place) with a small offshore island, cut into municipalities by a Voronoi
 * diagram of hand-placed seats. Distances are in km from the island's centre, converted to degrees.
 */
export const CENTER: [number, number] = [136.9, 32.3];
const KM_PER_DEG_LAT = 110.9;
const KM_PER_DEG_LNG = 111.32 * Math.cos((CENTER[1] * Math.PI) / 180);

export const toLngLat = (xKm: number, yKm: number): [number, number] => [
  round6(CENTER[0] + xKm / KM_PER_DEG_LNG),
  round6(CENTER[1] + yKm / KM_PER_DEG_LAT),
];
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export interface MunicipalitySpec {
  code5: string;
  name: string;
  /** N03_003: the 政令市 for wards, the 郡 for towns and villages. */
  group: string | null;
  kana: string;
  /** Seat position in km from the centre. */
  seat: [number, number];
  /** Relative population: how many facilities and institutions sit here. */
  weight: number;
  /** Spread of buildings around the seat, km. */
  spreadKm: number;
  towns: string[];
  island?: boolean;
}

/** Ten municipalities with boundaries: a 政令市 of three wards, two cities, three towns, a village, an island town. */
export const MUNICIPALITIES: MunicipalitySpec[] = [
  { code5: '99101', name: '中央区', group: 'デモ市', kana: 'チュウオウク', seat: [14, 2], weight: 16, spreadKm: 3, towns: ['本町', '栄町', '駅前町', '城山町'] },
  { code5: '99102', name: '北区', group: 'デモ市', kana: 'キタク', seat: [15, 11], weight: 10, spreadKm: 4, towns: ['北野', '緑ケ丘', '若葉町'] },
  { code5: '99103', name: '南区', group: 'デモ市', kana: 'ミナミク', seat: [17, -8], weight: 10, spreadKm: 4, towns: ['港町', '浜田', '汐見町'] },
  { code5: '99202', name: '東浜市', group: null, kana: 'ヒガシハマシ', seat: [40, -4], weight: 9, spreadKm: 5, towns: ['東町', '浜通', '旭町'] },
  { code5: '99203', name: '西山市', group: null, kana: 'ニシヤマシ', seat: [-26, 3], weight: 9, spreadKm: 5, towns: ['西町', '山手', '新田'] },
  { code5: '99341', name: '川原町', group: '中郡', kana: 'カワハラチョウ', seat: [-4, 16], weight: 4, spreadKm: 5, towns: ['川原', '上川原', '中洲'] },
  { code5: '99342', name: '青葉町', group: '中郡', kana: 'アオバチョウ', seat: [-6, -14], weight: 4, spreadKm: 5, towns: ['青葉', '桜台', '宮前'] },
  { code5: '99361', name: '北野町', group: '北郡', kana: 'キタノチョウ', seat: [22, 27], weight: 3, spreadKm: 6, towns: ['北野', '岬', '大浦'] },
  { code5: '99382', name: '山里村', group: '奥郡', kana: 'ヤマザトムラ', seat: [-40, -18], weight: 1.5, spreadKm: 5, towns: ['山里', '奥山', '滝ノ上'] },
  { code5: '99421', name: '沖ノ島町', group: '沖郡', kana: 'オキノシマチョウ', seat: [80, -38], weight: 1, spreadKm: 3, towns: ['沖ノ島', '灯台'], island: true },
];

/** A blobby closed ring of radius ~`r` km around (cx, cy) km. */
function blob(rng: Rng, cx: number, cy: number, rx: number, ry: number, vertices: number): [number, number][] {
  const phases = [0, 1, 2].map(() => rng.next() * 2 * Math.PI);
  const ring: [number, number][] = [];
  for (let i = 0; i < vertices; i++) {
    const t = (i / vertices) * 2 * Math.PI;
    const wobble = 1 + 0.12 * Math.sin(2 * t + phases[0]!) + 0.07 * Math.sin(3 * t + phases[1]!) + 0.04 * Math.sin(5 * t + phases[2]!);
    ring.push(toLngLat(cx + rx * wobble * Math.cos(t), cy + ry * wobble * Math.sin(t)));
  }
  ring.push(ring[0] as [number, number]);
  return ring;
}

export type Poly = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;

/** Polygons per municipality code5. */
export function makeBoundaries(rng: Rng): Map<string, Poly> {
  const mainland = polygon([blob(rng, 0, 0, 58, 36, 96)]);
  const mainlandSpecs = MUNICIPALITIES.filter((m) => !m.island);
  const seats = featureCollection(mainlandSpecs.map((m) => point(toLngLat(...m.seat), { code5: m.code5 })));
  const cells = voronoi(seats, { bbox: bbox(mainland) as [number, number, number, number] });
  const out = new Map<string, Poly>();
  cells.features.forEach((cell, i) => {
    const spec = mainlandSpecs[i] as MunicipalitySpec;
    const clipped = cell ? intersect(featureCollection([cell, mainland])) : null;
    if (!clipped) throw new Error(`no land for ${spec.name}`);
    out.set(spec.code5, clipped as Poly);
  });
  for (const spec of MUNICIPALITIES.filter((m) => m.island)) {
    out.set(spec.code5, polygon([blob(rng, spec.seat[0], spec.seat[1], 7, 4.5, 40)]));
  }
  return out;
}

/** A point near a municipality's seat (normal spread), inside its polygon. */
export function placeIn(rng: Rng, spec: MunicipalitySpec, poly: Poly, spreadFactor = 1): [number, number] {
  for (let attempt = 0; attempt < 500; attempt++) {
    const x = spec.seat[0] + rng.normal() * spec.spreadKm * spreadFactor;
    const y = spec.seat[1] + rng.normal() * spec.spreadKm * spreadFactor;
    const p = toLngLat(x, y);
    if (booleanPointInPolygon(point(p), poly)) return p;
  }
  throw new Error(`could not place a point in ${spec.name}`);
}
