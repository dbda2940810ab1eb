import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client';
import { importPaths } from '../../server/import/run-import';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';
import { MOSTLY_UNKNOWN_COLOR, SHARE_RAMP, STATUS_COLORS } from '../../web/src/map/palette';
import { countColors, launchBrowser, newPage, saveScreenshot, sourceFeatures, startAppServer, waitForMapIdle, type ServerHandle } from './harness';

/** The app on a database imported from the real Tottori files (`npm run import` then `npm start`). */
describe.skipIf(!hasRealData)(`the app on imported Tottori data${hasRealData ? '' : ` — skipped: ${realDataSkipReason}`}`, () => {
  let server: ServerHandle;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'renkei-tottori-')), 'tottori.db');
    const db = openDb(dbPath);
    await importPaths(db, [realPath('tottori')], { now: new Date() });
    db.$client.close();
    server = await startAppServer({ databasePath: dbPath });
    browser = await launchBrowser();
    page = await newPage(browser, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(errors).toEqual([]);
  });

  it('serves Tottori, not the demo: 19 municipalities, 144 facilities, real sources credited', async () => {
    expect(server.output()).not.toMatch(/Loaded the demo region/);
    await page.goto(server.url);
    await waitForMapIdle(page);
    await expect.poll(async () => (await sourceFeatures(page, 'points', 'facilities')).length).toBeGreaterThan(0);
    await waitForMapIdle(page);
    expect(await page.getByTestId('fictional-badge').count()).toBe(0);
    const counts = await page.evaluate(async () => {
      const m = (await (await fetch('/api/municipalities')).json()) as { features: unknown[] };
      const f = (await (await fetch('/api/facilities')).json()) as { features: { properties: { status: string } }[] };
      return { municipalities: m.features.length, facilities: f.features.length, unknown: f.features.filter((x) => x.properties.status === 'unknown').length };
    });
    // Open data says nothing about partners: every facility is 未把握 until filings are imported.
    expect(counts).toEqual({ municipalities: 19, facilities: 144, unknown: 144 });
    const center = await page.evaluate(() => window.__renkeiMap!.getCenter().toArray());
    expect(center[0]).toBeGreaterThan(133.1);
    expect(center[0]).toBeLessThan(134.5);
    expect(center[1]).toBeGreaterThan(35.0);
    expect(center[1]).toBeLessThan(35.7);
    const grey = await countColors(page, '[data-testid=map]', { unknown: STATUS_COLORS.unknown }, 30);
    expect(grey.unknown).toBeGreaterThan(100);
    expect(await page.getByTestId('sources').innerText()).toContain('地方厚生局 届出受理医療機関名簿');
    await saveScreenshot(page, 'tottori-overview');
  });

  it('says only what is known: unknown areas greyed and explained, 未把握 counted apart, no unknown listed as lacking', async () => {
    await page.goto(server.url);
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('status-counts').innerText()).toMatch(/未把握\s*144/);
    await expect.poll(() => page.getByTestId('lacking-count').innerText()).toBe('0 施設');
    await expect.poll(() => page.getByTestId('unknown-count').innerText()).toBe('144 施設');
    expect(await page.getByTestId('lacking-list').locator('li').count()).toBe(0);
    expect(await page.getByTestId('unknown-invite').innerText()).toContain('不足とは数えません');
    expect(await page.getByTestId('legend-mostly-unknown').innerText()).toContain('過半が未把握');
    // Every municipality is mostly unknown: drawn grey, never in the ramp's "0 % covered" purple.
    const px = await countColors(page, '[data-testid=map]', { grey: MOSTLY_UNKNOWN_COLOR, noneCovered: SHARE_RAMP[0]![1] }, 6);
    expect(px.grey).toBeGreaterThan(20_000);
    expect(px.noneCovered).toBeLessThan(50);
    await saveScreenshot(page, 'tottori-unknown-share');
  });

  it('ranks candidates for a 特養 in 鳥取市, with hospitals for ③', async () => {
    const id = await page.evaluate(async () => {
      const f = (await (await fetch('/api/facilities?municipality=312011&serviceCode=510')).json()) as { features: { properties: { id: string } }[] };
      return f.features[0]!.properties.id;
    });
    await page.goto(`${server.url}/?facility=${id}`);
    await page.getByTestId('candidate').first().waitFor();
    const text = await page.getByTestId('candidates').innerText();
    expect(text).toContain('病院');
    expect(await page.getByTestId('facility-panel').innerText()).toMatch(/届出先（指定権者）\s*\??\s*鳥取市/); // 鳥取市 is a 中核市
    // Opened from a link: the map shows the region with the facility in view.
    await waitForMapIdle(page);
    const [inView, land] = await page.evaluate(async (fid) => {
      const map = window.__renkeiMap!;
      const f = (await (await fetch(`/api/facilities/${fid}`)).json()) as { lng: number; lat: number };
      return [map.getBounds().contains([f.lng, f.lat]), map.queryRenderedFeatures({ layers: ['area-fill'] }).length];
    }, id);
    expect(inView).toBe(true);
    expect(land).toBeGreaterThan(0);
    await saveScreenshot(page, 'tottori-facility');
  });
});
