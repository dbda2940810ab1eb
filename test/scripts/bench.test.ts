import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_DIR, baselineMissing, pointsGeojson, startBaselineServer } from '../../scripts/bench/baseline-map';
import { benchRoute } from '../../scripts/bench/route';
import { demoDb } from '../helpers/db';

/** The benchmarks keep measuring what they say: figures are timed, not asserted, but their plumbing is. */
describe('the route benchmark', () => {
  it('times every path on the synthetic country and reports each figure beside the floor', async () => {
    const r = await benchRoute({ sample: 20 });
    for (const k of ['knnBaselineUs', 'candidatesP50Us', 'candidatesP99Us', 'combinationsP50Us', 'apiCandidatesP50Us', 'apiCandidatesP99Us', 'candidatesToKnn', 'apiP50ToKnn', 'apiP99ToKnn']) {
      expect(r[k], k).toBeGreaterThan(0);
    }
    expect(r.candidatesP99Us).toBeGreaterThanOrEqual(r.candidatesP50Us as number);
    // Every API call answered 200 with candidates (the bench throws otherwise) and carried a body.
    expect(r.apiCandidatesBytes).toBeGreaterThan(1000);
  }, 120_000);
});

describe('the map baseline of bench:web', () => {
  it('serves the baseline page unchanged, MapLibre beside it, and the same points and polygons gzipped', async (ctx) => {
    const why = baselineMissing();
    if (why) {
      console.log(`skipped: ${why}`);
      ctx.skip();
      return;
    }
    const db = await demoDb();
    const points = pointsGeojson(db);
    const placed = (db.$client.prepare('select (select count(*) from facilities where lat is not null and withdrawn_on is null) + (select count(*) from institutions where lat is not null and withdrawn_on is null) n').get() as { n: number }).n;
    expect(JSON.parse(points).features).toHaveLength(placed);
    const server = await startBaselineServer({ points, areas: '{"type":"FeatureCollection","features":[]}' });
    try {
      const page = await fetch(server.url);
      expect(await page.text()).toBe(readFileSync(join(BASELINE_DIR, 'index.html'), 'utf8'));
      const raw = await fetch(new URL('/points.geojson', server.url), { headers: { 'accept-encoding': 'gzip' } });
      expect(raw.status).toBe(200);
      const kinds = new Set(JSON.parse(await raw.text()).features.map((f: any) => f.properties.kind));
      expect([...kinds].sort()).toEqual(['f', 'i']);
      expect((await fetch(new URL('/maplibre/maplibre-gl.mjs', server.url))).status).toBe(200);
      expect((await fetch(new URL('/maplibre/../package.json', server.url))).status).toBe(404);
      const areas = await fetch(new URL('/areas.geojson', server.url));
      // Sent gzipped (fetch unpacks it), as the app's server sends its GeoJSON.
      expect(areas.headers.get('content-encoding')).toBe('gzip');
      expect(await areas.json()).toMatchObject({ type: 'FeatureCollection' });
    } finally {
      await server.stop();
    }
  });
});
