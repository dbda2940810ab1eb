/**
 * `npm run load [-- --json]`: the API under load on loopback (autocannon), on the demo region, against
 * the endpoints the map and the facility view hit most — candidates of many facilities, map tiles at
 * every zoom the demo shows, and the gaps — in four phases:
 *   0. every URL once, in turn (what the first visitors pay: tiles cut, reach worked out): coldP50Ms, coldMaxMs
 *   1. a fixed rate of 200 requests/s for 30 s — one request every 5 ms, open loop, each timed from
 *      when it was due (so a slow answer delays nothing and hides nothing): p50Ms, p99Ms, maxMs,
 *      errors (failed or not 2xx). Not autocannon's rate mode: it sends each second's quota in a burst
 *      at the top of the second, and back-fills latencies at a 1 ms interval, which measures its
 *      own bursts rather than a steady 200 requests/s.
 *   2. 100 connections flat out for 30 s (autocannon): requestsPerS, saturatedP99Ms, saturatedErrors
 *   3. mixed: 150 reads and 50 writes a second for 30 s, open loop and timed from when each was due as
 *      in phase 1 (one request every 5 ms, every fourth a write). The reads are phase 1's URLs; the
 *      writes are what a facility's staff does in the app: signed in once as the demo facility
 *      (demo-facility, POST /api/auth/login), each write records a 連携会議 held with one of its
 *      partners (POST /api/facilities/:id/meetings, with the session cookie and its X-CSRF-Token as
 *      the web client sends them) — a create, so it never meets a version conflict and a correct
 *      server answers 201 every time. Every write moves the data version, so the read model, the
 *      tiles, the reach and the search index are all dropped and rebuilt by the next read that needs
 *      them: that is the cost measured. mixedReadP50Ms, mixedReadP99Ms, mixedReadMaxMs,
 *      mixedWriteP50Ms, mixedWriteP99Ms, mixedWriteMaxMs, mixedReadErrors, mixedWriteErrors (failed
 *      or not 2xx; the first few failed writes are printed to stderr), mixedErrors (both),
 *      mixedWrites (writes answered 2xx), mixedVersionSteps (how far the data version moved: one per
 *      write).
 * Target (issue 7): 0 errors, and p99 ≤ 50 ms at 200 requests/s on 2 cores. LOAD_SECONDS shortens
 * every timed phase (for a quick look).
 */
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { tileOf } from '../server/features/tiles/warm';
import { startAppServer, warmedUp, type ServerHandle } from './lib/app-process';
import { ensureWebBuild } from './lib/web-build';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const RATE = 200;
const HEADERS = { 'accept-encoding': 'gzip' };
/** Phase 3: reads and writes a second. */
const MIXED_READS = 150;
const MIXED_WRITES = 50;
/** The demo region's facility account (server/auth/demo-accounts.ts; its password is public). */
const WRITER = { login: 'demo-facility', password: 'demo-facility-2027', facility: '9971600862-510' };

/** The URLs to cycle through: what a day of map and facility-view use asks for. */
async function targets(server: ServerHandle): Promise<string[]> {
  const get = async <T>(path: string) => (await (await fetch(server.url + path)).json()) as T;
  const meta = await get<{ dataVersion: string; bbox: [number, number, number, number] }>('/api/meta');
  const facilities = await get<{ features: { properties: { id: string } }[] }>('/api/facilities');
  const ids = facilities.features.map((f) => f.properties.id).filter((_, i) => i % 3 === 0);
  const [w, s, e, n] = meta.bbox;
  const tiles: string[] = [];
  for (let z = 6; z <= 12; z++) {
    const [x0, y0] = tileOf(w, n, z);
    const [x1, y1] = tileOf(e, s, z);
    for (let tx = x0; tx <= x1; tx++) for (let ty = y0; ty <= y1; ty++) for (const set of ['areas', 'points']) tiles.push(`/api/tiles/${set}/${z}/${tx}/${ty}?v=${meta.dataVersion}`);
  }
  return [
    ...ids.flatMap((id) => [`/api/facilities/${id}/candidates?maxMinutes=30`, `/api/facilities/${id}`]),
    ...tiles,
    '/api/gaps?maxMinutes=30',
    '/api/gaps/facilities?maxMinutes=30&limit=100',
  ];
}

