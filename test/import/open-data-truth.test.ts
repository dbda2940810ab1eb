import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { addAccount } from '../../server/auth/accounts';
import type { Db } from '../../server/db/client';
import { careOfficeCheckDigitError } from '../../server/domain/identifiers';
import { formatProblem } from '../../server/import/problems';
import { importPaths, type ImportSummary } from '../../server/import/run-import';
import { demoDb, memoryDb, TEST_NOW } from '../helpers/db';
import { signIn } from '../helpers/session';
import { kaigoCsv, type KaigoRow as Row } from '../helpers/kaigo-csv';

/**
 * The national 介護 open data as it really is (issue 15): every in-scope row reaches the database,
 * and every flag is a real error. Each case is a row written here in the published 24-column layout.
 */
const NOW = { now: new Date('2026-11-01T00:00:00Z') };
const F = (name: string) => `test/fixtures/${name}`;
// 鳥取市's test polygon (n03_small.geojson) is the box 134.0–134.4 E × 35.3–35.6 N.
const TOTTORI = { code: '312011', muni: '鳥取市' };
const at = (lat: number, lng: number) => ({ lat: lat.toFixed(9), lng: lng.toFixed(9) });
const OLD_ROKEN = '3150180011'; // well-formed, fails its check digit: an older number in use
const rows = {
  oldRoken: { ...TOTTORI, name: '老健ふるいばんごう', service: '介護老人保健施設', address: '鳥取県鳥取市雲山1番地', ...at(35.48, 134.24), number: OLD_ROKEN },
  ext335: { ...TOTTORI, name: '外部型有料A', service: '特定施設入居者生活介護（有料老人ホーム（外部サービス利用型））', address: '鳥取県鳥取市覚寺1', ...at(35.5, 134.22), number: '3170100014' },
  ext336: { ...TOTTORI, name: '外部型軽費B', service: '特定施設入居者生活介護（軽費老人ホーム（外部サービス利用型））', address: '鳥取県鳥取市覚寺2', ...at(35.5, 134.22), number: '3170100022' },
  // As published: the last parenthesis is half-width.
  ext337: { ...TOTTORI, name: '外部型サ高住C', service: '特定施設入居者生活介護（有料老人ホーム（サービス付き高齢者向け住宅（外部サービス利用型））)', address: '鳥取県鳥取市覚寺3', ...at(35.5, 134.22), number: '3170100030' },
  farLng: { ...TOTTORI, name: '特養けいどずれ', service: '介護老人福祉施設', address: '鳥取県鳥取市河原町稲常463番地', lat: '35.4231', lng: '-218.000000', number: '3171100013' },
  near300m: { ...TOTTORI, name: '特養さかいめ', service: '介護老人福祉施設', address: '鳥取県鳥取市どこか1', ...at(35.45, 134.4033), number: '3171100021' },
  far8km: { ...TOTTORI, name: '特養とおく', service: '介護老人福祉施設', address: '鳥取県鳥取市どこか2', ...at(35.45, 134.488), number: '3171100039' },
  far8kmTown: { ...TOTTORI, name: '特養まちへ', service: '介護老人福祉施設', address: '鳥取県鳥取市河原町稲常9番地', ...at(35.45, 134.488), number: '3171100047' },
  pua: { ...TOTTORI, name: '特養\uE18D原の里', service: '介護老人福祉施設', address: '鳥取県鳥取市\uE18D町1', ...at(35.5, 134.25), number: '3171100054' },
  ward: { code: '141038', muni: '横浜市西区', pref: '神奈川県', name: '特養みなとみらい', service: '介護老人福祉施設', address: '神奈川県横浜市西区1', ...at(35.455, 139.615), number: '1471100014' },
} satisfies Record<string, Row>;

