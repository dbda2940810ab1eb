import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOpenData } from '../../scripts/fetch/fetch-open-data';
import { parseCsv } from '../../server/import/csv-table';
import { importPaths } from '../../server/import/run-import';
import { memoryDb } from '../helpers/db';

/**
 * The downloader against a local mirror of the official sites (`<mirror>/<host>/<path>`), built
 * from the project's small fixtures. Never the network.
 */
const F = (name: string) => readFileSync(`test/fixtures/${name}`);
let server: Server;
let mirror: string;
const root = mkdtempSync(join(tmpdir(), 'renkei-mirror-'));

function put(path: string, content: string | Uint8Array) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

async function meiboXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('医科');
  for (const r of parseCsv(F('meibo_small.csv').toString('utf8'), 'meibo')) ws.addRow(r.cells);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  const tokyoRow = F('kaigo_small.csv').toString('utf8').split('\r\n')[1]!.replace(/^312011,/, '131016,').replace('3151180209', '1371100011');
  put('www.mhlw.go.jp/stf/kaigo-kouhyou_opendata.html', `<ul>
    <li><a href="/content/12300000/jigyosho_110.csv">訪問介護</a></li>
    <li><a href="/content/12300000/jigyosho_510.csv">介護老人福祉施設</a></li>
    <li><a href="https://www.mhlw.go.jp/content/12300000/jigyosho_320.csv">認知症対応型共同生活介護</a></li></ul>`);
  put('www.mhlw.go.jp/content/12300000/jigyosho_510.csv', `${F('kaigo_small.csv').toString('utf8')}${tokyoRow}\r\n`);
  // A `.csv` link that serves a ZIP, as the open data sometimes does.
  put('www.mhlw.go.jp/content/12300000/jigyosho_320.csv', zipSync({ 'jigyosho_320.csv': F('kaigo_small_sjis.csv') }));
  put('kouseikyoku.mhlw.go.jp/chugokushikoku/chousaka/shisetsukijunjuri.html', `<table>
    <tr><td>島根県</td><td><a href="/chugokushikoku/chousaka/000123.xlsx">島根県（医科）</a></td></tr>
    <tr><td>鳥取県</td><td><a href="/chugokushikoku/chousaka/000111.xlsx">鳥取県（歯科）</a> <a href="/chugokushikoku/chousaka/000112.xlsx">鳥取県（医科）<span>[Excel]</span></a></td></tr></table>`);
  put('kouseikyoku.mhlw.go.jp/chugokushikoku/chousaka/000112.xlsx', await meiboXlsx());
  const naviiOther = `${F('navii_small.csv').toString('utf8')}4113111000001,他県の病院,1,41,201,佐賀県佐賀市1,33.2,130.3,,50,,,,,,,50\r\n`;
  put('www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/iryou-kikan-opendata.html', `
    <a href="/content/11121000/01-1_hospital_facility_info_20251201.zip">病院（施設票）</a>
    <a href="/content/11121000/02-1_clinic_facility_info_20251201.zip">診療所（施設票）</a>`);
  put('www.mhlw.go.jp/content/11121000/01-1_hospital_facility_info_20251201.zip', zipSync({ '01-1_hospital_facility_info_20251201.csv': new TextEncoder().encode(naviiOther) }));
  put('www.mhlw.go.jp/content/11121000/02-1_clinic_facility_info_20251201.zip', zipSync({ '02-1_clinic_facility_info_20251201.csv': new TextEncoder().encode(naviiOther) }));
  put('nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-N03-2024.html', `<a href="../data/N03/N03-2024/N03-20240101_30_GML.zip">和歌山</a><a href="../data/N03/N03-2024/N03-20240101_31_GML.zip">鳥取</a>`);
  put('nlftp.mlit.go.jp/ksj/gml/data/N03/N03-2024/N03-20240101_31_GML.zip', zipSync({ 'N03-20240101_31.geojson': F('n03_small.geojson'), 'N03-20240101_31.shp': new Uint8Array([0]) }));
  put('japanese-addresses.geolonia.com/api/ja.json', JSON.stringify({ 鳥取県: ['鳥取市'], 島根県: ['松江市'] }));
  put('japanese-addresses.geolonia.com/api/ja/鳥取県/鳥取市.json', F('geocode/鳥取県/鳥取市.json'));

  server = createServer((req, res) => {
    try {
      res.end(readFileSync(join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname))));
    } catch {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  mirror = `http://127.0.0.1:${addr.port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetch-open-data', () => {
  it('finds each source on its index page, keeps the prefecture’s rows, and the import reads the result', async () => {
    const out = mkdtempSync(join(tmpdir(), 'renkei-raw-'));
    const report = await fetchOpenData({ pref: '31', out, mirror });
    expect(report.failed).toEqual([]);
    const files = report.written.map((w) => [w.source, w.path.slice(out.length + 1), w.rows ?? null]);
    expect(files).toEqual([
      ['kaigo', 'kaigo/jigyosho_510_31.csv', 6],
      ['kaigo', 'kaigo/jigyosho_320_31.csv', 2],
      ['meibo', 'kouseikyoku/000112.xlsx', null],
      ['navii', 'navii/hospital_facility_info_20251201_31.csv', 3],
      ['navii', 'navii/clinic_facility_info_20251201_31.csv', 3],
      ['n03', 'n03/N03-20240101_31.geojson', null],
      ['towns', 'geocode/鳥取県/鳥取市.json', null],
    ]);
    expect(readFileSync(join(out, 'SOURCES.md'), 'utf8')).toContain('jigyosho_510.csv');

    const db = memoryDb();
    const s = await importPaths(db, [out], { now: new Date('2026-11-01T00:00:00Z') });
    expect(new Set(s.files.map((f) => f.kind))).toEqual(new Set(['kaigo_open_data', 'kouseikyoku_meibo', 'navii', 'n03_boundaries', 'town_points']));
    expect(db.$client.prepare("select count(*) n from facilities where care_office_number like '13%'").get()).toEqual({ n: 0 });
    expect(s.reconcile.navii.matched).toBe(2);
    expect(s.files.find((f) => f.kind === 'navii')?.asOf).toBe('2025-12-01');
  });

  it('reports a source it cannot find and carries on with the others', async () => {
    const out = mkdtempSync(join(tmpdir(), 'renkei-raw-'));
    const report = await fetchOpenData({ pref: '31', out, mirror, index: { n03: 'https://nlftp.mlit.go.jp/ksj/gml/datalist/missing.html' } });
    expect(report.failed).toEqual([{ source: 'n03', message: 'https://nlftp.mlit.go.jp/ksj/gml/datalist/missing.html: HTTP 404' }]);
    expect(readdirSync(out).sort()).toEqual(['SOURCES.md', 'geocode', 'kaigo', 'kouseikyoku', 'navii']);
  });

  it('rejects an unknown prefecture code', async () => {
    await expect(fetchOpenData({ pref: '48', out: root, mirror })).rejects.toThrow(/--pref: expected a prefecture code 01–47, got "48"/);
  });
});
