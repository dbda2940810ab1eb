import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, pageApi, saveScreenshot, signIn, type ServerHandle, useDemoApp } from './harness';

/** The partnership cycle in the UI, signed in as an administrator (who may act for both sides): a facility asks a hospital, the hospital accepts, coverage follows. */
let server: ServerHandle;
let page: Page;
useDemoApp((app) => ({ server, page } = app));

const api = async (path: string) => (await fetch(`${server.url}${path}`)).json() as Promise<any>;

describe('asking for and accepting a partnership', () => {
  let facility: { facilityId: string; name: string };
  let hospital: { code: string; name: string };

  it('lets a 特養 lacking ③ say it is seeking, and send a request to a hospital among its candidates', async () => {
    const lacking = (await api('/api/gaps/facilities?sort=severity&limit=300')).facilities as any[];
    facility = lacking.find((f) => f.type === 'tokuyo' && f.missing.includes('admit') && !f.noAdmitHospital);
    const candidates = (await api(`/api/facilities/${facility.facilityId}/candidates?maxMinutes=30&limit=50`)).candidates as any[];
    hospital = candidates.find((c) => c.institution.kind === 'hospital').institution;

    await openApp(page, `${server.url}/?view=facility&facility=${facility.facilityId}`);
    await signIn(page, 'admin');
    const section = page.getByTestId('partnership');
    await section.waitFor();
    await page.getByTestId('toggle-seeking').click();
    await expect.poll(() => page.getByTestId('seeking-badge').innerText()).toContain('③');

    await page.getByTestId('request-target').selectOption(hospital.code);
    expect(await page.getByTestId('ask-admit').isChecked()).toBe(true);
    await page.getByTestId('request-message').fill('入院の受入れについてご相談させてください');
    await page.getByTestId('send-request').click();
    await page.locator('[data-testid="sent-requests"] li[data-status="pending"]').waitFor();
    expect(await page.getByTestId('sent-requests').innerText()).toContain(hospital.name);
    await saveScreenshot(page, 'partnership-request-sent');
  });

  it('shows the request to the hospital, which accepts it; the facility then has it as a partner covering ③', async () => {
    await openApp(page, `${server.url}/?view=institution&institution=${hospital.code}`);
    const inbox = page.getByTestId('requests-inbox');
    await inbox.waitFor();
    await expect.poll(() => inbox.innerText()).toContain(facility.name);
    expect(await inbox.innerText()).toContain('入院の受入れについてご相談させてください');
    await inbox.getByRole('button', { name: '承諾する' }).first().click();
    // The terms are shown before they bind: by default what was asked, confirmed in a second step.
    await inbox.getByTestId('terms-review').click();
    expect(await inbox.getByTestId('terms-summary').innerText()).toContain('対応する要件：③');
    await inbox.getByTestId('terms-confirm').click();
    await page.locator('[data-testid="decided-requests"] li[data-status="accepted"]').waitFor();
    await saveScreenshot(page, 'partnership-accepted');

    await openApp(page, `${server.url}/?view=facility&facility=${facility.facilityId}`);
    await page.locator('[data-testid="sent-requests"] li[data-status="accepted"]').waitFor();
    const panel = await page.getByTestId('facility-panel').innerText();
    expect(panel).toContain(hospital.name);
    const detail = await api(`/api/facilities/${facility.facilityId}`);
    expect(detail.coverage.missing).not.toContain('admit');
  });

  it('says why when the hospital declines, and refuses a decline with no reason', async () => {
    // Any other institution that takes new partners will do: the facility may ask it for ①.
    let other: { code: string } | undefined;
    for (const f of (await api('/api/institutions')).features as any[]) {
      if (f.properties.code === hospital.code) continue;
      if ((await api(`/api/institutions/${f.properties.code}`)).willingness !== 'not_accepting') {
        other = f.properties;
        break;
      }
    }
    expect(other, 'another institution taking partners').toBeTruthy();
    const { status, body: sent } = await pageApi(page, 'POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: other!.code, requirements: ['consult'] });
    expect(status).toBe(201);
    await openApp(page, `${server.url}/?view=institution&institution=${other!.code}`);
    await page.getByTestId(`decline-${sent.id}`).click();
    await expect.poll(() => page.getByTestId('requests-inbox').locator('[role="alert"]').innerText()).toContain('reason');
    await page.getByTestId(`reason-${sent.id}`).fill('当面は新規の連携が難しいため');
    await page.getByTestId(`decline-${sent.id}`).click();
    await page.locator('[data-testid="decided-requests"] li[data-status="declined"]').waitFor();
    expect(await page.getByTestId('decided-requests').innerText()).toContain('当面は新規の連携が難しいため');
  });

  it('shows the prefecture, as designating authority, who has filed this fiscal year', async () => {
    await openApp(page, `${server.url}/?view=area&area=pref:99`);
    const tracker = page.getByTestId('filing-tracker');
    await tracker.waitFor();
    expect(await tracker.innerText()).toMatch(/提出済 \d+ · 未提出 \d+ · 期限超過 \d+/);
  });
});
