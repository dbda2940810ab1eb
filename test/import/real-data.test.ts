import { readdirSync, readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { serviceCodeFromOpenDataName } from '../../server/domain/facility-types';
import { isRelevantSymbol } from '../../server/domain/institution-offers';
import { formatProblem } from '../../server/import/problems';
import { importPaths, type ImportSummary } from '../../server/import/run-import';
import { memoryDb, tableCounts } from '../helpers/db';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';

const NOW = { now: new Date('2026-11-01T00:00:00Z') };

/**
 * Everything in ../shared/data/tottori (or REAL_DATA_DIR) through the real import path, checked
 * against figures computed independently from the files themselves.
 */
describe.skipIf(!hasRealData)(`real Tottori files${hasRealData ? '' : ` — skipped: ${realDataSkipReason}`}`, () => {
  let db: Db;
  let summary: ImportSummary;
  const dir = realPath('tottori');
  const q = <T>(sql: string) => db.$client.prepare(sql).all() as T[];

  beforeAll(async () => {
    db = memoryDb();
    summary = await importPaths(db, [dir], NOW);
  }, 60_000);

  it('imports every file with no row errors', () => {
    expect(summary.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([]);
    expect(new Set(summary.files.map((f) => f.kind))).toEqual(new Set(['n03_boundaries', 'town_points', 'kaigo_open_data', 'kouseikyoku_meibo', 'navii']));
  });

  it('keeps, per service code, exactly the distinct 事業所番号 of the CSVs', () => {
    const expected = new Map<string, Set<string>>();
    for (const f of readdirSync(dir).filter((n) => n.startsWith('kaigo_'))) {
      for (const line of readFileSync(`${dir}/${f}`, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean)) {
        const cells = line.split(',');
        const code = serviceCodeFromOpenDataName(cells[6] as string);
        if (code) expected.set(code, (expected.get(code) ?? new Set()).add(cells[15] as string));
      }
    }
    const actual = q<{ c: string; n: number }>('select service_code c, count(*) n from facilities group by 1');
    expect(Object.fromEntries(actual.map((r) => [r.c, r.n]))).toEqual(Object.fromEntries([...expected].map(([c, s]) => [c, s.size])));
  });

  it('places every facility inside its own municipality', () => {
    const rows = q<{ lat: number; lng: number; boundary: string; p: string }>(
      'select f.lat, f.lng, m.boundary, f.geocode_precision p from facilities f join municipalities m on m.code = f.municipality_code',
    );
    expect(rows.length).toBe(144);
    expect(rows.filter((r) => r.lat === null)).toEqual([]);
    expect(rows.filter((r) => !booleanPointInPolygon(point([r.lng, r.lat]), JSON.parse(r.boundary)))).toEqual([]);
    // The one row without coordinates in the file is placed from its address.
    expect(rows.filter((r) => r.p !== 'source').map((r) => r.p)).toEqual(['town']);
  });

  it('counts the 医科 institutions holding 支援診/支援病/在後病/地包ケア/地包医, classified hospital or clinic', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${dir}/31_tottori_todokede_ika_2025-10.xlsx`) as never);
    const kinds = new Map<string, string>();
    wb.worksheets[0]!.eachRow((row, n) => {
      const v = row.values as string[];
      if (n > 4 && v[4] === '医科' && isRelevantSymbol(String(v[15]))) kinds.set(String(v[5]), String(v[24]));
    });
    const expectedHospitals = [...kinds.values()].filter((k) => k === '病院').length;
    const rows = q<{ kind: string; n: number }>(`select kind, count(*) n from institutions i where exists (select 1 from institution_notifications n
      where n.institution_code = i.code and (n.symbol like '支援診%' or n.symbol like '支援病%' or n.symbol = '在後病' or n.symbol like '地包ケア%' or n.symbol = '地包医')) group by kind`);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    console.log(`名簿: ${kinds.size} 医科 institutions hold a relevant notification:`, byKind);
    expect(byKind).toEqual({ hospital: expectedHospitals, clinic: kinds.size - expectedHospitals });
  });

  it('places at least 90% of those at town precision or better', () => {
    const rows = q<{ p: string; n: number }>(`select geocode_precision p, count(*) n from institutions i where exists (select 1 from institution_notifications n
      where n.institution_code = i.code and (n.symbol like '支援%' or n.symbol = '在後病' or n.symbol like '地包%')) group by 1`);
    const by = Object.fromEntries(rows.map((r) => [r.p, r.n]));
    const total = rows.reduce((s, r) => s + r.n, 0);
    console.log('positions of the notified institutions:', by);
    expect(((by.source ?? 0) + (by.town ?? 0)) / total).toBeGreaterThanOrEqual(0.9);
  });

  it('reports the ナビイ join for hospitals: 39 of the 43 in the 名簿', () => {
    expect(summary.reconcile.navii).toEqual({ rows: 39, matched: 39, hospitalsInLists: 43, hospitalsMatched: 39 });
  });

  it('geocodes close to ナビイ’s own coordinates (median under 0.5 km)', async () => {
    const { TownGeocoder } = await import('../../server/import/geocoder');
    const { haversineKm } = await import('../../server/domain/geo');
    const g = new TownGeocoder(q('select pref_name prefName, municipality_name municipalityName, town, koaza, lat, lng from town_points'));
    const d = q<{ address: string; lat: number; lng: number }>('select i.address, n.lat, n.lng from institutions i join navii_facilities n on n.institution_code = i.code where n.lat is not null')
      .map((r) => ({ r, g: g.geocode(r.address) }))
      .filter((x) => x.g?.precision === 'town')
      .map((x) => haversineKm([x.r.lng, x.r.lat], [x.g!.lng, x.g!.lat]))
      .sort((a, b) => a - b);
    expect(d.length).toBeGreaterThan(25);
    expect(d[Math.floor(d.length / 2)]).toBeLessThan(0.5);
  });

  it('stores each source’s as-of date and attribution', () => {
    const meibo = q<{ as_of: string; attribution: string }>("select as_of, attribution from datasets where kind = 'kouseikyoku_meibo'")[0];
    expect(meibo).toEqual({ as_of: '2025-10-01', attribution: '地方厚生局 届出受理医療機関名簿' });
    expect(q<{ as_of: string }>("select as_of from datasets where kind = 'navii'")[0]?.as_of).toBe('2025-06-01');
  });

  it('changes nothing when run again', async () => {
    const before = tableCounts(db);
    const again = await importPaths(db, [dir], NOW);
    expect(again.files.filter((f) => f.imported + f.updated + f.withdrawn > 0).map((f) => f.path)).toEqual([]);
    expect(tableCounts(db)).toEqual(before);
  });
});

describe.skipIf(!hasRealData)('the 厚生局 format samples', () => {
  it('reads Saga (九州: continuation rows in 備考) with zero errors, one notification per 番号+記号+受理番号', async () => {
    const db = memoryDb();
    const s = await importPaths(db, [realPath('format-samples/41_saga_todokede_ika_2025-10_with_biko_rows.xlsx')], NOW);
    expect(s.problems.filter((p) => p.level === 'error')).toEqual([]);
    const f = s.files[0]!;
    expect(f).toMatchObject({ kind: 'kouseikyoku_meibo', rows: 12456 });
    expect(f.notes[0]).toMatch(/standard layout/);
    const dup = db.$client.prepare('select count(*) n from (select institution_code, symbol, accepted_number from institution_notifications group by 1,2,3 having count(*) > 1)').get();
    expect(dup).toEqual({ n: 0 });
    // Saga leaves 種別 blank: the kind comes from 病床数 or the notifications, else stays unknown.
    const kinds = Object.fromEntries((db.$client.prepare('select kind, count(*) n from institutions group by 1').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
    expect(kinds.hospital).toBeGreaterThan(50);
    expect(kinds.clinic).toBeGreaterThan(50);
  }, 60_000);

  it('reads Yamanashi’s 項目別2 layout (no 区分/種別, 医科 in the title) with zero errors, merging its notifications', async () => {
    const db = memoryDb();
    const s = await importPaths(db, [realPath('format-samples/19_yamanashi_koumokubetsu2_ika_r0802.xlsx')], NOW);
    expect(s.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(s.files[0]).toMatchObject({ kind: 'kouseikyoku_meibo', asOf: '2026-01-01' });
    expect(s.files[0]!.notes[0]).toMatch(/項目別 layout/);
    const inst = db.$client.prepare("select name, beds, postal_code from institutions where code = '1910112398'").get();
    expect(inst).toEqual({ name: '山梨県立中央病院', beds: 644, postal_code: '400-8506' });
  });
});
