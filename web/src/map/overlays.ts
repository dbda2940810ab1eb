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

export const highlight = (at: LngLat, kind: HighlightKind, id: string): Overlay['highlights'][number] => ({
  type: 'Feature',
  properties: { kind, id },
  geometry: { type: 'Point', coordinates: at },
});

export const collection = <F extends GeoJSON.Feature>(features: F[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
