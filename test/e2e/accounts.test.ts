import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, signIn, signOut, type ServerHandle, useDemoApp } from './harness';

/**
 * Accounts in the UI: what a visitor sees of a facility, what its own staff see once signed in
 * through the header's form, the hospital's inbox, the officer's change log — and that it all goes
 * away on sign-out. The demo accounts are server/auth/demo-accounts.ts's.
 */
let server: ServerHandle;
let page: Page;
useDemoApp((app) => ({ server, page } = app));

const AJISAI = '9971600862-510';
const HAMADA = '9910110130';

describe('signing in and what each role sees', () => {
  let partnerNames: string[] = [];

  it('shows a visitor a facility without its partners and without the request form', async () => {
    await openApp(page, `${server.url}/?view=facility&facility=${AJISAI}`);
    await page.getByTestId('facility-panel').waitFor();
    expect(await page.getByTestId('panel-title').innerText()).toBe('特別養護老人ホームあじさい荘');
    expect(await page.getByTestId('partners-hidden').innerText()).toBe('協力医療機関の名称と協定内容はログインすると表示されます');
    expect(await page.getByTestId('partners').count()).toBe(0);
    // Its coverage stays public.
    expect(await page.getByTestId('coverage').innerText()).toContain('不足');
    expect(await page.getByTestId('request-form').count()).toBe(0);
    expect(await page.getByTestId('partnership-hint').innerText()).toContain('この施設の担当者としてログイン');
    expect(await page.getByTestId('sign-in').innerText()).toBe('ログイン');
  });

  it('says why a sign-in failed: wrong credentials, then too many attempts with the wait', async () => {
    await page.getByTestId('sign-in').click();
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('ログイン名').fill('demo-facility');
    await form.getByLabel('パスワード').fill('not-the-password');
    await form.getByLabel('パスワード').press('Enter');
    await expect.poll(() => form.getByTestId('sign-in-error').innerText().catch(() => '')).toBe('ログイン名またはパスワードが違います');
    await saveScreenshot(page, 'accounts-sign-in-error');
    // A login nobody has, tried until the limiter stops it (5 failures per login in 15 minutes).
    await form.getByLabel('ログイン名').fill('nobody-here');
    for (let i = 0; i < 6; i++) {
      await form.getByLabel('パスワード').fill(`guess-${i}`);
      await form.getByLabel('パスワード').press('Enter');
      await expect.poll(() => form.getByLabel('パスワード').inputValue()).toBe('');
    }
    expect(await form.getByTestId('sign-in-error').innerText()).toMatch(/ログインの失敗が続いたため、約 \d+ 分後にもう一度お試しください/);
    await form.getByLabel('パスワード').press('Escape');
    expect(await page.getByTestId('sign-in-form').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-in');
  });

  it('shows the facility its partners and its partnership section once its staff sign in', async () => {
    await signIn(page, 'facility');
    expect(await page.getByTestId('signed-in-as').innerText()).toMatch(/demo-facility\s*施設職員/);
    await page.getByTestId('partnership').waitFor();
    await page.getByTestId('partners').waitFor();
    partnerNames = (await page.getByTestId('partners').locator('.name').allInnerTexts()).map((n) => n.trim());
    expect(partnerNames.length).toBeGreaterThan(0);
    expect(await page.getByTestId('partners-hidden').count()).toBe(0);
    // It asks 浜田記念病院, among its candidates, for ③.
    await page.getByTestId('request-target').selectOption(HAMADA);
    expect(await page.getByTestId('ask-admit').isChecked()).toBe(true);
    await page.getByTestId('send-request').click();
    await page.locator('[data-testid="sent-requests"] li[data-status="pending"]').waitFor();
    expect(await page.getByTestId('sent-requests').innerText()).toContain('浜田記念病院');
    await saveScreenshot(page, 'accounts-facility-signed-in');
  });

  it('hides them again on sign-out', async () => {
    await signOut(page);
    await expect.poll(() => page.getByTestId('partnership').count()).toBe(0);
    expect(await page.getByTestId('request-form').count()).toBe(0);
    await page.getByTestId('partners-hidden').waitFor();
    const panel = await page.getByTestId('facility-panel').innerText();
    for (const name of partnerNames) expect(panel).not.toContain(name);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  });

  it('shows 浜田記念病院 its requests inbox once its staff sign in', async () => {
    await openApp(page, `${server.url}/?view=institution&institution=${HAMADA}`);
    await page.getByTestId('institution-panel').waitFor();
    expect(await page.getByTestId('requests-inbox').count()).toBe(0);
    expect(await page.getByTestId('declaration-form').count()).toBe(0);
    expect(await page.getByTestId('inbox-hint').innerText()).toContain('この医療機関の担当者としてログイン');
    await signIn(page, 'institution');
    expect(await page.getByTestId('signed-in-as').innerText()).toMatch(/demo-hospital\s*医療機関職員/);
    const inbox = page.getByTestId('requests-inbox');
    await inbox.locator('li[data-request]').first().waitFor();
    expect(await inbox.innerText()).toContain('届いた協力依頼（1 件）');
    expect(await inbox.innerText()).toContain('特別養護老人ホームあじさい荘');
    await page.getByTestId('declaration-form').waitFor();
    expect(await page.getByTestId('panel-title').innerText()).toContain('浜田記念病院');
    await saveScreenshot(page, 'accounts-hospital-inbox');
    await signOut(page);
    await expect.poll(() => page.getByTestId('requests-inbox').count()).toBe(0);
  });

  it("shows the prefecture's officer the plan and the change log, with the facility's request", async () => {
    await openApp(page, `${server.url}/?view=area&area=pref:99`);
    expect(await page.getByTestId('plan-section').count()).toBe(0);
    expect(await page.getByTestId('audit-panel').count()).toBe(0);
    await signIn(page, 'municipality');
    await page.getByTestId('plan-section').waitFor();
    await page.getByTestId('filing-tracker').waitFor();
    // The change log opens from the keyboard.
    await page.getByTestId('audit-panel').locator('summary').focus();
    await page.keyboard.press('Enter');
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['日時', '操作者', '対象', '操作']);
    const request = table.locator('tbody tr[data-entity="partnership_request"]').first();
    // Named, not numbered: which facility asked which institution.
    expect(await request.innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+demo-facility\s+協力依頼: .+ ↔ 浜田記念病院\s+作成$/);
    await saveScreenshot(page, 'accounts-officer-audit');
  });
});
