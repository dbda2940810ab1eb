/**
 * `npm run bench:web [-- --json]`: the app in headless Chromium (software GL) on the synthetic
 * national dataset of the engine benchmark (scripts/bench/synthetic-db.ts), beside the naive map it
 * must beat — ../shared/baselines/map/ (plain MapLibre, one clustered GeoJSON source; BASELINES_DIR to
 * move it), loaded unchanged with the same points and polygons (scripts/bench/baseline-map.ts) — in
 * the same browser, flags, viewport, idle rule and zoom path, alternating the two. One JSON object:
 *   idleMs / baselineIdleMs          navigation to the map's first idle, fresh context each time; median of 5
 *   zoomIdleP95Ms / baselineZoomIdleP95Ms   map idle after each step of a scripted zoom from the whole
 *                 country into three towns (z5…z14), twice; p95 over every step
 *   zoomByLevelMs / baselineZoomByLevelMs   the median step per zoom level, "zoom:ms"
 *   idleRatio, zoomP95Ratio, zoomLevelsSlower   the product against the baseline
 *   jsGzipKb      the app's own JavaScript (every built chunk but MapLibre's), gzipped
 * Targets (issue 22): idle and zoom p95 ≤ 0.8 of the baseline's and no level slower; JS ≤ 90 KB.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { openDb } from '../server/db/client';
import { baselineMissing, pointsGeojson, startBaselineServer, type BaselineServer } from './bench/baseline-map';
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

/** The zoom path from the whole country into each town, every step timed (after one settled overview). */
async function zoomPath(page: Page): Promise<number[][]> {
  const byTown: number[][] = [];
  for (const town of TOWNS) {
    await page.evaluate(() => window.__renkeiMap!.jumpTo({ center: [137.5, 37.5], zoom: 4.5 }));
    await waitIdle(page);
    byTown.push(await zoomSteps(page, town));
  }
  return byTown;
}

/** Median per zoom level over the towns, as "z:ms" pairs. */
const byLevel = (towns: number[][]) => ZOOMS.map((z, k) => `${z}:${Math.round(median(towns.map((t) => t[k]!)))}`).join(' ');
const levelMedians = (towns: number[][]) => ZOOMS.map((_, k) => median(towns.map((t) => t[k]!)));

export async function benchWeb(): Promise<Record<string, number | string>> {
  await ensureWebBuild(WEB_DIST);
  const dir = mkdtempSync(join(tmpdir(), 'renkei-bench-web-'));
  const dbPath = join(dir, 'synthetic.db');
  const db = openDb(dbPath);
  const sizes = writeSyntheticCountry(db);
  const points = pointsGeojson(db);
  db.$client.close();
  const server = await startAppServer({ databasePath: dbPath, env: { LOAD_DEMO: '0' } });
  const browser = await launchBrowser();
  const missing = baselineMissing();
  let baseline: BaselineServer | null = null;
  try {
    await warmedUp(server);
    // The baseline's polygons are the app's own, as its API serves them.
    if (!missing) baseline = await startBaselineServer({ points, areas: await (await fetch(new URL('/api/municipalities', server.url))).text() });
    // Both pages, alternating: five first loads each, then the zoom path, page after page.
    const idles: number[] = [];
    const baseIdles: number[] = [];
    for (let k = 0; k < 5; k++) {
      idles.push(await firstIdle(browser, server.url));
      if (baseline) baseIdles.push(await firstIdle(browser, baseline.url));
    }
    const app = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await app.goto(server.url);
    await waitIdle(app);
    const base = baseline ? await browser.newPage({ viewport: { width: 1366, height: 768 } }) : null;
    if (base && baseline) {
      await base.goto(baseline.url);
      await waitIdle(base);
    }
    const appTowns: number[][] = [];
    const baseTowns: number[][] = [];
    for (let round = 0; round < 2; round++) {
      appTowns.push(...(await zoomPath(app)));
      if (base) baseTowns.push(...(await zoomPath(base)));
    }
    const steps = appTowns.flat();
    const baseSteps = baseTowns.flat();
    const out: Record<string, number | string> = {
      facilities: sizes.facilities,
      institutions: sizes.institutions,
      municipalities: sizes.municipalities,
      idleMs: Math.round(median(idles)),
      idleRunsMs: idles.join(' '),
      zoomIdleP95Ms: Math.round(percentile(steps, 0.95)),
      zoomIdleMaxMs: Math.round(Math.max(...steps)),
      zoomSteps: steps.length,
      zoomByLevelMs: byLevel(appTowns),
      zoomStepsMs: steps.map(Math.round).join(' '),
      jsGzipKb: jsGzipKb(),
    };
    if (!base) return { ...out, baselineSkipped: missing ?? 'no baseline' };
    const mine = levelMedians(appTowns);
    const theirs = levelMedians(baseTowns);
    return {
      ...out,
      baselineIdleMs: Math.round(median(baseIdles)),
      baselineIdleRunsMs: baseIdles.join(' '),
      baselineZoomIdleP95Ms: Math.round(percentile(baseSteps, 0.95)),
      baselineZoomByLevelMs: byLevel(baseTowns),
      idleRatio: Math.round((median(idles) / median(baseIdles)) * 100) / 100,
      zoomP95Ratio: Math.round((percentile(steps, 0.95) / percentile(baseSteps, 0.95)) * 100) / 100,
      zoomLevelsSlower: ZOOMS.filter((_, k) => mine[k]! > theirs[k]!).join(' ') || 'none',
    };
  } finally {
    await browser.close();
    await baseline?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = { node: process.version, ...(await benchWeb()) };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(16)} ${v}`);
