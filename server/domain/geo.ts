/**
 * Distances and the built-in drive-time estimate. Points are [lng, lat] in degrees (GeoJSON order).
 */
export type LngLat = readonly [number, number];

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: LngLat, b: LngLat): number {
  return haversineKmXY(a[0], a[1], b[0], b[1]);
}

/** The same, from plain numbers (no tuples: for hot loops). Identical arithmetic. */
export function haversineKmXY(lng1: number, lat1: number, lng2: number, lat2: number): number {
  return haversineKmCos(lng1, lat1, Math.cos(rad(lat1)), lng2, lat2, Math.cos(rad(lat2)));
}

/**
 * The same with each latitude's cosine given (`Math.cos(lat × π / 180)`, e.g. computed once per point
 * by an index): bit-identical to `haversineKmXY`.
 */
export function haversineKmCos(lng1: number, lat1: number, cos1: number, lng2: number, lat2: number, cos2: number): number {
  const sLat = Math.sin(rad(lat2 - lat1) / 2);
  const sLng = Math.sin(rad(lng2 - lng1) / 2);
  const h = sLat * sLat + cos1 * cos2 * (sLng * sLng);
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Cosine of a latitude in degrees, as `haversineKmCos` expects it. */
export const cosLatitude = (lat: number): number => Math.cos(rad(lat));

export interface TravelModel {
  /** Road distance ÷ straight-line distance. ~1.3 is typical of Japanese regional road networks. */
  circuityFactor: number;
  /** Door-to-door average driving speed, km/h, mixing town streets and rural roads. */
  averageSpeedKmh: number;
}

/** The built-in estimate: minutes = km × circuity ÷ speed × 60 (1 km straight ≈ 2.2 min). */
export const DEFAULT_TRAVEL_MODEL: TravelModel = { circuityFactor: 1.3, averageSpeedKmh: 35 };

export function estimateDriveMinutes(straightKm: number, model: TravelModel = DEFAULT_TRAVEL_MODEL): number {
  return ((straightKm * model.circuityFactor) / model.averageSpeedKmh) * 60;
}

/** Largest straight-line distance that can be within `minutes` under the model. */
export function maxStraightKmFor(minutes: number, model: TravelModel = DEFAULT_TRAVEL_MODEL): number {
  return (minutes / 60) * model.averageSpeedKmh / model.circuityFactor;
}

export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** A box that contains every point within `km` of `center` (slightly generous). */
export function bboxAround(center: LngLat, km: number): BBox {
  const dLat = km / 111.0;
  const dLng = km / (111.32 * Math.max(0.01, Math.cos(rad(center[1]))));
  return [center[0] - dLng, center[1] - dLat, center[0] + dLng, center[1] + dLat];
}

/**
 * Roughly Japan (incl. 沖ノ鳥島 20.4°N, 南鳥島 153.99°E, 択捉 45.6°N). Coordinates outside are flagged;
 * `0.000…` pairs are "not entered" in the 介護 open data.
 */
export const JAPAN_BBOX: BBox = [122.5, 20.0, 154.5, 46.0];

export function isInJapan(lng: number, lat: number): boolean {
  return lng >= JAPAN_BBOX[0] && lng <= JAPAN_BBOX[2] && lat >= JAPAN_BBOX[1] && lat <= JAPAN_BBOX[3];
}
