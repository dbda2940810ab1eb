import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { tileOf, warmTiles } from '../../server/features/tiles/warm';
import { demoApp, type TestApp } from '../helpers/db';

let app: TestApp;

beforeAll(async () => {
  ({ app } = await demoApp());
});

async function tileOfSet(set: string, z: number, x: number, y: number, query = '') {
  const res = await app.request(`/api/tiles/${set}/${z}/${x}/${y}${query}`, { headers: { 'accept-encoding': 'gzip' } });
  if (res.status !== 200) return { res, layers: {} as VectorTile['layers'] };
  const raw = new Uint8Array(await res.arrayBuffer());
  return { res, layers: new VectorTile(new PbfReader(gunzipSync(raw))).layers };
}

/** Both sets of one tile address, their layers together. */
async function tile(z: number, x: number, y: number, query = '') {
  const points = await tileOfSet('points', z, x, y, query);
  const areas = await tileOfSet('areas', z, x, y, query);
  return { res: points.res, layers: { ...areas.layers, ...points.layers } };
}

const features = (layer: VectorTile['layers'][string] | undefined) => (layer ? Array.from({ length: layer.length }, (_, k) => layer.feature(k)) : []);

describe('GET /api/tiles/:z/:x/:y', () => {
  it.each([5, 8])('clusters facilities at a regional zoom (z%i), every placed facility counted once', async (z) => {
    const placed = (await (await app.request('/api/facilities')).json()).features.filter((f: any) => f.geometry);
    const [lng, lat] = placed[0].geometry.coordinates;
    const { res, layers } = await tile(z, ...tileOf(lng, lat, z));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const fs = features(layers.facilities);
    expect(fs.some((f) => f.properties.cluster)).toBe(true);
    const counted = fs.reduce((s, f) => s + (f.properties.cluster ? Number(f.properties.point_count) : 1), 0);
    expect(counted).toBe(placed.length);
    // Clusters count each type, so a type filter can label them.
    const byType = fs.filter((f) => f.properties.cluster).reduce((s, f) => s + Number(f.properties.n_tokuyo ?? 0), 0) + fs.filter((f) => !f.properties.cluster && f.properties.type === 'tokuyo').length;
    expect(byType).toBe(placed.filter((f: any) => f.properties.serviceCode === '510').length);
  });

  it('shows single facilities with their status at a town zoom, and municipalities with their tallies', async () => {
    const one = (await (await app.request('/api/facilities?status=partial')).json()).features.find((f: any) => f.geometry);
    const [lng, lat] = one.geometry.coordinates;
    const { layers } = await tile(12, ...tileOf(lng, lat, 12));
    const found = features(layers.facilities).find((f) => f.properties.id === one.properties.id);
    expect(found?.properties).toMatchObject({ name: one.properties.name, status: 'partial', type: expect.any(String), level: expect.any(String) });
    const area = features(layers.areas).find((f) => f.properties.code === one.properties.municipalityCode);
    expect(area).toBeDefined();
    expect(Number(area!.properties.n_all)).toBeGreaterThanOrEqual(1);
    expect(Number(area!.properties.c_all)).toBeLessThanOrEqual(Number(area!.properties.n_all));
  });

  it('tallies match the municipalities API', async () => {
    const munis = (await (await app.request('/api/municipalities')).json()).features;
    const demo = munis.find((m: any) => m.properties.kind !== 'designated_city' && m.properties.counts.total > 3);
    const { layers } = await tile(8, ...tileOf(demo.properties.labelPoint[0], demo.properties.labelPoint[1], 8));
    const area = features(layers.areas).find((f) => f.properties.code === demo.properties.code)!;
    expect(Number(area.properties.n_all)).toBe(demo.properties.counts.total);
    expect(Number(area.properties.c_all ?? 0)).toBe(demo.properties.counts.covered);
  });

  it('holds the area names spread out at a regional zoom and all of them at the last zoom of the set', async () => {
    const munis = (await (await app.request('/api/municipalities')).json()).features.filter((m: any) => m.properties.kind !== 'designated_city' && m.properties.labelPoint);
    const names = async (z: number) => {
      const seen = new Map<string, number>();
      for (const m of munis) {
        const { layers } = await tileOfSet('areas', z, ...tileOf(m.properties.labelPoint[0], m.properties.labelPoint[1], z));
        for (const f of features(layers.labels)) seen.set(String(f.properties.code), Number(f.properties.minzoom));
      }
      return seen;
    };
    const at10 = await names(10);
    expect([...at10.keys()].sort()).toEqual(munis.map((m: any) => m.properties.code).sort());
    const at6 = await names(6);
    expect(at6.size).toBeGreaterThan(0);
    expect(at6.size).toBeLessThan(at10.size);
    for (const [code, minzoom] of at6) expect(minzoom, code).toBeLessThanOrEqual(6);
  });

  it('cuts the areas to a town zoom: a z13 tile holds only its own piece of a municipality, not the z10 polygon scaled up', async () => {
    const munis = (await (await app.request('/api/municipalities')).json()).features.filter((m: any) => m.properties.labelPoint);
    const [lng, lat] = munis[0].properties.labelPoint;
    const { res, layers } = await tileOfSet('areas', 13, ...tileOf(lng, lat, 13));
    expect(res.status).toBe(200);
    const extent = layers.areas!.extent;
    const vertices = features(layers.areas).flatMap((f) => f.loadGeometry().flat());
    expect(vertices.length).toBeGreaterThan(0);
    // Clipped to the tile and its buffer (tile-store.ts: 64 of 4096), so a step in at town zoom lays out a few vertices per tile.
    for (const v of vertices) {
      expect(v.x).toBeGreaterThanOrEqual(-extent * 0.05);
      expect(v.x).toBeLessThanOrEqual(extent * 1.05);
      expect(v.y).toBeGreaterThanOrEqual(-extent * 0.05);
      expect(v.y).toBeLessThanOrEqual(extent * 1.05);
    }
  });

  it('says 204 for an empty tile, caches a current version for good, and 400s a tile outside its zoom', async () => {
    expect((await tile(10, 0, 0)).res.status).toBe(204);
    const { dataVersion } = await (await app.request('/api/meta')).json();
    const [x, y] = tileOf(137, 32.3, 6);
    expect((await tile(6, x, y, `?v=${dataVersion}`)).res.headers.get('cache-control')).toContain('immutable');
    expect((await tile(6, x, y, '?v=old')).res.headers.get('cache-control')).toBe('no-cache');
    const bad = await app.request('/api/tiles/points/3/8/1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('x');
    expect((await app.request('/api/tiles/points/a/0/0')).status).toBe(400);
    expect((await (await app.request('/api/tiles/roads/1/0/0')).json()).error.issues[0].path).toBe('set');
  });
});

describe('tiles cut ahead of visitors', () => {
  it('finds the tile of a place (新宿 at z10 is 909/403; the world at z0 is 0/0)', () => {
    expect(tileOf(139.7, 35.69, 10)).toEqual([909, 403]);
    expect(tileOf(0, 0, 0)).toEqual([0, 0]);
    expect(tileOf(180, -90, 3)).toEqual([7, 7]);
  });

  it('asks for every tile of the data box in both sets, and they are then served as visitors ask', async () => {
    const meta = (await (await app.request('/api/meta')).json()) as { dataVersion: string; bbox: [number, number, number, number] };
    const asked: string[] = [];
    const spy = { request: (path: string) => (asked.push(path), app.request(path)) };
    const n = await warmTiles(spy, meta.bbox, meta.dataVersion, 6);
    let expected = 0;
    for (let z = 0; z <= 6; z++) {
      const [x0, y0] = tileOf(meta.bbox[0], meta.bbox[3], z);
      const [x1, y1] = tileOf(meta.bbox[2], meta.bbox[1], z);
      expected += 2 * (x1 - x0 + 1) * (y1 - y0 + 1);
    }
    expect(n).toBe(expected);
    expect(asked).toContain(`/api/tiles/areas/0/0/0?v=${meta.dataVersion}`);
    const [x, y] = tileOf((meta.bbox[0] + meta.bbox[2]) / 2, (meta.bbox[1] + meta.bbox[3]) / 2, 6);
    const { res, layers } = await tileOfSet('points', 6, x, y);
    expect(res.status).toBe(200);
    expect(layers.facilities?.length).toBeGreaterThan(0);
  });
});
