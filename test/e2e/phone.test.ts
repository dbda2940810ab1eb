import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import { SEARCH_QUERY_MAX } from '../../server/contracts/limits';
import { openApp, overlayFeatures, saveScreenshot, signIn, signOut, type ServerHandle, useDemoApp, waitForMapIdle } from './harness';

/**
 * The app on a phone (390 × 844, the width a new user reported from): sign-in, each role's landing
 * page, the panels, the legend folded until asked for, a long search and full-width codes — all on
 * screen, none breaking the page (the harness fails the file on any page error).
 */
let server: ServerHandle;
let page: Page;
let openPage: () => Promise<Page>;
useDemoApp((app) => ({ server, openPage } = app));

const W = 390;
const H = 844;
const AJISAI = `${DEMO_ACCOUNTS.facility.scope[0]}-510`;

/** Within the screen's width: starts at 0 or after, ends at 390 or before (and has a size). */
async function expectOnScreen(el: Locator, name: string): Promise<void> {
  await el.waitFor();
  const box = await el.boundingBox();
  expect(box, `${name} has no box`).not.toBeNull();
  expect(box!.width, `${name} has no width`).toBeGreaterThan(0);
  expect(box!.x, `${name} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} ends right of the screen`).toBeLessThanOrEqual(W + 0.5);
}
/** Nothing sticks out sideways: the page does not scroll horizontally. */
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

async function signInTo(role: keyof typeof DEMO_ACCOUNTS, desk: string) {
  await page.getByTestId('sign-in').click();
  await expectOnScreen(page.getByTestId('sign-in-form'), 'the sign-in form');
  await expectOnScreen(page.getByTestId('sign-in-login'), 'the login field');
  await expectOnScreen(page.getByTestId('sign-in-submit'), 'the sign-in button');
  await saveScreenshot(page, 'phone-03-sign-in-form');
  await page.getByTestId('sign-in').click(); // closes it again; signIn opens it
  await signIn(page, role);
  await page.getByTestId(desk).waitFor();
}

