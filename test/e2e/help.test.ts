import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, useDemoApp, type ServerHandle } from './harness';

let server: ServerHandle;
let page: Page;
useDemoApp((app) => {
  server = app.server;
  page = app.page;
});

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('help, glossary and the language', () => {
  it('opens the help page from the header, with every glossary entry', async () => {
    await openApp(page, server.url);
    await page.getByTestId('nav-help').click();
    await page.getByTestId('help-page').waitFor();
    expect(page.url()).toContain('view=help');
    expect(await page.locator('.glossary-entry').count()).toBe(10);
    expect(await page.getByTestId('term-unknown').innerText()).toContain('未把握は「不足」ではありません');
    await saveScreenshot(page, 'help-page');
    await page.getByTestId('help-back').click();
    await expect.poll(() => page.locator('[data-testid=help-page]').count()).toBe(0);
    expect(page.url()).not.toContain('view=help');
  });

  it('opens an entry from the “?” beside ①②③ in the facility panel, scrolled to and highlighted', async () => {
    await openApp(page, `${server.url}/?facility=9978500750-510`);
    await page.getByTestId('panel-title').waitFor();
    await page.getByTestId('help-requirements').click();
    const entry = page.getByTestId('term-requirements');
    await entry.waitFor();
    expect(page.url()).toContain('term=requirements');
    expect(await entry.getAttribute('data-current')).toBe('true');
    expect(await entry.innerText()).toContain('病院だけ');
    await expect.poll(() => entry.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);
    await saveScreenshot(page, 'help-entry-requirements');
    // Back returns to the facility it was opened from.
    await page.getByTestId('help-back').click();
    await page.getByTestId('panel-title').waitFor();
    expect(page.url()).toContain('facility=9978500750-510');
  });

  it('in English the help page and the badges are English, and the choice is remembered over a reload', async () => {
    await page.locator('.lang-toggle').click();
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe('en');
    // The facility panel's badges: type, level, status.
    await expect.poll(() => page.locator('.eyebrow').first().innerText()).toContain('Special nursing home');
    expect(await page.locator('.level-badge').first().innerText()).toBe('Mandatory');
    expect(JAPANESE.test(await page.locator('.status-badge').first().innerText())).toBe(false);
    expect(await page.getByTestId('nav-help').innerText()).toBe('Help');
    await page.getByTestId('help-duty').click();
    await page.getByTestId('term-duty').waitFor();
    const text = await page.getByTestId('help-page').innerText();
    expect(text).toContain('Help and glossary');
    expect(await page.getByTestId('term-duty').innerText()).toContain('binding from 2027-04-01');
    expect(await page.getByTestId('term-unknown').innerText()).toContain('Unknown is not lacking');
    await saveScreenshot(page, 'help-english');

    // Reload without ?lang: the language comes back from localStorage.
    await page.goto(`${server.url}/?view=help&term=a253`);
    await page.getByTestId('term-a253').waitFor();
    expect(await page.evaluate('localStorage.getItem("renkei-map.lang")')).toBe('en');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.getByTestId('help-page').innerText()).toContain('Help and glossary');
    expect(await page.getByTestId('term-a253').getAttribute('data-current')).toBe('true');

    // ?lang=ja in the URL wins, and is remembered in turn.
    await page.goto(`${server.url}/?view=help&lang=ja`);
    await page.getByTestId('help-page').waitFor();
    expect(await page.getByTestId('help-page').innerText()).toContain('用語集');
    expect(await page.evaluate('localStorage.getItem("renkei-map.lang")')).toBe('ja');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
  });

  it('shows a server error code in the language of the UI, with its detail', async () => {
    // A malformed facility id in a link: the API answers 400 invalid_parameter, naming what it expected.
    await page.goto(`${server.url}/?facility=31B01`);
    const error = page.getByTestId('load-error');
    await error.waitFor();
    const ja = await error.innerText();
    expect(ja).toContain('入力の形式が正しくありません');
    expect(ja).toContain('Expected a facility id');
    await page.locator('.lang-toggle').click();
    await expect.poll(() => error.innerText()).toContain('The input is not in the expected form');
    expect(JAPANESE.test((await error.innerText()).replace(/事業所番号/g, ''))).toBe(false);
    await saveScreenshot(page, 'help-error-english');
  });
});
