/**
 * `npm run bench:web [-- --json]`: the app in headless Chromium (software GL) on the synthetic
 * national dataset of the engine benchmark (scripts/bench/synthetic-db.ts), printed as one JSON object:
 *   idleMs        navigation to the map's first idle, in a fresh browser context each time; median of 5
 *   zoomIdleP95Ms map idle after each step of a scripted zoom from the whole country to one town, p95
 *                 over three towns (zoomStepsMs: every step, town by town, z5…z14)
 *   jsGzipKb      the app's own JavaScript (every built chunk but MapLibre's), gzipped
 * Targets (issue 5): idle ≤ 3 s, zoom steps ≤ 1 s, JS ≤ 400 KB gzip beyond MapLibre.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { openDb } from '../server/db/client';
import { writeSyntheticCountry } from './bench/synthetic-db';
import { launchBrowser, startAppServer, warmedUp } from './lib/app-process';
import { ensureWebBuild } from './lib/web-build';

const WEB_DIST = 'dist/web';
/** Towns to zoom into: 新宿 (densest), 大阪 梅田, and 鳥取市 (a small city). */
const TOWNS: [number, number][] = [[139.70, 35.69], [135.50, 34.70], [134.24, 35.50]];
const ZOOMS = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;

function jsGzipKb(): number {
  const assets = join(WEB_DIST, 'assets');
  const own = readdirSync(assets).filter((f) => /\.m?js$/.test(f) && !f.startsWith('maplibre'));
  return Math.round(own.reduce((s, f) => s + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0) / 102.4) / 10;
}

const waitIdle = (page: Page) => page.waitForFunction(() => window.__renkeiMap?.loaded() && document.body.dataset.mapIdle === 'true', null, { timeout: 60_000, polling: 16 });

async function firstIdle(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await waitIdle(page);
  const ms = Date.now() - t0;
  await context.close();
  return ms;
}

/** Each zoom step measured in the page: from jumpTo to the map's next idle. */
async function zoomSteps(page: Page, town: [number, number]): Promise<number[]> {
  const out: number[] = [];
  for (const zoom of ZOOMS) {
    out.push(
      await page.evaluate(
        ([center, z]) =>
          new Promise<number>((resolve) => {
            const map = window.__renkeiMap!;
            const t0 = performance.now();
            map.once('idle', () => resolve(performance.now() - t0));
            map.jumpTo({ center, zoom: z });
          }),
        [town, zoom] as const,
      ),
    );
  }
  return out;
}

export async function benchWeb(): Promise<Record<string, number | string>> {
  await ensureWebBuild(WEB_DIST);
  const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-web-'));
  const dbPath = join(dir, 'synthetic.db');
  const db = openDb(dbPath);
  const sizes = writeSyntheticCountry(db);
  db.$client.close();
  const server = await startAppServer({ databasePath: dbPath, env: { LOAD_DEMO: '0' } });
  const browser = await launchBrowser();
  try {
    await warmedUp(server);
    const idles: number[] = [];
    for (let k = 0; k < 5; k++) idles.push(await firstIdle(browser, server.url));
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await waitIdle(page);
    const steps: number[] = [];
    for (const town of TOWNS) {
      await page.evaluate(() => window.__renkeiMap!.jumpTo({ center: [137.5, 37.5], zoom: 4.5 }));
      await waitIdle(page);
      steps.push(...(await zoomSteps(page, town)));
    }
    return {
      facilities: sizes.facilities,
      institutions: sizes.institutions,
      municipalities: sizes.municipalities,
      idleMs: Math.round(median(idles)),
      idleRunsMs: idles.join(' '),
      zoomIdleP95Ms: Math.round(percentile(steps, 0.95)),
      zoomIdleMaxMs: Math.round(Math.max(...steps)),
      zoomSteps: steps.length,
      zoomStepsMs: steps.map(Math.round).join(' '),
      jsGzipKb: jsGzipKb(),
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = { node: process.version, ...(await benchWeb()) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(16)} ${v}`);