describe('on a phone (390 × 844)', () => {
  it('opens with the map, the legend folded, the header and the panel on screen', async () => {
    page = await openPage();
    await page.setViewportSize({ width: W, height: H });
    await openApp(page, `${server.url}/`);
    await expectOnScreen(page.getByTestId('sign-in'), 'the sign-in button');
    await expectOnScreen(page.getByTestId('tab-facility'), 'the facility tab');
    await expectOnScreen(page.getByTestId('map'), 'the map');
    await expectOnScreen(page.locator('.panel'), 'the panel');
    expect(await page.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('legend-body').count()).toBe(0);
    expect(await pageWidth()).toBeLessThanOrEqual(W);
    await saveScreenshot(page, 'phone-01-opening');
    // In English too: the longer labels wrap, none leaves the screen.
    await page.locator('.lang-toggle').click();
    await expect.poll(() => page.getByTestId('sign-in').innerText()).not.toBe('ログイン');
    for (const id of ['sign-in', 'tab-area', 'tab-facility', 'tab-institution', 'legend-toggle']) await expectOnScreen(page.getByTestId(id), id);
    await expectOnScreen(page.locator('.lang-toggle'), 'the language toggle');
    expect(await pageWidth()).toBeLessThanOrEqual(W);
    await saveScreenshot(page, 'phone-01b-opening-english');
    await page.locator('.lang-toggle').click();
    await expect.poll(() => page.getByTestId('sign-in').innerText()).toBe('ログイン');
  });

  it('unfolds the legend on a tap: every symbol, the blue institution clusters among them; it stays as left for the session', async () => {
    await page.getByTestId('legend-toggle').click();
    const legend = page.getByTestId('legend-body');
    await expectOnScreen(legend, 'the legend');
    for (const id of ['legend-status-covered', 'legend-status-partial', 'legend-status-none', 'legend-status-unknown', 'legend-facility-cluster', 'legend-institution-cluster', 'legend-mostly-unknown', 'share-ramp']) {
      expect(await legend.getByTestId(id).count(), id).toBe(1);
    }
    expect(await legend.innerText()).toContain('未把握');
    expect(await legend.innerText()).toContain('医療機関のまとまり');
    await saveScreenshot(page, 'phone-02-legend-open');
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('legend-toggle').click();
    expect(await page.getByTestId('legend-body').count()).toBe(0);
  });

  it('signs in from the header: the form fits the screen; each role lands on its page, readable at this width', async () => {
    const desks = [
      ['facility', 'facility-desk'],
      ['institution', 'institution-desk'],
      ['municipality', 'officer-desk'],
      ['admin', 'officer-desk'],
    ] as const;
    for (const [role, desk] of desks) {
      await signInTo(role, desk);
      await expectOnScreen(page.getByTestId(desk), `the ${role} landing page`);
      await expectOnScreen(page.getByTestId('sign-out'), 'the sign-out button');
      for (const heading of await page.getByTestId(desk).locator('h2, h3').all()) {
        if (await heading.isVisible()) await expectOnScreen(heading, `a heading of the ${role} page`);
      }
      expect(await pageWidth(), `the ${role} page scrolls sideways`).toBeLessThanOrEqual(W);
      await saveScreenshot(page, `phone-03-desk-${role}`);
      await signOut(page);
    }
  });

  it('shows the facility panel with its card and candidates, and fits the chosen travel ring in the map', async () => {
    await openApp(page, `${server.url}/?view=facility&facility=${AJISAI}`);
    await page.getByTestId('facility-panel').waitFor();
    await expectOnScreen(page.getByTestId('panel-title'), 'the facility name');
    await expectOnScreen(page.getByTestId('max-minutes'), 'the travel limit');
    await expectOnScreen(page.getByTestId('ring-60'), 'the 60-minute ring chip');
    await page.getByTestId('candidate').first().waitFor();
    await expectOnScreen(page.getByTestId('candidate').first(), 'the first candidate');
    expect(await pageWidth()).toBeLessThanOrEqual(W);
    await saveScreenshot(page, 'phone-04-facility-panel');
    // Choose the 60-minute ring: it is drawn and the map shows all of it, clear of the map's edges.
    await page.getByTestId('ring-60').click();
    await expect.poll(async () => (await overlayFeatures(page, 'overlay-rings')).length).toBe(2);
    await waitForMapIdle(page);
    const fits = await page.evaluate(async () => {
      const map = window.__renkeiMap!;
      await new Promise((r) => setTimeout(r, 0));
      const src = map.getSource('overlay-rings') as unknown as { getData(): Promise<GeoJSON.FeatureCollection<GeoJSON.Polygon>> };
      const rings = (await src.getData()).features;
      const points = rings.flatMap((f) => f.geometry.coordinates[0]!);
      const canvas = map.getCanvas().getBoundingClientRect();
      const xy = points.map((p) => map.project(p as [number, number]));
      return { minX: Math.min(...xy.map((p) => p.x)), maxX: Math.max(...xy.map((p) => p.x)), minY: Math.min(...xy.map((p) => p.y)), maxY: Math.max(...xy.map((p) => p.y)), width: canvas.width, height: canvas.height };
    });
    expect(fits.minX).toBeGreaterThanOrEqual(0);
    expect(fits.minY).toBeGreaterThanOrEqual(0);
    expect(fits.maxX).toBeLessThanOrEqual(fits.width);
    expect(fits.maxY).toBeLessThanOrEqual(fits.height);
    // It fills the map, not a speck in it.
    expect(fits.maxX - fits.minX).toBeGreaterThan(fits.width * 0.5);
    await saveScreenshot(page, 'phone-05-travel-ring');
    // The legend names what is drawn over the map now: the selection, the rings, the combination's lines.
    await page.getByTestId('legend-toggle').click();
    const overlays = page.getByTestId('legend-overlays');
    await expectOnScreen(overlays, 'the legend\'s overlays');
    for (const id of ['legend-rings', 'legend-line-combination']) expect(await overlays.getByTestId(id).count(), id).toBe(1);
    expect(await overlays.innerText()).toContain('選択中の施設・医療機関');
    await saveScreenshot(page, 'phone-05b-legend-overlays');
    await page.getByTestId('legend-toggle').click();
  });

  it(`stops a long search at ${SEARCH_QUERY_MAX} characters and says why; the next search still works`, async () => {
    await openApp(page, `${server.url}/?view=facility`);
    const box = page.getByTestId('search-facility').locator('input');
    await expectOnScreen(box, 'the search box');
    await box.fill('あ'.repeat(150));
    expect((await box.inputValue()).length).toBe(SEARCH_QUERY_MAX);
    await expect.poll(() => page.getByTestId('search-limit').innerText().catch(() => '')).toContain(`${SEARCH_QUERY_MAX} 文字まで`);
    await expectOnScreen(page.getByTestId('search-limit'), 'the limit message');
    await page.getByText('該当なし').waitFor();
    expect(await page.getByTestId('search-error').count()).toBe(0);
    await saveScreenshot(page, 'phone-06-long-search');
    // Pasted text past the limit is cut too (a script sets the value and fires input).
    await box.evaluate((el: HTMLInputElement, n) => {
      el.value = 'い'.repeat(n);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, 150);
    expect((await box.inputValue()).length).toBe(SEARCH_QUERY_MAX);
    await box.fill('あじさい');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByTestId('search-limit').count()).toBe(0);
    expect(await page.getByRole('option').first().innerText()).toContain('あじさい荘');
    await saveScreenshot(page, 'phone-07-search-after');
  });

  it('says why when the server refuses a search, and searches again on the next keystroke', async () => {
    // The server's 400 (as it answered a 150-character search before the box stopped at the
    // limit), forced once: the resource must not stay broken after it.
    let refused = 0;
    await page.route('**/api/search?*', async (route) => {
      if (refused++ > 0) return route.continue();
      await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'bad_request', message: 'q: expected at most 100 characters', issues: [{ path: 'q', message: 'q: expected at most 100 characters' }] } }) });
    });
    const box = page.getByTestId('search-facility').locator('input');
    await box.fill('しおさい');
    await expect.poll(() => page.getByTestId('search-error').innerText().catch(() => '')).toContain('q: expected at most 100 characters');
    await saveScreenshot(page, 'phone-07b-search-refused');
    await box.fill('しおさいほーむ');
    await expect.poll(() => page.getByRole('option').first().innerText().catch(() => '')).toContain('しおさいホーム');
    expect(await page.getByTestId('search-error').count()).toBe(0);
    await page.unroute('**/api/search?*');
  });

  it('takes a full-width 事業所番号 with a long-mark dash in the search', async () => {
    const box = page.getByTestId('search-facility').locator('input');
    await box.fill('');
    await box.fill('９９７１ー６００８６２');
    // The code itself ranks first: the list has been answered for it (not the earlier search's).
    await expect.poll(() => page.getByRole('option').first().innerText().catch(() => '')).toContain('9971600862');
    expect(await page.getByRole('option').first().innerText()).toContain('特別養護老人ホームあじさい荘');
    await saveScreenshot(page, 'phone-08-full-width-code');
    await box.press('Enter');
    await page.getByTestId('facility-panel').waitFor();
    expect(page.url()).toContain(`facility=${AJISAI}`);
  });

  it('takes full-width digits for the maximum number of partners on the hospital\'s declaration', async () => {
    await openApp(page, `${server.url}/`);
    await signInTo('institution', 'institution-desk');
    const max = page.getByTestId('max-partners');
    await max.scrollIntoViewIfNeeded();
    await expectOnScreen(max, 'the maximum partners field');
    await max.fill('１２');
    await page.getByTestId('declaration-form').locator('button[type=submit]').click();
    await expect.poll(async () => (await (await fetch(`${server.url}/api/institutions/${DEMO_ACCOUNTS.institution.scope[0]}`)).json() as { maxPartners: number | null }).maxPartners).toBe(12);
    expect(await page.getByTestId('declaration-form').locator('.error').count()).toBe(0);
    await saveScreenshot(page, 'phone-09-full-width-number');
  });

  it('shows the area and institution panels on screen', async () => {
    await openApp(page, `${server.url}/?view=area`);
    await expectOnScreen(page.getByTestId('minutes-select'), 'the area view\'s travel time');
    await saveScreenshot(page, 'phone-10-area');
    await openApp(page, `${server.url}/?view=institution&institution=${DEMO_ACCOUNTS.institution.scope[0]}`);
    await expectOnScreen(page.getByTestId('panel-title'), 'the institution name');
    expect(await pageWidth()).toBeLessThanOrEqual(W);
    await saveScreenshot(page, 'phone-11-institution');
  });
});