/** Phase 1: `rate` requests a second, evenly spaced, whatever the answers take. */
async function steady(url: string, paths: string[], rate: number): Promise<{ latencies: number[]; errors: number }> {
  const interval = 1000 / rate;
  const total = rate * SECONDS;
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      fetch(url + paths[i % paths.length], { headers: HEADERS }).then(
        async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
          latencies.push(performance.now() - due);
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

/** A signed-in session as the web client holds it: the session cookie, and the CSRF token for writes. */
interface Session {
  cookie: string;
  csrfToken: string;
}

/** Signs in once (the password hash is slow on purpose, and failures are limited). */
async function signIn(url: string, login: string, password: string): Promise<Session> {
  const res = await fetch(url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ login, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/**
 * The writes of phase 3: 連携会議 the facility records with its partners, on days of the last three
 * months (never in the future, whatever the time zone), each partner and electronic sharing in turn.
 */
async function meetingWrites(url: string, session: Session, facility: string): Promise<(i: number) => { path: string; init: RequestInit }> {
  const detail = (await (await fetch(`${url}/api/facilities/${facility}`, { headers: { cookie: session.cookie } })).json()) as { partners: { institution: { code: string } }[] | null };
  const partners = [...new Set((detail.partners ?? []).map((p) => p.institution.code))];
  if (partners.length === 0) throw new Error(`${facility} shows the signed-in user no partner to hold a 連携会議 with`);
  const headers = { ...HEADERS, cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json', origin: url };
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return (i) => ({
    path: `/api/facilities/${facility}/meetings`,
    init: { method: 'POST', headers, body: JSON.stringify({ institutionCode: partners[i % partners.length], heldOn: day(1 + (i % 90)), electronicSharing: i % 2 === 0 }) },
  });
}

interface Timed {
  latencies: number[];
  /** Failed, or answered other than 2xx. */
  errors: number;
  /** Answered 2xx. */
  ok: number;
}

/**
 * Phase 3: `reads` + `writes` requests a second, evenly spaced and interleaved, whatever the answers
 * take; each kind timed from when it was due.
 */
async function mixedLoad(url: string, paths: string[], reads: number, writes: number, write: (i: number) => { path: string; init: RequestInit }): Promise<{ reads: Timed; writes: Timed; writeFailures: string[] }> {
  const rate = reads + writes;
  const interval = 1000 / rate;
  const total = rate * SECONDS;
  const r: Timed = { latencies: [], errors: 0, ok: 0 };
  const w: Timed = { latencies: [], errors: 0, ok: 0 };
  const writeFailures: string[] = [];
  const inFlight: Promise<void>[] = [];
  let nReads = 0;
  let nWrites = 0;
  // Slot i is a write when the writes due by slot i+1 outnumber those sent: evenly spread for any ratio.
  const isWrite = (i: number) => Math.floor(((i + 1) * writes) / rate) > Math.floor((i * writes) / rate);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    const asWrite = isWrite(i);
    const into = asWrite ? w : r;
    const { path, init } = asWrite ? write(nWrites++) : { path: paths[nReads++ % paths.length]!, init: { headers: HEADERS } };
    inFlight.push(
      fetch(url + path, init).then(
        async (res) => {
          const body = await res.arrayBuffer();
          if (res.ok) into.ok++;
          else {
            into.errors++;
            if (asWrite && writeFailures.length < 5) writeFailures.push(`${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
          }
          into.latencies.push(performance.now() - due);
        },
        (e: unknown) => {
          into.errors++;
          if (asWrite && writeFailures.length < 5) writeFailures.push(String(e));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  for (const t of [r, w]) t.latencies.sort((a, b) => a - b);
  return { reads: r, writes: w, writeFailures };
}

/** Phase 2: `connections` clients, each sending its next request as soon as the last is answered. */
function flatOut(url: string, paths: string[], connections: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: SECONDS, headers: HEADERS, requests: paths.map((path) => ({ method: 'GET', path })) }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const pct = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]! * 10) / 10;

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
    const fixed = await steady(server.url, mixed, RATE);
    const flat = await flatOut(server.url, mixed, 100);
    // Phase 3: the same reads while a facility's staff write.
    const session = await signIn(server.url, WRITER.login, WRITER.password);
    const write = await meetingWrites(server.url, session, WRITER.facility);
    const versionNow = async () => ((await (await fetch(server.url + '/api/meta')).json()) as { dataVersion: string }).dataVersion;
    const versionBefore = await versionNow();
    const rw = await mixedLoad(server.url, mixed, MIXED_READS, MIXED_WRITES, write);
    const versionAfter = await versionNow();
    // `<started>.<n>.<today>`: n counts the changes to the data.
    const step = (v: string) => Number(v.split('.')[1]);
    if (rw.writeFailures.length > 0) console.error(`Writes that failed (first ${rw.writeFailures.length}):\n  ${rw.writeFailures.join('\n  ')}`);
    return {
      node: process.version,
      cores: cpus().length,
      urls: mixed.length,
      seconds: SECONDS,
      rate: RATE,
      coldP50Ms: pct(cold, 0.5),
      coldMaxMs: pct(cold, 1),
      requests: fixed.latencies.length + fixed.errors,
      p50Ms: pct(fixed.latencies, 0.5),
      p99Ms: pct(fixed.latencies, 0.99),
      maxMs: pct(fixed.latencies, 1),
      errors: fixed.errors,
      requestsPerS: Math.round(flat.requests.average),
      saturatedP50Ms: flat.latency.p50,
      saturatedP99Ms: flat.latency.p99,
      saturatedErrors: flat.errors + flat.timeouts + flat.non2xx,
      mixedReadRate: MIXED_READS,
      mixedWriteRate: MIXED_WRITES,
      mixedReads: rw.reads.ok + rw.reads.errors,
      mixedReadP50Ms: pct(rw.reads.latencies, 0.5),
      mixedReadP99Ms: pct(rw.reads.latencies, 0.99),
      mixedReadMaxMs: pct(rw.reads.latencies, 1),
      mixedWriteP50Ms: pct(rw.writes.latencies, 0.5),
      mixedWriteP99Ms: pct(rw.writes.latencies, 0.99),
      mixedWriteMaxMs: pct(rw.writes.latencies, 1),
      mixedReadErrors: rw.reads.errors,
      mixedWriteErrors: rw.writes.errors,
      mixedErrors: rw.reads.errors + rw.writes.errors,
      mixedWrites: rw.writes.ok,
      mixedVersionSteps: step(versionAfter) - step(versionBefore),
    };
  } finally {
    await server.stop();
  }
}

const result = await load();
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(18)} ${v}`);
