import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloadText, openApp, overlayFeatures, saveScreenshot, signIn, waitForMapIdle, type ServerHandle, useDemoApp } from './harness';

/** The 自治体 view on the demo region: pick an area, read its table, sort and export who lacks coverage, make a plan. */
let server: ServerHandle;
let page: Page;
let openPage: () => Promise<Page>;
useDemoApp((app) => ({ server, page, openPage } = app));

const api = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

describe('the 自治体 view', () => {
  it('opens on the whole region: counts by status, the survey table and the lacking list agree with the API', async () => {
    await openApp(page, server.url);
    expect(await page.getByTestId('tab-area').getAttribute('aria-selected')).toBe('true');
    const gaps = await api<any>('/api/gaps?maxMinutes=30');
    const counts = await page.getByTestId('status-counts').innerText();
    expect(counts).toContain(`充足 ${gaps.summary.counts.covered}`);
    expect(counts).toContain(`計 ${gaps.summary.counts.total} 施設`);
    const rows = await page.getByTestId('survey-table').locator('tbody tr').allInnerTexts();
    expect(rows.length).toBe(gaps.summary.survey.filter((r: any) => r.facilities > 0).length);
    expect(rows[0]).toMatch(/^特養\s+\d+/);
    const lacking = await api<any>('/api/gaps/facilities?maxMinutes=30');
    expect(await page.getByTestId('lacking-count').innerText()).toBe(`${lacking.facilities.length} 施設`);
    // Structural gaps are ringed on the map.
    expect((await overlayFeatures(page, 'overlay-highlights')).length).toBe(gaps.structuralGaps.length);
    await saveScreenshot(page, 'area-overview');
  });

  it('sorts by severity (義務 without ③ first) and by deadline, and filters by type, map and list together', async () => {
    const severities = await page.getByTestId('lacking-row').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.severity)));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(severities[0]).toBe(1);
    expect(await page.getByTestId('lacking-row').first().innerText()).toContain('③');
    await page.getByTestId('lacking-section').getByTestId('sort-deadline').click();
    const deadlines = await page.getByTestId('lacking-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.deadline || '9999'));
    expect(deadlines).toEqual([...deadlines].sort());
    await page.getByTestId('type-select').selectOption('group_home');
    await expect.poll(() => page.getByTestId('lacking-row').first().innerText()).toContain('グループホーム');
    const texts = await page.getByTestId('lacking-row').allInnerTexts();
    expect(texts.every((t) => t.includes('グループホーム'))).toBe(true);
    expect(page.url()).toContain('type=group_home');
    const fill = await page.evaluate(() => JSON.stringify(window.__renkeiMap!.getPaintProperty('area-fill', 'fill-color')));
    expect(fill).toContain('c_group_home');
    expect(await page.locator('.legend').innerText()).toContain('グループホーム');
    await waitForMapIdle(page);
    await saveScreenshot(page, 'area-type-group-home');
    await page.getByTestId('type-select').selectOption('all');
  });

  it('selects a municipality by clicking it on the map, outlined, its URL a link to the same screen', async () => {
    const areas = await api<any>('/api/municipalities?geometry=false');
    const higashi = areas.features.find((f: any) => f.properties.name === '東浜市').properties;
    await page.evaluate(() => window.__renkeiMap!.jumpTo({ center: [137.0, 32.3], zoom: 8 }));
    await waitForMapIdle(page);
    // Click a spot of the municipality where no point is drawn.
    const [x, y] = await page.evaluate((code) => {
      const map = window.__renkeiMap!;
      const r = map.getCanvas().getBoundingClientRect();
      for (let px = 0; px < r.width; px += 7) {
        for (let py = 0; py < r.height; py += 7) {
          const area = map.queryRenderedFeatures([px, py], { layers: ['area-fill'] })[0];
          const near = map.queryRenderedFeatures([[px - 12, py - 12], [px + 12, py + 12]], { layers: ['facility-point', 'institution-point', 'facility-cluster', 'institution-cluster'] });
          if (area?.properties.code === code && near.length === 0) return [r.left + px, r.top + py];
        }
      }
      throw new Error('no empty spot');
    }, higashi.code);
    await page.mouse.click(x, y);
    await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('東浜市');
    expect(page.url()).toContain(`area=${higashi.code}`);
    expect(JSON.stringify(await page.evaluate(() => window.__renkeiMap!.getFilter('area-selected')))).toContain(higashi.code);
    // Its outline is drawn; with nothing selected the outline layer is hidden (MapView.tsx).
    expect(await page.evaluate(() => window.__renkeiMap!.getLayoutProperty('area-selected', 'visibility'))).toBe('visible');
    await expect.poll(() => page.getByTestId('status-counts').innerText()).toContain(`計 ${higashi.counts.total} 施設`);
    await waitForMapIdle(page);
    await saveScreenshot(page, 'area-municipality');
    // The same link in a new page shows the same area.
    const other = await openPage();
    await openApp(other, page.url());
    expect(await other.getByTestId('area-title').innerText()).toBe('東浜市');
    await other.close();
  });

  it('offers a 政令市 as a whole and ward by ward', async () => {
    await page.getByTestId('area-select').selectOption('991007');
    await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('デモ市');
    await expect.poll(() => page.getByTestId('status-counts').innerText()).toContain('計 79 施設');
    await page.locator('.wards').getByRole('button', { name: '北区' }).click();
    await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('デモ市北区');
    await expect.poll(() => page.getByTestId('status-counts').innerText()).toContain('計 22 施設');
  });

  it('exports the list and the table as CSV for Japanese Excel, and the list as GeoJSON', async () => {
    await page.getByTestId('area-select').selectOption('pref:99');
    await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('デモ県');
    const shown = (await api<any>('/api/gaps/facilities?prefecture=99&maxMinutes=30')).facilities.length;
    await expect.poll(() => page.getByTestId('lacking-count').innerText()).toBe(`${shown} 施設`);
    const csv = await downloadText(page, () => page.getByTestId('export-lacking-csv').click());
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('事業所番号,サービスコード,名称,種別,義務の別,状況,不足,期限,残り日数,構造的な不足,市区町村,所在地,電話');
    expect(lines.length - 1).toBe(shown);
    // Statuses in Japanese; the lacking list holds 一部 and 未 only, never 未把握.
    expect(lines.slice(1).filter((l) => !['一部', '未'].includes(l.split(',')[5]!))).toEqual([]);
    // 事業所番号 and サービスコード as ="…" text, so Excel keeps their leading zeros; the same facilities as the API lists.
    const apiIds = (await api<any>('/api/gaps/facilities?prefecture=99&maxMinutes=30&limit=100000')).facilities.map((f: any) => f.facilityId).sort();
    const codes = lines.slice(1).map((l) => /^"=""([0-9A-Z]{10})""","=""([0-9A-Z]{3,5})"""/.exec(l));
    expect(codes.filter((m) => m === null)).toEqual([]);
    expect(codes.map((m) => `${m![1]}-${m![2]}`).sort()).toEqual(apiIds);
    expect(csv.text).not.toContain('未把握');
    const survey = await downloadText(page, () => page.getByTestId('export-survey-csv').click());
    expect(survey.text.slice(1).split('\r\n')[0]).toBe('種別,施設数,把握済み,ⅰ,ⅱ,ⅲ,すべて充足');
    const geo = JSON.parse((await downloadText(page, () => page.getByTestId('export-lacking-geojson').click())).text);
    expect(geo.type).toBe('FeatureCollection');
    // Every facility, those without a position too (geometry null, unplaced: true); the API's keys.
    expect(geo.features.length).toBe(shown);
    expect(geo.features[0].properties).toMatchObject({ facilityId: expect.any(String), name: expect.any(String), status: expect.stringMatching(/^(partial|none)$/), unplaced: expect.any(Boolean) });
    expect(geo.features.filter((f: any) => (f.geometry === null) !== f.properties.unplaced)).toEqual([]);
    const unplaced = geo.features.filter((f: any) => f.geometry === null).length;
    expect(await page.getByTestId('export-lacking-geojson-note').innerText()).toContain(unplaced > 0 ? `位置が不明の ${unplaced} 施設も含めました` : `全 ${shown} 施設に位置があります`);
  });

  it('makes a regional plan for the prefecture\'s officer, draws it, and lists who cannot be covered and why', async () => {
    expect(await page.getByTestId('plan-section').count()).toBe(0);
    expect(await page.getByTestId('officer-hint').innerText()).toContain('自治体職員としてログイン');
    await signIn(page, 'municipality');
    await page.getByTestId('minutes-select').selectOption('30');
    await page.getByTestId('plan-run').click();
    await page.getByTestId('plan-result').waitFor({ timeout: 60_000 });
    const plan = await page.getByTestId('plan-result').innerText();
    expect(plan).toMatch(/割当て \d+ 施設/);
    const lines = await overlayFeatures(page, 'overlay-lines');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((l) => l.properties!.kind === 'plan')).toBe(true);
    // 沖ノ島町 has no hospital on the island: its 特養 cannot get ③.
    expect(await page.getByTestId('uncoverable').innerText()).toContain('時間内に要件を満たす医療機関がない');
    await waitForMapIdle(page);
    await saveScreenshot(page, 'area-plan');
    const planCsv = await downloadText(page, () => page.getByTestId('export-plan-csv').click());
    const planLines = planCsv.text.slice(1).trimEnd().split('\r\n');
    expect(planLines[0]).toBe('事業所番号,サービスコード,種別,名称,市区町村コード,市区町村,状況,計画,医療機関コード,協力医療機関（案）,要件,移動時間（分）');
    // Each row names its facility by 事業所番号 and サービスコード as text; assigned rows their institution by 医療機関コード.
    expect(planLines.slice(1).filter((l) => !/^"=""[0-9A-Z]{10}""","=""[0-9A-Z]{3,5}""",/.test(l))).toEqual([]);
    const assigned = planLines.filter((l) => l.split(',')[7] === '割当て');
    expect(assigned.length).toBeGreaterThan(10);
    expect(assigned.filter((l) => !/^"=""\d{10}"""$/.test(l.split(',')[8]!))).toEqual([]);
    expect(planLines.some((l) => l.includes('時間内に要件を満たす医療機関がない'))).toBe(true);
  });

  it('opens a facility from the list in the 施設 view', async () => {
    const first = page.getByTestId('lacking-row').first();
    const name = (await first.locator('.name').innerText()).trim();
    await first.click();
    await page.getByTestId('facility-panel').waitFor();
    expect(await page.getByTestId('panel-title').innerText()).toBe(name);
    expect(await page.getByTestId('tab-facility').getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await expect.poll(() => page.getByTestId('tab-area').getAttribute('aria-selected')).toBe('true');
  });
});
