import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, startAppServer, type ServerHandle } from '../../scripts/lib/app-process';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import type { Role } from '../../server/auth/principal';
export { CHROMIUM, CHROMIUM_ARGS, launchBrowser, startAppServer, type ServerHandle } from '../../scripts/lib/app-process';

/**
 * Browser-test harness: the real server on a free port with a fresh database and Debian's Chromium
 * (scripts/lib/app-process.ts), and helpers to look at the map.
 */
export const RESULTS_DIR = 'test-results';

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export function newPage(browser: Browser, errors: string[]): Promise<Page> {
  return browser.newPage({ viewport: { width: 1366, height: 768 } }).then((page) => {
    page.on('pageerror', (e) => errors.push(e.message));
    return page;
  });
}

/**
 * One test file's app: the server on a fresh demo database, Chromium and a 1366×768 page (and a way
 * to open more, watched the same way), handed to `use` once started; stopped after the file, when any uncaught error in the page fails it.
 */
export function useDemoApp(use: (app: { server: ServerHandle; page: Page; openPage: () => Promise<Page> }) => void): void {
  const errors: string[] = [];
  let server: ServerHandle | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    const b = browser;
    use({ server, page: await newPage(b, errors), openPage: () => newPage(b, errors) });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(errors, errors.join('\n')).toEqual([]);
  });
}

export const waitForMapIdle = (page: Page) => page.waitForFunction(() => document.body.dataset.mapIdle === 'true', null, { timeout: 30_000 });

/**
 * Counts, in a screenshot of `selector`, the pixels close to each of `colors` (hex), by decoding the
 * PNG in the page. A blank or grey canvas has none of the data colours.
 */
export async function countColors(page: Page, selector: string, colors: Record<string, string>, tolerance = 40): Promise<Record<string, number>> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(
    async ([b64, colors, tol]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const targets = Object.entries(colors).map(([k, hex]) => [k, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
      const counts: Record<string, number> = Object.fromEntries(targets.map(([k]) => [k, 0]));
      for (let i = 0; i < data.length; i += 4) {
        for (const [k, r, g, b] of targets) {
          if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) <= tol) counts[k]!++;
        }
      }
      return counts;
    },
    [png.toString('base64'), colors, tolerance] as const,
  );
}

/**
 * True when Japanese text renders as real glyphs: 「連」 drawn in the page's font must differ from
 * the box drawn for a code point no font has (tofu).
 */
export function japaneseRendersWithoutTofu(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const draw = (text: string) => {
      const c = document.createElement('canvas');
      c.width = c.height = 48;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(text, 4, 38);
      return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
    };
    const tofu = draw('\u{F0000}');
    return ['連', '携', '施'].every((ch) => draw(ch) !== tofu) && draw('連') !== draw('携');
  });
}

/** Screen position of a [lng, lat] on the map canvas. */
export async function screenPoint(p: Page, lngLat: [number, number]): Promise<[number, number]> {
  return p.evaluate((ll) => {
    const map = window.__renkeiMap!;
    const pt = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return [r.left + pt.x, r.top + pt.y] as [number, number];
  }, lngLat);
}

/** Opens a URL of the app and waits until the map has drawn everything it loaded. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__renkeiMap?.loaded() && document.body.dataset.mapIdle === 'true', null, { timeout: 30_000 });
}

/** Features of an overlay or tile layer currently in the map's sources. */
export function sourceFeatures(page: Page, source: string, sourceLayer?: string): Promise<{ properties: Record<string, unknown>; geometry: GeoJSON.Geometry }[]> {
  return page.evaluate(
    ([s, l]) => window.__renkeiMap!.querySourceFeatures(s, l ? { sourceLayer: l } : undefined).map((f) => ({ properties: f.properties, geometry: f.geometry })),
    [source, sourceLayer] as const,
  );
}

/** Clicks a button that saves a file, and returns the file's text. */
export async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  const bytes = (await import('node:fs')).readFileSync(path);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** The features an overlay source (GeoJSON) was last given, whole (not cut into tiles). */
export function overlayFeatures(page: Page, source: string): Promise<GeoJSON.Feature[]> {
  return page.evaluate(async (s) => {
    const src = window.__renkeiMap!.getSource(s) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
    return (await src.getData()).features;
  }, source);
}

/**
 * Signs in through the header's form (as a user does: the button, the two fields, Enter) with the
 * demo region's account of a role (server/auth/demo-accounts.ts), and waits until the header says so.
 * The session is the page's browser context's: it lasts across `openApp` and reloads of that page.
 */
export async function signIn(page: Page, role: Role): Promise<void> {
  const { login, password } = DEMO_ACCOUNTS[role];
  await page.getByTestId('sign-in').click();
  const form = page.getByTestId('sign-in-form');
  await form.getByTestId('sign-in-login').fill(login);
  await form.getByTestId('sign-in-password').fill(password);
  await form.getByTestId('sign-in-password').press('Enter');
  await expect.poll(() => page.getByTestId('signed-in-as').innerText().catch(() => '')).toContain(login);
}

/** Signs out with the header's button, and waits until the sign-in button is back. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in').waitFor();
}

/**
 * Calls the API from inside the page, as its signed-in user (the session cookie rides along; an
 * unsafe method gets the session's CSRF token, from GET /api/auth/me). JSON in, status and JSON out.
 */
export function pageApi<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken?: string };
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}) };
      const res = await fetch(p, { method: m, headers, ...(b === undefined ? {} : { body: JSON.stringify(b) }) });
      return { status: res.status, body: (await res.json()) as never };
    },
    [method, path, body] as const,
  );
}
