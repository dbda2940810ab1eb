import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, pageApi, saveScreenshot, signIn, signOut, type ServerHandle, useDemoApp } from './harness';

/**
 * Officers and administrators finish their year in the browser: the prefecture officer reads its
 * municipalities (the counts the map uses), sets the deadline, receives a filing through the page and
 * sees it filed; the administrator creates an account, which signs in, is disabled, and cannot.
 */
let server: ServerHandle;
let page: Page;
useDemoApp((app) => ({ server, page } = app));

const todayInJapan = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function signInAs(login: string, password: string) {
  await page.getByTestId('sign-in').click();
  const form = page.getByTestId('sign-in-form');
  await form.getByTestId('sign-in-login').fill(login);
  await form.getByTestId('sign-in-password').fill(password);
  await form.getByTestId('sign-in-password').press('Enter');
}

describe("the officer's landing page", () => {
  it('lists every municipality of its scope with the counts of /api/municipalities', async () => {
    await openApp(page, `${server.url}/`);
    await signIn(page, 'municipality');
    await page.getByTestId('officer-desk').waitFor();
    const areas = (await (await fetch(`${server.url}/api/municipalities?geometry=false&prefecture=99`)).json()).features.map((f: any) => f.properties);
    const rows = page.locator('[data-testid="municipality-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(areas.length);
    for (const a of areas) {
      const cells = await page.locator(`[data-testid="municipality-table"] tr[data-code="${a.code}"] td`).allInnerTexts();
      expect(cells.slice(0, 5).map(Number), a.name).toEqual([a.counts.total, a.counts.covered, a.counts.partial, a.counts.none, a.counts.unknown]);
    }
    // Sorting by a column orders the rows by it.
    await page.getByTestId('sort-facilities').click();
    const totals = (await page.locator('[data-testid="municipality-table"] tbody tr td:nth-of-type(1)').allInnerTexts()).map(Number);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    await saveScreenshot(page, 'desk-officer');
  });

  it('sets the deadline and shows the days left', async () => {
    const row = page.locator('[data-testid="officer-deadlines"] li').first();
    await row.getByTestId('deadline-date').fill(addDays(todayInJapan(), 30));
    await row.getByTestId('deadline-save').click();
    await expect.poll(() => row.getByTestId('deadline-days').innerText()).toContain('あと 30 日');
  });

  it('receives a filing uploaded through the page, after showing what it holds, and the tracker has it filed', async () => {
    const authority = await page.locator('[data-testid="officer-deadlines"] li').first().getAttribute('data-authority');
    const tracker = (await pageApi(page, 'GET', `/api/filings/tracker?authority=${authority}&status=not_filed&limit=5`)).body;
    const target = tracker.facilities[0];
    expect(target, 'a facility not yet filed').toBeTruthy();
    const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), `/api/facilities/${target.facilityId}/filing.xlsx`);
    await page.getByTestId('filing-file').setInputFiles({ name: `${target.facilityId}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
    const check = page.getByTestId('filing-check');
    await check.waitFor();
    expect(await check.getAttribute('data-ok')).toBe('true');
    expect(await check.innerText()).toContain(target.name);
    // Checked is not received: still not filed.
    expect((await pageApi(page, 'GET', `/api/filings/tracker?authority=${authority}&status=filed`)).body.facilities.map((f: any) => f.facilityId)).not.toContain(target.facilityId);
    await page.getByTestId('filing-accept').click();
    await page.getByTestId('filing-received').waitFor();
    await page.getByTestId('tracker-status').selectOption('filed');
    await page.locator(`[data-testid="tracker-table"] tr[data-facility="${target.facilityId}"][data-status="filed"]`).waitFor();
    // The change log on the same page says so, by name.
    await expect.poll(() => page.getByTestId('audit-log').innerText()).toContain(`届出書: ${target.name}`);
    await saveScreenshot(page, 'desk-officer-filed');
  });
});

describe("the administrator's accounts", () => {
  it('creates an account that signs in, disables it, and it can no longer sign in', async () => {
    await signOut(page);
    await signIn(page, 'admin');
    await page.getByTestId('accounts-page').waitFor();
    await page.getByTestId('account-login').fill('e2e-hospital');
    await page.getByTestId('account-role').selectOption('institution');
    await page.getByTestId('account-scope').fill('９９１０１１０１３０');
    await page.getByTestId('account-create').click();
    const password = await page.getByTestId('account-password-value').innerText();
    expect(password.length).toBeGreaterThanOrEqual(16);
    await page.locator('[data-testid="accounts-table"] tr[data-login="e2e-hospital"]').waitFor();
    await saveScreenshot(page, 'desk-admin-accounts');

    await signOut(page);
    await signInAs('e2e-hospital', password);
    await expect.poll(() => page.getByTestId('signed-in-as').innerText().catch(() => '')).toContain('e2e-hospital');
    await page.getByTestId('institution-desk').waitFor();

    await signOut(page);
    await signIn(page, 'admin');
    await page.getByTestId('disable-e2e-hospital').click();
    await page.locator('[data-testid="accounts-table"] tr[data-login="e2e-hospital"][data-disabled="true"]').waitFor();
    await signOut(page);
    await signInAs('e2e-hospital', password);
    await expect.poll(() => page.getByTestId('sign-in-form').locator('[role="alert"]').innerText()).toContain('無効');
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  });
});
