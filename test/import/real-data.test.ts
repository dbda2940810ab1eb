import { readdirSync, readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { importPaths, type ImportSummary } from '../../server/import/run-import';
import { serviceCodeFromOpenDataName } from '../../server/domain/facility-types';
import { memoryDb } from '../helpers/db';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';

/**
 * The importers on real government files for 鳥取県 (../shared/data, or REAL_DATA_DIR): the 介護
 * open data, N03 boundaries and the ナビイ hospital subset. (The 名簿 is .xlsx: read from issue 3 on.)
 */
describe.skipIf(!hasRealData)(`real Tottori files${hasRealData ? '' : ` — skipped: ${realDataSkipReason}`}`, () => {
  let db: Db;
  let summary: ImportSummary;
  const dir = realPath('tottori');
  const kaigoFiles = hasRealData ? readdirSync(dir).filter((f) => f.startsWith('kaigo_')).map((f) => `${dir}/${f}`) : [];

  beforeAll(() => {
    db = memoryDb();
    summary = importPaths(db, [`${dir}/n03_2021_tottori_municipalities.geojson`, ...kaigoFiles, `${dir}/navii_hospital_facility_20250601_tottori_subset.csv`], {
      now: new Date('2026-11-01T00:00:00Z'),
    });
  });

  it('imports them with no row errors', () => {
    expect(summary.problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('keeps, per service code, exactly the distinct 事業所番号 of the CSVs (services outside the rule skipped)', () => {
    const expected = new Map<string, Set<string>>();
    for (const f of kaigoFiles) {
      for (const line of readFileSync(f, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean)) {
        const cells = line.split(',');
        const code = serviceCodeFromOpenDataName(cells[6] as string);
        if (code) expected.set(code, (expected.get(code) ?? new Set()).add(cells[15] as string));
      }
    }
    const actual = db.$client.prepare('select service_code c, count(*) n from facilities group by 1').all() as { c: string; n: number }[];
    expect(Object.fromEntries(actual.map((r) => [r.c, r.n]))).toEqual(Object.fromEntries([...expected].map(([c, s]) => [c, s.size])));
    expect(actual.reduce((s, r) => s + r.n, 0)).toBe(144);
  });

  it('dissolves the 19 municipalities with valid 6-digit codes', () => {
    const codes = (db.$client.prepare('select code from municipalities where boundary is not null').all() as { code: string }[]).map((r) => r.code);
    expect(codes).toHaveLength(19);
    expect(codes).toContain('312011');
  });

  it('places every facility that has coordinates inside its own municipality polygon', () => {
    const rows = db.$client
      .prepare('select f.lat, f.lng, m.boundary from facilities f join municipalities m on m.code = f.municipality_code where f.lat is not null')
      .all() as { lat: number; lng: number; boundary: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(140);
    const outside = rows.filter((r) => !booleanPointInPolygon(point([r.lng, r.lat]), JSON.parse(r.boundary)));
    expect(outside).toEqual([]);
  });

  it('treats blank or 0 定員 as unknown, never 0', () => {
    expect(db.$client.prepare('select count(*) n from facilities where capacity = 0').get()).toEqual({ n: 0 });
    expect((db.$client.prepare('select count(*) n from facilities where capacity is null').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('reads the ナビイ hospital subset (no 名簿 to join to yet: every row reported unmatched)', () => {
    const navii = summary.files.find((f) => f.kind === 'navii');
    expect(navii).toMatchObject({ rows: 39, skipped: 39 });
  });
});
