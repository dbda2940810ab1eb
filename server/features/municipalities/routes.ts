import { bbox } from '@turf/turf';
import { allow, PUBLIC } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { municipalitiesQuery } from '../../contracts/api';
import type { Db } from '../../db/client';
import type { EngineSnapshot } from '../engine/engine-store';
import { municipalities } from '../../db/schema';
import { emptyCounts, municipalityCounts } from '../engine/municipality-counts';
import { validate } from '../../validate';
import { labelPoint } from '../shared/label-point';

export const municipalitiesRoutes = new Hono<AppEnv>()
  /**
   * GeoJSON of municipalities with their boundaries and facility counts by status. A 政令市 row
   * (kind designated_city) sums its wards and carries their union as its boundary. `geometry=false`
   * leaves the boundaries out (the map has them in its tiles): a list of areas with their boxes.
   */
  .get('/', validate('query', municipalitiesQuery), allow(PUBLIC), (c) => {
    const q = c.req.valid('query');
    const { db, today, engine, memo } = c.var;
    return c.json(memo.get(today(), `municipalities:${q.prefecture ?? ''}:${q.geometry}`, () => municipalityCollection(db, engine.get(today()), q)));
  });

/** Every municipality (or a prefecture's) with its facility counts by status and its box. */
function municipalityCollection(db: Db, snap: EngineSnapshot, q: { prefecture?: string; geometry: boolean }) {
  const rows = db.select().from(municipalities).all().filter((m) => !q.prefecture || m.prefCode === q.prefecture);
  const counts = municipalityCounts(snap);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((m) => {
      const geometry = m.boundary ? (JSON.parse(m.boundary) as GeoJSON.Polygon | GeoJSON.MultiPolygon) : null;
      return {
        type: 'Feature' as const,
        geometry: q.geometry ? geometry : null,
        properties: {
          code: m.code,
          name: m.name,
          prefCode: m.prefCode,
          prefName: m.prefName,
          kind: m.kind,
          parentCode: m.parentCode,
          /** A point inside, to hang the name on (with the geometry only). */
          labelPoint: q.geometry ? labelPoint(geometry) : null,
          /** [minLng, minLat, maxLng, maxLat] of the boundary, to fit the map to. */
          bbox: geometry ? (bbox(geometry) as [number, number, number, number]) : null,
          counts: counts.get(m.code) ?? emptyCounts(),
        },
      };
    }),
  };
}
