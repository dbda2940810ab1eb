import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import { isInJapan } from './geo';

/**
 * Whether a facility's published coordinates can be trusted, and where it then stands. The rules
 * (issue 15, measured on the national files): boundaries are simplified, so a point up to
 * BOUNDARY_TOLERANCE_KM outside its own municipality's polygon counts as inside; beyond that it is
 * flagged with its distance, placed at its town point when one is found inside its own municipality,
 * and otherwise kept where published with the flag shown. Coordinates outside Japan are flagged and
 * the facility is placed by its address, like one whose file gives none.
 */
export const BOUNDARY_TOLERANCE_KM = 1;

type Boundary = GeoJSON.Polygon | GeoJSON.MultiPolygon;
export type PositionFlag = 'outside_japan' | 'outside_municipality';
export type Precision = 'source' | 'town' | 'municipality' | 'none';

/** How far (km) a point lies outside a polygon; 0 inside or on it. */
export function kmOutside(lng: number, lat: number, boundary: Boundary): number {
  const p = point([lng, lat]);
  if (booleanPointInPolygon(p, boundary)) return 0;
  return Math.max(0, pointToPolygonDistance(p, boundary, { units: 'kilometers' }));
}

export interface PublishedCheck {
  flag: PositionFlag | null;
  /** For `outside_municipality`: km outside the own polygon, one decimal. */
  offsetKm: number | null;
}

/** Checks published coordinates against Japan and the own municipality's polygon (when known). */
export function checkPublished(lng: number, lat: number, own: Boundary | null): PublishedCheck {
  if (!isInJapan(lng, lat)) return { flag: 'outside_japan', offsetKm: null };
  if (!own) return { flag: null, offsetKm: null };
  const km = kmOutside(lng, lat, own);
  return km > BOUNDARY_TOLERANCE_KM ? { flag: 'outside_municipality', offsetKm: Math.round(km * 10) / 10 } : { flag: null, offsetKm: null };
}

export interface Placement {
  lat: number | null;
  lng: number | null;
  precision: Precision;
}

/**
 * Where a facility stands, from its published coordinates (null when blank or 0/0), their check, and
 * the address geocoded (null when it found nothing).
 */
export function placeFacility(
  published: { lat: number; lng: number } | null,
  check: PublishedCheck,
  geocoded: { lat: number; lng: number; precision: 'town' | 'municipality' } | null,
  own: Boundary | null,
): Placement {
  if (published && check.flag === null) return { ...published, precision: 'source' };
  if (published && check.flag === 'outside_municipality') {
    // A town point counts only when it lies within the own municipality (as the published point should).
    const townInside = geocoded?.precision === 'town' && own !== null && kmOutside(geocoded.lng, geocoded.lat, own) <= BOUNDARY_TOLERANCE_KM;
    return townInside ? { lat: geocoded.lat, lng: geocoded.lng, precision: 'town' } : { ...published, precision: 'source' };
  }
  return geocoded ? { lat: geocoded.lat, lng: geocoded.lng, precision: geocoded.precision } : { lat: null, lng: null, precision: 'none' };
}
