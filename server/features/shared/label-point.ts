import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';

/** One point inside a boundary to label it by: the centre of mass when it falls inside, else a point on it. */
export function labelPoint(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null): [number, number] | null {
  if (!geometry) return null;
  const centre = centerOfMass(geometry);
  const p = booleanPointInPolygon(centre, geometry) ? centre : pointOnFeature(geometry);
  return p.geometry.coordinates as [number, number];
}