describe('published rows are imported as published', () => {
  let db: Db;
  let s: ImportSummary;
  const q = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).get(...args) as Record<string, unknown> | undefined;
  const problemsOf = (column: string) => s.problems.filter((p) => p.column === column).map(formatProblem);

  beforeAll(async () => {
    db = memoryDb();
    const files = [
      kaigoCsv('jigyosho_520.csv', [rows.oldRoken]),
      kaigoCsv('jigyosho_335.csv', [rows.ext335]),
      kaigoCsv('jigyosho_336.csv', [rows.ext336]),
      kaigoCsv('jigyosho_337.csv', [rows.ext337]),
      kaigoCsv('jigyosho_510.csv', [rows.farLng, rows.near300m, rows.far8km, rows.far8kmTown, rows.pua, rows.ward]),
    ];
    s = await importPaths(db, [F('n03_small.geojson'), F('geocode'), ...files], NOW);
  });

  it('has no errors: nothing published is refused', () => {
    expect(s.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([]);
    expect(s.ok).toBe(true);
    expect(s.files.filter((f) => f.kind === 'kaigo_open_data').reduce((n, f) => n + f.imported, 0)).toBe(10);
  });

  it('keeps an older 事業所番号 that fails its check digit exactly, with a warning naming file, row and column', () => {
    expect(careOfficeCheckDigitError(OLD_ROKEN)).not.toBeNull();
    expect(q('select care_office_number n, service_code c from facilities where name = ?', rows.oldRoken.name)).toEqual({ n: OLD_ROKEN, c: '520' });
    expect(problemsOf('事業所番号')).toEqual([expect.stringMatching(/jigyosho_520\.csv:2:事業所番号 — check digit does not match; kept as published/)]);
  });

  it('reads the three real 外部サービス利用型 names as 335, 336 and 337, the mixed parenthesis included', () => {
    const codes = [rows.ext335, rows.ext336, rows.ext337].map((r) => q('select service_code c from facilities where care_office_number = ?', r.number)?.c);
    expect(codes).toEqual(['335', '336', '337']);
  });

  it('imports 経度 −218, flags it outside Japan and places it at its town from the address', () => {
    expect(q('select source_lng s, position_flag f, geocode_precision p, lat, lng from facilities where care_office_number = ?', rows.farLng.number)).toEqual({ s: -218, f: 'outside_japan', p: 'town', lat: 35.4231, lng: 134.2078 });
  });

  it('counts a point 300 m outside the simplified boundary as inside: not flagged, kept', () => {
    expect(q('select position_flag f, geocode_precision p, lng from facilities where care_office_number = ?', rows.near300m.number)).toEqual({ f: null, p: 'source', lng: 134.4033 });
    expect(problemsOf('緯度').filter((p) => p.includes('さかいめ'))).toEqual([]);
  });

  it('flags a point 8 km outside with its distance; with no town point inside its municipality it keeps the published point', () => {
    expect(q('select position_flag f, position_offset_km km, geocode_precision p, lat, lng from facilities where care_office_number = ?', rows.far8km.number)).toEqual({ f: 'outside_municipality', km: 8, p: 'source', lat: 35.45, lng: 134.488 });
    expect(problemsOf('緯度')).toContainEqual(expect.stringMatching(/jigyosho_510\.csv:4:緯度 — Coordinates 35\.45, 134\.488 lie 8 km outside 鳥取市.*kept as published and flagged on the map/));
  });

  it('moves a point 8 km outside to its town point when that lies inside its own municipality', () => {
    expect(q('select position_flag f, geocode_precision p, lat, lng from facilities where care_office_number = ?', rows.far8kmTown.number)).toEqual({ f: 'outside_municipality', p: 'town', lat: 35.4231, lng: 134.2078 });
  });

  it('keeps 外字 (Private Use Area) as published, warns per row, and search ignores it', async () => {
    expect(q('select name, address from facilities where care_office_number = ?', rows.pua.number)).toEqual({ name: rows.pua.name, address: rows.pua.address });
    expect(problemsOf('事業所名')).toEqual([expect.stringMatching(/jigyosho_510\.csv:6:事業所名 — 外字 \(Private Use Area U\+E18D\) kept as published/)]);
    expect(problemsOf('住所')).toEqual([expect.stringMatching(/:6:住所 — 外字/)]);
    const app = createApp({ db, now: TEST_NOW });
    const hits = ((await (await app.request(`/api/search?q=${encodeURIComponent('原の里')}`)).json()) as { hits: { id: string }[] }).hits;
    expect(hits.map((h) => h.id)).toContain(`${rows.pua.number}-510`);
  });

  it('names a ward with its city wherever the municipality is named', async () => {
    const app = createApp({ db, now: TEST_NOW });
    const body = (await (await app.request(`/api/facilities/${rows.ward.number}-510`)).json()) as { municipality: { name: string } };
    expect(body.municipality.name).toBe('横浜市西区');
  });
});

