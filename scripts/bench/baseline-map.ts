import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Db } from '../../server/db/client';

/**
 * The naive map the product must beat (../shared/baselines/map/, loaded unchanged): its page, MapLibre's
 * dist at /maplibre/, and the same synthetic country as /points.geojson (every facility `f` and
 * institution `i`) and /areas.geojson (the municipality polygons as the app serves them), gzipped as
 * the app's own server would. A plain node:http server on a free port.
 */
export const BASELINE_DIR = resolve(process.env.BASELINES_DIR ?? '../shared/baselines', 'map');
const MAPLIBRE_DIST = resolve('node_modules/maplibre-gl/dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json', '.map': 'application/json' };

export interface BaselineServer {
  url: string;
  stop: () => Promise<void>;
}

/** Why the baseline cannot run here, or null. */
export const baselineMissing = (): string | null => (existsSync(join(BASELINE_DIR, 'index.html')) ? null : `no baseline page at ${BASELINE_DIR} (set BASELINES_DIR)`);

/** The points file: every placed facility and institution, as the baseline page expects them. */
export function pointsGeojson(db: Db): string {
  const rows = db.$client
    .prepare("select lng, lat, 'f' kind from facilities where lat is not null and withdrawn_on is null union all select lng, lat, 'i' kind from institutions where lat is not null and withdrawn_on is null")
    .all() as { lng: number; lat: number; kind: 'f' | 'i' }[];
  return JSON.stringify({ type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', properties: { kind: r.kind }, geometry: { type: 'Point', coordinates: [r.lng, r.lat] } })) });
}

export async function startBaselineServer(files: { points: string; areas: string }): Promise<BaselineServer> {
  const page = readFileSync(join(BASELINE_DIR, 'index.html'));
  const data: Record<string, Buffer> = { '/points.geojson': gzipSync(files.points, { level: 4 }), '/areas.geojson': gzipSync(files.areas, { level: 4 }) };
  // MapLibre's files, gzipped once as the app's server packs its hashed assets once (server/compress.ts).
  const packed = new Map<string, { type: string; body: Buffer; zipped: boolean }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const gz = data[path];
    if (gz) {
      res.writeHead(200, { 'content-type': TYPES['.geojson']!, 'content-encoding': 'gzip', 'content-length': gz.length });
      return res.end(gz);
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      return res.end(page);
    }
    if (path.startsWith('/maplibre/')) {
      const file = normalize(join(MAPLIBRE_DIST, path.slice('/maplibre/'.length)));
      if (file.startsWith(MAPLIBRE_DIST) && existsSync(file)) {
        let entry = packed.get(file);
        if (!entry) {
          const type = TYPES[extname(file)] ?? 'application/octet-stream';
          const zipped = /^text\/|json/.test(type);
          entry = { type, zipped, body: zipped ? gzipSync(readFileSync(file), { level: 4 }) : readFileSync(file) };
          packed.set(file, entry);
        }
        res.writeHead(200, { 'content-type': entry.type, 'content-length': entry.body.length, ...(entry.zipped ? { 'content-encoding': 'gzip' } : {}) });
        return res.end(entry.body);
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
