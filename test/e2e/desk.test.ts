import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import { downloadText, openApp, pageApi, saveScreenshot, signIn, signOut, type ServerHandle, useDemoApp } from './harness';

/**
 * A facility and a hospital finish their year in the browser, each from its own landing page: the
 * facility asks, the hospital reviews the terms and accepts ③ only, the facility logs three 連携会議
 * with electronic sharing and sees the 加算 the rules give, downloads its 届出書, proposes widening
 * the agreement — and the hospital declines, so it stays ③ only.
 */
let server: ServerHandle;
let page: Page;
useDemoApp((app) => ({ server, page } = app));

const FACILITY = `${DEMO_ACCOUNTS.facility.scope[0]}-510`;
const HOSPITAL = DEMO_ACCOUNTS.institution.scope[0];
const api = async (path: string) => (await fetch(`${server.url}${path}`)).json() as Promise<any>;
const text = (testId: string) => page.getByTestId(testId).innerText();

async function signInTo(role: 'facility' | 'institution', desk: string) {
  await signIn(page, role);
  await page.getByTestId(desk).waitFor();
}

describe('the year on the landing pages', () => {
  let requestId = 0;
  let agreementId = 0;

  it('opens the facility on its landing page after sign-in: duty, status, next ask, filing', async () => {
    await openApp(page, `${server.url}/`);
    await signInTo('facility', 'facility-desk');
    expect(await page.getByTestId('tab-desk').getAttribute('aria-selected')).toBe('true');
    const detail = await api(`/api/facilities/${FACILITY}`);
    expect(await text('desk-name')).toBe(detail.name);
    // A 特養: the days to the 2027-04-01 duty, counted by the server from today in Japan.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
    const days = Math.round((Date.parse('2027-04-01') - Date.parse(today)) / 86_400_000);
    expect(await text('desk-duty')).toContain(`あと ${days} 日`);
    await page.getByTestId('desk-next').waitFor();
    expect(await text('desk-filing')).toContain('届出書');
    // The map is one click away, and back.
    await page.getByTestId('desk-open-map').click();
    await page.getByTestId('facility-panel').waitFor();
    await page.getByTestId('tab-desk').click();
    await page.getByTestId('facility-desk').waitFor();

    // The facility asks the demo hospital for ①②③.
    const { status, body } = await pageApi(page, 'POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['consult', 'examine', 'admit'], message: '協力医療機関としてご相談させてください' });
    expect(status, JSON.stringify(body)).toBe(201);
    requestId = body.id;
    await page.reload();
    await page.locator(`[data-testid="desk-requests"] li[data-request="${requestId}"]`).waitFor();
    await saveScreenshot(page, 'desk-facility');
  });

  it('lets the hospital review the terms and accept ③ only, which the facility then sees', async () => {
    await signOut(page);
    await signInTo('institution', 'institution-desk');
    const inbox = page.getByTestId('requests-inbox');
    await inbox.locator(`li[data-request="${requestId}"]`).waitFor();
    await page.getByTestId(`accept-${requestId}`).click();
    const terms = page.getByTestId(`terms-${requestId}`);
    await terms.getByTestId('terms-consult').uncheck();
    await terms.getByTestId('terms-examine').uncheck();
    await terms.getByTestId('terms-agreed-on').fill('2026-04-01');
    await terms.getByTestId('terms-review').click();
    // Nothing binds before the summary is confirmed: it says what is not taken on.
    const summary = await terms.getByTestId('terms-summary').innerText();
    expect(summary).toContain('対応する要件：③');
    expect(summary).toContain('①② は引き受けません');
    expect((await api(`/api/facilities/${FACILITY}`)).coverage.met).not.toContain('admit');
    await saveScreenshot(page, 'desk-institution-terms');
    await terms.getByTestId('terms-confirm').click();
    await page.locator('[data-testid="decided-requests"] li[data-status="accepted"]').waitFor();
    expect(await page.getByTestId('decided-requests').innerText()).toContain('協定：③');
    await expect.poll(() => text('desk-partners')).toContain((await api(`/api/facilities/${FACILITY}`)).name);
    await saveScreenshot(page, 'desk-institution');

    await signOut(page);
    await signInTo('facility', 'facility-desk');
    const { body: desk } = await pageApi(page, 'GET', `/api/facilities/${FACILITY}/desk`);
    const made = desk.partners.find((p: any) => p.institution.code === HOSPITAL);
    agreementId = made.agreementId;
    await page.locator(`[data-testid="desk-partners"] li[data-agreement="${agreementId}"]`).waitFor();
    expect(made.covers).toEqual(['admit']);
    expect(made.agreedOn).toBe('2026-04-01');
    // The facility no longer seeks what the agreement covers.
    expect(desk.facility.seeking ?? []).not.toContain('admit');
  });

  it('logs three meetings with electronic sharing, and shows the 加算 the rules give', async () => {
    for (const heldOn of ['2026-06-10', '2026-09-10', '2026-11-10']) {
      const form = page.getByTestId('meeting-form');
      await form.getByTestId('meeting-partner').selectOption(HOSPITAL);
      await form.getByTestId('meeting-date').fill(heldOn);
      await form.getByTestId('meeting-electronic').check();
      await form.getByTestId('meeting-save').click();
      await expect.poll(() => text('desk-note')).toContain(heldOn);
    }
    await expect.poll(() => text('desk-meetings')).toContain('3 回');
    const { body: kasan } = await pageApi(page, 'GET', `/api/facilities/${FACILITY}/kasan`);
    const { body: desk } = await pageApi(page, 'GET', `/api/facilities/${FACILITY}/desk`);
    expect(desk.kasan.totalUnits).toBe(kasan.totalUnits);
    expect(kasan.totalUnits).toBeGreaterThan(0);
    const shown = await text('desk-kasan');
    expect(shown).toContain(`計 ${kasan.totalUnits} 単位`);
    const month = desk.kasan.thisMonth;
    if (month?.eligible) expect(shown).toContain(`区分${month.tier}・${month.units} 単位`);
  });

  it('downloads the 届出書 naming the partner', async () => {
    const file = await downloadText(page, () => page.getByTestId('desk-filing-xlsx').click());
    expect(file.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as never);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && cells.push(c.value)))));
    expect(cells.join('\n')).toContain((await api(`/api/institutions/${HOSPITAL}`)).name);
  });

  it('proposes widening the agreement; the hospital declines; it stays ③ only', async () => {
    const actions = page.getByTestId(`agreement-actions-${agreementId}`);
    await actions.getByTestId('action-propose').click();
    await actions.getByTestId('propose-consult').check();
    await actions.getByTestId('propose-examine').check();
    await actions.getByTestId('propose-send').click();
    await expect.poll(() => text('desk-note')).toContain('提案しました');
    await page.locator('[data-testid="proposals"] li[data-mine="true"]').waitFor();
    // Proposed is not agreed: the agreement is as it was.
    const before = await pageApi(page, 'GET', `/api/facilities/${FACILITY}/desk`);
    expect(before.body.partners.find((p: any) => p.agreementId === agreementId).covers).toEqual(['admit']);

    await signOut(page);
    await signInTo('institution', 'institution-desk');
    const theirs = page.locator('[data-testid="proposals"] li[data-mine="false"]');
    await theirs.first().waitFor();
    expect(await theirs.first().innerText()).toContain('③ → ①②③');
    const id = await theirs.first().getAttribute('data-proposal');
    await page.getByTestId(`proposal-decline-${id}`).click();
    await expect.poll(() => text('desk-note')).toContain('辞退しました');
    const { body: desk } = await pageApi(page, 'GET', `/api/institutions/${HOSPITAL}/desk`);
    expect(desk.partners.find((p: any) => p.agreementId === agreementId).covers).toEqual(['admit']);
    expect(desk.proposals).toEqual([]);
  });

  it('ends the agreement with a date and a reason, and proposes re-activating it, which changes nothing yet', async () => {
    await signOut(page);
    await signInTo('facility', 'facility-desk');
    const actions = page.getByTestId(`agreement-actions-${agreementId}`);
    await actions.getByTestId('action-end').click();
    await actions.getByTestId('end-save').click();
    // A reason is asked for first.
    await expect.poll(() => actions.locator('[role="alert"]').innerText()).toContain('理由');
    await actions.getByTestId('end-reason').fill('病床再編のため');
    await actions.getByTestId('end-save').click();
    await page.locator(`[data-testid="desk-ended"] li[data-agreement="${agreementId}"]`).waitFor();
    expect(await text('desk-ended')).toContain('病床再編のため');
    const history = (await pageApi(page, 'GET', `/api/agreements/${agreementId}/history`)).body as { action: string; actor: string }[];
    expect(history.at(-1)).toMatchObject({ action: 'end', actor: DEMO_ACCOUNTS.facility.login });
    await page.getByTestId(`reactivate-${agreementId}`).click();
    await expect.poll(() => text('desk-note')).toContain('提案しました');
    const { body: desk } = await pageApi(page, 'GET', `/api/facilities/${FACILITY}/desk`);
    expect(desk.endedPartners.map((p: any) => p.agreementId)).toContain(agreementId);
    expect(desk.proposals.find((p: any) => p.agreementId === agreementId)).toMatchObject({ mine: true, changes: { status: 'active' } });
  });
});
