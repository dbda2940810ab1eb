import type { BBox } from '../../domain/geo';

/** GeoJSON helpers: positions are [lng, lat]; a feature without coordinates has `geometry: null` (RFC 7946 §3.2). */
export function pointFeature<P extends object>(lng: number | null, lat: number | null, properties: P) {
  return {
    type: 'Feature' as const,
    geometry: lng === null || lat === null ? null : { type: 'Point' as const, coordinates: [lng, lat] as [number, number] },
    properties,
  };
}

export function featureCollection<F>(features: F[]) {
  return { type: 'FeatureCollection' as const, features };
}

export const inBBox = (lng: number | null, lat: number | null, b: BBox | undefined) =>
  b === undefined || (lng !== null && lat !== null && lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3]);