describe('an older-numbered 老健 works everywhere a facility id is taken', () => {
  it('opens its detail page and a request from its staff reaches a hospital', async () => {
    const db = await demoDb();
    const number = '9951000010'; // デモ県, fails its check digit
    expect(careOfficeCheckDigitError(number)).not.toBeNull();
    const file = kaigoCsv('jigyosho_520.csv', [{ code: '991015', muni: 'デモ市中央区', pref: 'デモ県', name: '老健むかしばんごう', service: '介護老人保健施設', address: 'デモ県デモ市中央区本町1丁目1番1号', lat: '32.32', lng: '137.03', number }]);
    const s = await importPaths(db, [file], NOW);
    expect(s.problems.filter((p) => p.level === 'error')).toEqual([]);
    const app = createApp({ db, now: TEST_NOW });
    const detail = await app.request(`/api/facilities/${number}-520`);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { name: string }).name).toBe('老健むかしばんごう');
    await addAccount(db, { login: 'old-roken', role: 'facility', scope: [number], password: 'old-roken-2027' }, 'test');
    const staff = await signIn(app, 'old-roken', 'old-roken-2027');
    const hospital = db.$client.prepare("select code from institutions where kind = 'hospital' and withdrawn_on is null and (willingness is null or willingness = 'accepting') order by code limit 1").get() as { code: string };
    const res = await staff.call('POST', '/api/requests', { facilityId: `${number}-520`, institutionCode: hospital.code, requirements: ['admit'] });
    expect(res.status).toBe(201);
  });
});

describe('npm run import: exit codes', () => {
  const run = (...paths: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--db', join(mkdtempSync(join(tmpdir(), 'renkei-exit-')), 'x.db'), ...paths], { encoding: 'utf8' });

  it('counts a known service outside the rule as skipped, not a problem: exit 0', () => {
    const file = kaigoCsv('jigyosho_110.csv', [{ ...TOTTORI, name: '訪問介護A', service: '訪問介護', address: '鳥取県鳥取市', lat: '35.5', lng: '134.2', number: '3170200012' }, { ...rows.oldRoken, service: '短期入所療養介護（介護老人保健施設）' }]);
    const r = run(F('n03_small.geojson'), file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/rows 2: imported 0, updated 0, unchanged 0, skipped 2, rejected 0/);
    expect(r.stdout).toMatch(/No problems\./);
  });

  it('prints an unknown サービスの種類 first, naming the file and the value, and exits 1', () => {
    const file = kaigoCsv('jigyosho_999.csv', [{ ...rows.ext335, service: '特定施設入居者生活介護（新しい類型）' }]);
    const r = run(F('n03_small.geojson'), file);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^error +.*jigyosho_999\.csv:2:サービスの種類 — Unknown サービスの種類 「特定施設入居者生活介護（新しい類型）」/);
  });

  it('does not change the exit code for warnings', () => {
    const r = run(F('n03_small.geojson'), kaigoCsv('jigyosho_520.csv', [rows.oldRoken]));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/warning .*check digit does not match; kept as published/);
  });
});
