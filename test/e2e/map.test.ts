import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_COLOR, SHARE_RAMP, STATUS_COLORS } from '../../web/src/map/palette';
import { countColors, japaneseRendersWithoutTofu, launchBrowser, saveScreenshot, overlayFeatures, screenPoint, sourceFeatures, startAppServer, waitForMapIdle, type ServerHandle } from './harness';

let server: ServerHandle;
let browser: Browser;
let page: Page;
/** Uncaught errors in the page fail the run (checked after all tests). */
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  expect(pageErrors, pageErrors.join('\n')).toEqual([]);
});

describe('the map of the demo region', () => {
  it('loads the demo region into the empty database through the import path', () => {
    expect(server.output()).toMatch(/Loaded the demo region \(デモ県, 架空\)/);
  });

  it('answers a missing built file with 404, never the app page cached for a year', async () => {
    const res = await fetch(`${server.url}/assets/no-such-file-1234.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
    expect((await fetch(`${server.url}/some/app/route`)).status).toBe(200);
  });

  it('renders the areas as a choropleth and facilities coloured by status with real WebGL, Japanese not tofu', async () => {
    await page.goto(server.url);
    await waitForMapIdle(page);
    await expect.poll(async () => (await sourceFeatures(page, 'points', 'facilities')).length).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await saveScreenshot(page, 'map-overview');

    const ramp = Object.fromEntries(SHARE_RAMP.map(([v, c]) => [`share${v}`, c]));
    const counts = await countColors(page, '[data-testid=map]', { ...ramp, covered: STATUS_COLORS.covered, partial: STATUS_COLORS.partial, none: STATUS_COLORS.none }, 30);
    const shaded = Object.keys(ramp).reduce((n, k) => n + counts[k]!, 0);
    expect(shaded, 'areas shaded by the share covered').toBeGreaterThan(20_000);
    expect(counts.covered, '充足 points drawn').toBeGreaterThan(100);
    expect(counts.partial, '一部 points drawn').toBeGreaterThan(50);
    expect(counts.none, '未 points drawn').toBeGreaterThan(20);

    expect(await japaneseRendersWithoutTofu(page)).toBe(true);
    await expect.poll(() => page.locator('.legend').innerText()).toContain('未把握');
    expect(await page.getByTestId('fictional-badge').innerText()).toContain('架空');
    const labels = await page.evaluate(() => window.__renkeiMap!.queryRenderedFeatures({ layers: ['area-label'] }).map((f) => f.properties.name as string));
    expect(labels.length).toBeGreaterThan(3);
  });

  it('opens a facility by clicking it, ranks candidates and draws a line to the hovered one', async () => {
    const list = await page.evaluate(async () => (await (await fetch('/api/facilities?serviceCode=510,520&status=unknown')).json()) as GeoJSON.FeatureCollection<GeoJSON.Point | null>);
    const target = list.features.find((f) => f.geometry !== null)!;
    const lngLat = target.geometry!.coordinates as [number, number];
    await page.evaluate((ll) => window.__renkeiMap!.jumpTo({ center: ll, zoom: 13 }), lngLat);
    await waitForMapIdle(page);
    const [x, y] = await screenPoint(page, lngLat);
    await page.mouse.click(x, y);
    // Where several points share the spot (a 特養 and its ユニット型 wing), a chooser lists them.
    await page.waitForSelector('[data-testid=facility-panel], [data-testid=chooser]');
    const chooser = page.getByTestId('chooser');
    if (await chooser.isVisible()) {
      await saveScreenshot(page, 'chooser');
      await chooser.getByRole('button', { name: `${target.properties!.name}（${target.properties!.typeJa}）`, exact: true }).click();
    }

    const panel = page.getByTestId('facility-panel');
    await panel.waitFor();
    expect(await page.getByTestId('panel-title').innerText()).toBe(target.properties!.name);
    expect(await panel.innerText()).toContain('義務');
    expect(await page.getByTestId('deadline').innerText()).toContain('2027-04-01');
    expect(await page.getByTestId('coverage').innerText()).toContain('未把握');
    expect(await panel.innerText()).toMatch(/届出先（指定権者）\s*\??\s*デモ県/);

    const items = page.getByTestId('candidate');
    await items.first().waitFor();
    const n = await items.count();
    expect(n).toBeGreaterThan(1);
    const scores = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.score)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (let i = 0; i < n; i++) {
      const text = await items.nth(i).innerText();
      expect(text).toMatch(/\d+\.\d km/);
      expect(text).toMatch(/約 \d+\.\d 分/);
      expect(text).toMatch(/スコア -?\d+\.\d\d ＝ 要件 [+−±]\d\.\d\d · 移動 [+−±]\d\.\d\d/);
    }
    expect(scores.every((s) => Number.isFinite(s))).toBe(true);

    const first = items.first();
    const code = await first.getAttribute('data-code');
    await first.hover();
    await expect
      .poll(async () => (await overlayFeatures(page, 'overlay-lines')).filter((f) => f.properties!.kind === 'candidate').map((f) => (f.geometry as GeoJSON.LineString).coordinates))
      .toEqual([[lngLat, expect.any(Array)]]);
    const inst = await page.evaluate(async (c) => (await (await fetch(`/api/institutions/${c}`)).json()) as { lng: number; lat: number }, code);
    await page.evaluate(([a, b]) => window.__renkeiMap!.fitBounds([a, b], { padding: 120, duration: 0 }), [lngLat, [inst.lng, inst.lat]] as [[number, number], [number, number]]);
    await waitForMapIdle(page);
    const line = await countColors(page, '[data-testid=map]', { line: LINE_COLOR }, 30);
    expect(line.line, 'candidate line drawn').toBeGreaterThan(80);
    await saveScreenshot(page, 'facility-candidates');

    await first.click();
    await page.getByTestId('institution-panel').waitFor();
    expect(await page.getByTestId('institution-panel').innerText()).toContain(code!);
    await saveScreenshot(page, 'institution-panel');
  });

  it('switches the labels to English and back, keeping the selection in the URL', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.legend').innerText()).toContain('Covered');
    expect(await page.getByTestId('institution-panel').innerText()).toContain('Offers');
    expect(await page.getByTestId('tab-area').innerText()).toBe('Municipality');
    expect(page.url()).toMatch(/[?&]institution=\d{10}/);
    expect(page.url()).toContain('lang=en');
    await saveScreenshot(page, 'english');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.locator('.legend').innerText()).toContain('充足');
  });

  it('names what is under the pointer in a tooltip', async () => {
    await page.goto(server.url);
    await waitForMapIdle(page);
    const f = (await page.evaluate(async () => (await (await fetch('/api/facilities?municipality=993611')).json()).features[0])) as GeoJSON.Feature<GeoJSON.Point, { name: string }>;
    await page.evaluate((ll) => window.__renkeiMap!.jumpTo({ center: ll, zoom: 13 }), f.geometry.coordinates as [number, number]);
    await waitForMapIdle(page);
    const [x, y] = await screenPoint(page, f.geometry.coordinates as [number, number]);
    await page.mouse.move(x, y);
    await expect.poll(() => page.locator('.map-tooltip').innerText().catch(() => '')).toContain(f.properties.name);
  });

  it('stays usable on a tablet: the panel below the map, nothing wider than the screen', async () => {
    const tablet = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    tablet.on('pageerror', (e) => pageErrors.push(e.message));
    await tablet.goto(`${server.url}/?view=facility&facility=9978500750-510`);
    await tablet.getByTestId('facility-panel').waitFor();
    await tablet.waitForFunction(() => document.body.dataset.mapIdle === 'true');
    const layout = await tablet.evaluate(() => {
      const map = document.querySelector('[data-testid=map]')!.getBoundingClientRect();
      const panel = document.querySelector('aside.panel')!.getBoundingClientRect();
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, mapHeight: map.height, panelTop: panel.top, mapBottom: map.bottom, panelWidth: panel.width };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.mapHeight).toBeGreaterThan(300);
    expect(layout.panelTop).toBeGreaterThanOrEqual(layout.mapBottom - 1);
    expect(layout.panelWidth).toBeGreaterThan(700);
    await saveScreenshot(tablet, 'tablet-facility');
    await tablet.close();
  });

  it('says so when a link names a facility that does not exist, instead of loading forever', async () => {
    await page.goto(`${server.url}/?facility=9999999999-510`);
    await expect.poll(() => page.getByTestId('load-error').isVisible().catch(() => false)).toBe(true);
    expect(await page.getByTestId('load-error').innerText()).toContain('見つかりません');
  });
});

describe('the optional online basemap', () => {
  let online: ServerHandle;
  afterAll(async () => online?.stop());

  it('is offered when the server is set up for it, off until turned on, and the choice is kept in the URL', async () => {
    online = await startAppServer({ env: { BASEMAP: 'gsi-pale' } });
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    p.on('pageerror', (e) => pageErrors.push(e.message));
    // No internet here: the GSI tiles are answered locally with nothing, as a blocked network would.
    await p.route('https://cyberjapandata.gsi.go.jp/**', (route) => route.fulfill({ status: 404, body: '' }));
    await p.goto(online.url);
    await p.waitForFunction(() => window.__renkeiMap?.loaded());
    expect(await p.evaluate(() => window.__renkeiMap!.getLayoutProperty('basemap', 'visibility'))).toBe('none');
    await p.getByTestId('basemap-toggle').check();
    await expect.poll(() => p.evaluate(() => window.__renkeiMap!.getLayoutProperty('basemap', 'visibility'))).toBe('visible');
    expect(p.url()).toContain('basemap=1');
    expect(await p.evaluate(() => window.__renkeiMap!.getStyle().sources.basemap)).toMatchObject({ type: 'raster' });
    await p.close();
  });

  it('is not offered by default: the map needs no internet', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__renkeiMap?.loaded());
    expect(await page.getByTestId('basemap-toggle').count()).toBe(0);
    expect(await page.evaluate(() => Object.values(window.__renkeiMap!.getStyle().sources).flatMap((s) => ('tiles' in s ? s.tiles ?? [] : [])))).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/tiles\/areas\//), expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/tiles\/points\//)]);
  });
});
