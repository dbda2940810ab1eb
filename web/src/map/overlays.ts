import { circle } from '@turf/turf';
import { maxStraightKmFor, type TravelModel } from '../../../server/domain/geo';

/**
 * What a view draws over the data, as plain GeoJSON for the map's overlay sources:
 *   lines       facility → institution: the hovered candidate, a combination's members, the plan
 *   rings       travel-time rings around the selected place (straight-line radius of the estimate)
 *   highlights  facilities to point at: structural gaps, facilities seeking what an institution gives
 */
export type LineKind = 'candidate' | 'combination' | 'plan';
export type HighlightKind = 'gap' | 'seeking' | 'seeking-a253';
export type LngLat = [number, number];

export interface Overlay {
  lines: GeoJSON.Feature<GeoJSON.LineString, { kind: LineKind }>[];
  rings: GeoJSON.Feature<GeoJSON.Polygon, { minutes: number; label: string }>[];
  highlights: GeoJSON.Feature<GeoJSON.Point, { kind: HighlightKind; id: string }>[];
  /** Places the map should keep in view together (the facility and its chosen combination). */
  focus?: LngLat[];
  /** A box the map fits once whenever `key` changes (the travel rings just chosen), clear of what covers the map. */
  frame?: { key: string; bbox: [number, number, number, number] };
}

export const EMPTY_OVERLAY: Overlay = { lines: [], rings: [], highlights: [] };

export const line = (from: LngLat, to: LngLat, kind: LineKind): Overlay['lines'][number] => ({
  type: 'Feature',
  properties: { kind },
  geometry: { type: 'LineString', coordinates: [from, to] },
});

/** Rings at the straight-line distance each travel time allows under the estimate (geo.ts). */
export function travelRings(centre: LngLat, minutes: readonly number[], model: TravelModel, label: (m: number) => string): Overlay['rings'] {
  return minutes.map((m) => {
    const ring = circle(centre, maxStraightKmFor(m, model), { units: 'kilometers', steps: 96 });
    return { type: 'Feature', properties: { minutes: m, label: label(m) }, geometry: ring.geometry };
  });
}

/** The box around rings (or any polygons), [west, south, east, north]; null when there are none. */
export function ringsBox(rings: Overlay['rings']): [number, number, number, number] | null {
  const points = rings.flatMap((r) => r.geometry.coordinates[0] ?? []);
  if (points.length === 0) return null;
  const lngs = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

export const highlight = (at: LngLat, kind: HighlightKind, id: string): Overlay['highlights'][number] => ({
  type: 'Feature',
  properties: { kind, id },
  geometry: { type: 'Point', coordinates: at },
});

export const collection = <F extends GeoJSON.Feature>(features: F[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
