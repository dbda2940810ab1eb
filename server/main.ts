import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { gzip } from './compress';
import { sql } from 'drizzle-orm';
import { createApp } from './app';
import { openDb, type Db } from './db/client';
import { facilities, institutions, municipalities } from './db/schema';
import { loadConfig, type Config } from './env';
import { importPaths } from './import/run-import';
import { formatProblem } from './import/problems';
import { osrmTravelTimes } from './routing/travel-times';
import { warmTiles } from './features/tiles/warm';
import { addDemoAccounts, demoAccountLines } from './auth/demo-accounts';
import { firstRunLines } from './auth/first-run';

function isEmpty(db: Db): boolean {
  const n = (t: typeof facilities | typeof institutions | typeof municipalities) => db.select({ n: sql<number>`count(*)` }).from(t).get()?.n ?? 0;
  return n(facilities) + n(institutions) + n(municipalities) === 0;
}

/** Loads the demo region into an empty database, through the same import path as real data. */
export async function loadDemoIfEmpty(db: Db, config: Config, log: (line: string) => void): Promise<void> {
  if (!config.LOAD_DEMO || !isEmpty(db)) return;
  const summary = await importPaths(db, config.DEMO_DATA.split(','), { now: new Date() });
  const rows = summary.files.reduce((s, f) => s + f.imported, 0);
  log(`Loaded the demo region (デモ県, 架空) from ${config.DEMO_DATA}: ${rows} rows from ${summary.files.length} files.`);
  for (const p of summary.problems) log(`  ${formatProblem(p)}`);
  await addDemoAccounts(db);
}

/** The Host names answered: HOST, the loopback names, and PUBLIC_HOSTS. */
export const servedHosts = (config: Config) => [...new Set([config.HOST, 'localhost', '127.0.0.1', '[::1]', ...config.PUBLIC_HOSTS])].map((h) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h));

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** Opens and migrates the database, loads the demo if empty, serves the API and the built web app. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const db = openDb(config.DATABASE_PATH);
  await loadDemoIfEmpty(db, config, log);
  const app = createApp({ db, routing: config.ROUTING_URL ? osrmTravelTimes(config.ROUTING_URL) : null, basemap: config.BASEMAP, corsOrigins: config.CORS_ORIGINS, trustProxy: config.TRUST_PROXY, hosts: servedHosts(config) });
  if (!existsSync(join(config.WEB_DIST, 'index.html'))) {
    log(`Note: no web build in ${config.WEB_DIST} (run npm run build); serving the API only.`);
  }
  // The built files: compressed, and those with a content hash in their name cached for good.
  app.use('/*', gzip());
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', serveStatic({ root: config.WEB_DIST }));
  // A built file that is not there is a 404 — never index.html, which would be cached for a year.
  app.get('/assets/*', (c) => c.text('Not found', 404));
  app.get('*', serveStatic({ path: join(config.WEB_DIST, 'index.html') }));

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
      const url = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
      log(`Renkei Map (連携マップ) is serving ${config.DATABASE_PATH} at ${url}`);
      const demo = demoAccountLines(db);
      for (const line of firstRunLines(db, config.DATABASE_PATH)) log(line);
      if (demo.length > 0) log(['Demo accounts (デモ用アカウント — sign in at the top right):', `  ${'role'.padEnd(13)} ${'login'.padEnd(14)} ${'password'.padEnd(19)} scope`, ...demo].join('\n'));
      // Build the engine's snapshot, the map's tiles and the opening view's gaps now rather than on
      // the first visitor's request.
      setImmediate(async () => {
        const meta = (await (await app.request('/api/meta')).json()) as { dataVersion: string; bbox: [number, number, number, number] | null };
        // What the opening 自治体 view asks for: the gaps, the area list and the first page of the list.
        for (const path of ['/api/gaps', '/api/municipalities?geometry=false', '/api/gaps/facilities']) await app.request(path);
        const t0 = Date.now();
        const n = meta.bbox ? await warmTiles(app, meta.bbox, meta.dataVersion) : 0;
        log(`Warmed up: ${n} map tiles cut in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
      });
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              db.$client.close();
              done();
            });
          }),
      });
    });
    server.on('error', reject);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const config = loadConfig();
  startServer(config).catch((e: Error & { code?: string }) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${config.PORT} on ${config.HOST} is in use: set PORT to another port.` : e.message);
    process.exit(1);
  });
}
