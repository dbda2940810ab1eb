import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { municipalitiesQuery } from '../../contracts/api';
import { municipalities } from '../../db/schema';
import { COVERAGE_STATUSES, type CoverageStatus } from '../../domain/coverage';
import { validate } from '../../validate';
import { listFacilitiesWithCoverage } from '../facilities/queries';

/** One point inside the boundary to label it by: the centre of mass when it falls inside, else a point on it. */
function labelPoint(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null): [number, number] | null {
  if (!geometry) return null;
  const centre = centerOfMass(geometry);
  const p = booleanPointInPolygon(centre, geometry) ? centre : pointOnFeature(geometry);
  return p.geometry.coordinates as [number, number];
}

type Counts = Record<CoverageStatus, number> & { total: number };
const emptyCounts = (): Counts => ({ covered: 0, partial: 0, none: 0, unknown: 0, total: 0 });

export const municipalitiesRoutes = new Hono<AppEnv>()
  /**
   * GeoJSON of municipalities with their boundaries and facility counts by status. A 政令市 row
   * (kind designated_city) sums its wards and carries their union as its boundary.
   */
  .get('/', validate('query', municipalitiesQuery), (c) => {
    const q = c.req.valid('query');
    const { db, today } = c.var;
    const rows = db.select().from(municipalities).all().filter((m) => !q.prefecture || m.prefCode === q.prefecture);
    const counts = new Map<string, Counts>();
    for (const { row, coverage } of listFacilitiesWithCoverage(db, {}, today())) {
      if (!row.municipalityCode) continue;
      const cnt = counts.get(row.municipalityCode) ?? emptyCounts();
      cnt[coverage.status]++;
      cnt.total++;
      counts.set(row.municipalityCode, cnt);
    }
    const parentOf = new Map(rows.map((m) => [m.code, m.parentCode]));
    for (const [code, cnt] of [...counts]) {
      const parent = parentOf.get(code);
      if (!parent) continue;
      const pc = counts.get(parent) ?? emptyCounts();
      for (const k of [...COVERAGE_STATUSES, 'total'] as const) pc[k] += cnt[k];
      counts.set(parent, pc);
    }
    return c.json({
      type: 'FeatureCollection' as const,
      features: rows.map((m) => {
        const geometry = m.boundary ? (JSON.parse(m.boundary) as GeoJSON.Polygon | GeoJSON.MultiPolygon) : null;
        return {
          type: 'Feature' as const,
          geometry,
          properties: {
            code: m.code,
            name: m.name,
            prefCode: m.prefCode,
            prefName: m.prefName,
            kind: m.kind,
            parentCode: m.parentCode,
            labelPoint: labelPoint(geometry),
            counts: counts.get(m.code) ?? emptyCounts(),
          },
        };
      }),
    });
  });
