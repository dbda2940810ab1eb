import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { importPaths } from '../../server/import/run-import';
import { memoryDb } from '../helpers/db';

const NOW = { now: new Date('2026-11-01T00:00:00Z') };
const F = (name: string) => `test/fixtures/${name}`;
const BASE = ['n03_small.geojson', 'kaigo_small.csv', 'meibo_small.csv', 'navii_small.csv', 'partnerships_small.csv'].map(F);

/** kaigo_small.csv with some lines dropped or edited, saved under a new name. */
function kaigoVariant(edit: (lines: string[]) => string[]): string {
  const lines = readFileSync(F('kaigo_small.csv'), 'utf8').split('\r\n');
  const path = join(mkdtempSync(join(tmpdir(), 'renkei-upd-')), 'jigyosho_510.csv');
  writeFileSync(path, edit(lines).join('\r\n'));
  return path;
}
// Only the valid rows (lines 1, 2, 3 and 6 hold 3151180209, 3150180309, the 551 row and 31B0100049).
const VALID = (ls: string[]) => [ls[0]!, ls[1]!, ls[2]!, ls[3]!, ls[6]!, ''];

describe('a newer file', () => {
  it('updates changed rows and marks rows that vanished as withdrawn — never deleting agreements', async () => {
    const db = memoryDb();
    await importPaths(db, [...BASE.filter((p) => !p.includes('kaigo')), kaigoVariant(VALID)].sort(), NOW);
    const agreementsBefore = db.$client.prepare('select count(*) n from agreements').get();

    // 3150180309 disappears from the newer file; 3151180209 changes its name.
    const newer = kaigoVariant((ls) => [ls[0]!, ls[1]!.replace('テスト特養さくら', 'テスト特養さくら（新）'), ls[6]!, '']);
    const s = await importPaths(db, [newer], { ...NOW, asOf: '2026-12-31' });
    expect(s.files[0]).toMatchObject({ updated: 1, unchanged: 1, withdrawn: 1 });
    const rows = db.$client.prepare("select care_office_number n, name, withdrawn_on w from facilities where service_code = '510' order by 1").all();
    expect(rows).toEqual([
      { n: '3150180309', name: 'テスト特養あおば', w: '2026-12-31' },
      { n: '3151180209', name: 'テスト特養さくら（新）', w: null },
    ]);
    expect(db.$client.prepare('select count(*) n from agreements').get()).toEqual(agreementsBefore);

    // The API leaves withdrawn facilities off the map but still shows them by id.
    const app = createApp({ db, now: () => new Date('2027-01-05T00:00:00Z') });
    const list = (await (await app.request('/api/facilities')).json()) as { features: { properties: { id: string } }[] };
    expect(list.features.map((f) => f.properties.id)).not.toContain('3150180309-510');
    const detail = (await (await app.request('/api/facilities/3150180309-510')).json()) as { withdrawnOn: string };
    expect(detail.withdrawnOn).toBe('2026-12-31');

    // It comes back in a later file: no longer withdrawn.
    await importPaths(db, [kaigoVariant(VALID)], NOW);
    expect(db.$client.prepare("select withdrawn_on w from facilities where care_office_number = '3150180309'").get()).toEqual({ w: null });
  });

  it('does not withdraw anything when its rows had errors', async () => {
    const db = memoryDb();
    await importPaths(db, [kaigoVariant(VALID)], NOW);
    // A newer file with 3151180209 and one unreadable row: 3150180309 is not in it, yet stays.
    const s = await importPaths(db, [kaigoVariant((ls) => [ls[0]!, ls[1]!, ls[4]!, ''])], NOW);
    expect(s.files[0]?.withdrawn).toBe(0);
    expect(db.$client.prepare("select withdrawn_on w from facilities where care_office_number = '3150180309'").get()).toEqual({ w: null });
    expect(s.problems.some((p) => /no earlier row is marked withdrawn/.test(p.message))).toBe(true);
  });
});

describe('positions', () => {
  it('geocodes, at town level, institutions with no ナビイ match and facilities without coordinates', async () => {
    const db = memoryDb();
    const s = await importPaths(db, [...BASE, F('geocode')], NOW);
    // テスト内科医院 (末広温泉町) has no town point: municipality level; the others are matched or in the town file.
    const inst = db.$client.prepare('select code, geocode_precision p from institutions order by code').all();
    expect(inst).toEqual([
      { code: '3110110685', p: 'municipality' },
      { code: '3110110750', p: 'source' },
      { code: '3110110818', p: 'source' },
    ]);
    // テスト特養あおば has 0.0 coordinates: placed at 河原町稲常 from its address.
    expect(db.$client.prepare("select lat, lng, geocode_precision p from facilities where care_office_number = '3150180309'").get()).toEqual({ lat: 35.4231, lng: 134.2078, p: 'town' });
    expect(s.reconcile.facilities).toMatchObject({ source: 3, town: 1 });
  });

  it('flags coordinates more than 1 km outside the own municipality; with no town point inside it, keeps them', async () => {
    const db = memoryDb();
    // 鳥取市's test polygon spans 134.0–134.4 E: 134.9 is outside it (but inside Japan).
    const moved = kaigoVariant((ls) => [ls[0]!, ls[1]!.replace('134.262136999999940', '134.900000000000000'), '']);
    const s = await importPaths(db, [F('n03_small.geojson'), F('geocode'), moved], NOW);
    expect(db.$client.prepare("select position_flag f, geocode_precision p from facilities where care_office_number = '3151180209'").get()).toEqual({ f: 'outside_municipality', p: 'source' });
    expect(s.problems.find((p) => p.column === '緯度')?.message).toMatch(/lie \d+(\.\d)? km outside 鳥取市, the facility's own municipality \(more than 1 km\): no town point inside it matched the address, so kept as published/);
  });
});
