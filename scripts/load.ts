/**
 * `npm run load [-- --json]`: the API under load on loopback (autocannon), on the demo region, against
 * the endpoints the map and the facility view hit most — candidates of many facilities, map tiles at
 * every zoom the demo shows, and the gaps — in two phases:
 *   0. every URL once, in turn (what the first visitors pay: tiles cut, reach worked out): coldP50Ms, coldMaxMs
 *   1. a fixed rate of 200 requests/s for 30 s: p50Ms, p99Ms, errors (failed, timed out or not 2xx)
 *   2. 100 connections flat out for 30 s: requestsPerS, saturatedP99Ms, saturatedErrors
 * Target (issue 7): 0 errors, and p99 ≤ 50 ms at 200 requests/s on 2 cores. LOAD_SECONDS shortens
 * both phases (for a quick look).
 */
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { startAppServer, warmedUp, type ServerHandle } from './lib/app-process';
import { ensureWebBuild } from './lib/web-build';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const HEADERS = { 'accept-encoding': 'gzip' };

/** The URLs to cycle through: what a day of map and facility-view use asks for. */
async function targets(server: ServerHandle): Promise<string[]> {
  const get = async <T>(path: string) => (await (await fetch(server.url + path)).json()) as T;
  const meta = await get<{ dataVersion: string; bbox: [number, number, number, number] }>('/api/meta');
  const facilities = await get<{ features: { properties: { id: string } }[] }>('/api/facilities');
  const ids = facilities.features.map((f) => f.properties.id).filter((_, i) => i % 3 === 0);
  const [w, s, e, n] = meta.bbox;
  const tiles: string[] = [];
  for (let z = 6; z <= 12; z++) {
    const x = (lng: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
    const y = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
    for (let tx = x(w); tx <= x(e); tx++) for (let ty = y(n); ty <= y(s); ty++) for (const set of ['areas', 'points']) tiles.push(`/api/tiles/${set}/${z}/${tx}/${ty}?v=${meta.dataVersion}`);
  }
  return [
    ...ids.flatMap((id) => [`/api/facilities/${id}/candidates?maxMinutes=30`, `/api/facilities/${id}`]),
    ...tiles,
    '/api/gaps?maxMinutes=30',
    '/api/gaps/facilities?maxMinutes=30&limit=100',
  ];
}

function run(url: string, paths: string[], opts: { connections: number; overallRate?: number }): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: opts.connections, duration: SECONDS, headers: HEADERS, requests: paths.map((path) => ({ method: 'GET', path })), ...(opts.overallRate ? { overallRate: opts.overallRate } : {}) },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    // Each connection walks the list from a different place, so every URL is asked for.
    void instance;
  });
}

const failures = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;

export async function load(): Promise<Record<string, number | string>> {
  await ensureWebBuild('dist/web');
  const server = await startAppServer();
  try {
    await warmedUp(server);
    const paths = await targets(server);
    // Shuffle once (deterministically) so candidates and tiles interleave.
    const mixed = paths.map((p, i) => [(i * 7919) % paths.length, p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
    // First, every URL once, one at a time: what the first visitors pay (tiles cut, reach worked out).
    const cold: number[] = [];
    for (const path of mixed) {
      const t0 = performance.now();
      await (await fetch(server.url + path, { headers: HEADERS })).arrayBuffer();
      cold.push(performance.now() - t0);
    }
    cold.sort((a, b) => a - b);
    const fixed = await run(server.url, mixed, { connections: 10, overallRate: 200 });
    const flat = await run(server.url, mixed, { connections: 100 });
    return {
      node: process.version,
      cores: cpus().length,
      urls: mixed.length,
      seconds: SECONDS,
      rate: 200,
      coldP50Ms: Math.round(cold[Math.floor(cold.length / 2)]!),
      coldMaxMs: Math.round(cold.at(-1)!),
      requests: fixed.requests.total,
      p50Ms: fixed.latency.p50,
      p99Ms: fixed.latency.p99,
      maxMs: fixed.latency.max,
      errors: failures(fixed),
      requestsPerS: Math.round(flat.requests.average),
      saturatedP50Ms: flat.latency.p50,
      saturatedP99Ms: flat.latency.p99,
      saturatedErrors: failures(flat),
    };
  } finally {
    await server.stop();
  }
}

const result = await load();
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(16)} ${v}`);
