import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, overlayFeatures, pageApi, saveScreenshot, signIn, sourceFeatures, waitForMapIdle, type ServerHandle, useDemoApp } from './harness';

/** The 医療機関 view on the demo region: search by code, nearby facilities seeking partners, the declaration form. */
let server: ServerHandle;
let page: Page;
useDemoApp((app) => ({ server, page } = app));

const api = <T>(path: string, init?: RequestInit) => page.evaluate(async ([p, i]) => (await fetch(p, i)).json(), [path, init] as const) as Promise<T>;

describe('the 医療機関 view', () => {
  let code: string;

  it('finds a hospital by its 医療機関コード typed with separators', async () => {
    await openApp(page, `${server.url}/?view=institution`);
    code = (await api<any>(`/api/search?kind=institution&q=${encodeURIComponent('宮前記念')}`)).hits[0].id;
    const box = page.getByTestId('search-institution').locator('input');
    await box.fill(`${code.slice(0, 2)}-${code.slice(2, 6)}-${code.slice(6)}`);
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    await page.getByTestId('institution-panel').waitFor();
    expect(await page.getByTestId('panel-title').innerText()).toBe('医療法人社団村上会 宮前記念病院');
    expect(await page.getByTestId('phone').innerText()).toMatch(/\d{3}-\d{3}-\d{4}/);
    expect(await page.getByTestId('load').innerText()).toMatch(/協力先の数: 2/);
  });

  it('lists facilities nearby that lack what it could give, A253-relevant first, ringed on the map', async () => {
    const rows = page.getByTestId('nearby-facility');
    await rows.first().waitFor();
    const a253 = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.a253 === 'true'));
    expect(a253[0]).toBe(true);
    expect(a253).toEqual([...a253].sort((a, b) => Number(b) - Number(a)));
    expect(await rows.first().innerText()).toMatch(/不足.*補える要件/s);
    const rings = await overlayFeatures(page, 'overlay-highlights');
    expect(rings.length).toBeGreaterThan(0);
    expect(rings.some((r) => r.properties!.kind === 'seeking-a253')).toBe(true);
    await waitForMapIdle(page);
    await saveScreenshot(page, 'institution-nearby');
  });

  it('saves its declaration — offers, willingness, maximum — and keeps it after a reload', async () => {
    // The form is the institution's own (or an administrator's): not shown to a visitor.
    expect(await page.getByTestId('declaration-form').count()).toBe(0);
    await signIn(page, 'admin');
    await page.getByTestId('declare-offers').check();
    await page.getByTestId('offer-admit').uncheck();
    await page.getByTestId('willingness').selectOption('accepting');
    await page.getByTestId('max-partners').fill('abc');
    await page.getByTestId('save-declaration').click();
    expect(await page.getByTestId('form-error').innerText()).toContain('整数');
    await page.getByTestId('max-partners').fill('3');
    await page.getByTestId('save-declaration').click();
    await page.getByTestId('saved').waitFor();
    expect(await page.getByTestId('offers').innerText()).toContain('医療機関の申告');
    expect(await page.getByTestId('load').innerText()).toContain('上限 3');
    // The map's tiles follow the new data: the marker now says ①② (no ③).
    await expect
      .poll(async () => (await sourceFeatures(page, 'points', 'institutions')).find((f) => f.properties.code === code)?.properties.offersKey)
      .toBe('12');
    await waitForMapIdle(page);
    await saveScreenshot(page, 'institution-declared');
    await page.reload();
    await page.getByTestId('declaration-form').waitFor();
    expect(await page.getByTestId('willingness').inputValue()).toBe('accepting');
    expect(await page.getByTestId('max-partners').inputValue()).toBe('3');
    expect(await page.getByTestId('offer-admit').isChecked()).toBe(false);
    expect(await page.getByTestId('offer-consult').isChecked()).toBe(true);
  });

  it('says so when someone else changed it first', async () => {
    const detail = await api<any>(`/api/institutions/${code}`);
    const put = await pageApi(page, 'PUT', `/api/institutions/${code}/declaration`, { offers: null, willingness: null, maxPartners: 5, version: detail.version });
    expect(put.status).toBe(200);
    await page.getByTestId('max-partners').fill('4');
    await page.getByTestId('save-declaration').click();
    await expect.poll(() => page.getByTestId('form-error').innerText()).toContain('ほかの人が先に変更しました');
  });

  it('does not let a clinic declare ③', async () => {
    const clinic = (await api<any>('/api/institutions')).features.find((f: any) => f.properties.kind === 'clinic').properties.code;
    await openApp(page, `${server.url}/?institution=${clinic}`);
    await page.getByTestId('declaration-form').waitFor();
    await page.getByTestId('declare-offers').check();
    expect(await page.getByTestId('offer-admit').isDisabled()).toBe(true);
    expect(await page.getByTestId('offer-consult').isDisabled()).toBe(false);
  });
});
