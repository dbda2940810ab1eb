import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db/client';
import { FACILITY_TYPES, facilityTypeOf } from '../../server/domain/facility-types';
import { importPaths } from '../../server/import/run-import';
import { memoryDb } from '../helpers/db';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';

/**
 * GET /api/gaps on the real Tottori files: the MHLW-survey-shaped table is printed, and its totals
 * are checked against the facilities in the database, counted independently by SQL.
 */
describe.skipIf(!hasRealData)(`coverage gaps on the real Tottori data${hasRealData ? '' : ` — skipped: ${realDataSkipReason}`}`, () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as any;
  };

  beforeAll(async () => {
    db = memoryDb();
    const summary = await importPaths(db, [realPath('tottori')], { now: new Date('2026-11-01T00:00:00Z') });
    expect(summary.ok).toBe(true);
    app = createApp({ db, now: () => new Date('2026-11-22T09:00:00+09:00') });
  }, 60_000);

  it('prints the survey table for 鳥取県, its totals matching the facility counts', async () => {
    const body = await get('/api/gaps?prefecture=31&maxMinutes=30');
    const rows = db.$client.prepare("select service_code c, municipality_code m from facilities where municipality_code like '31%'").all() as { c: string; m: string }[];
    const byType = new Map<string, number>();
    for (const r of rows) byType.set(facilityTypeOf(r.c).key, (byType.get(facilityTypeOf(r.c).key) ?? 0) + 1);

    const cells = (xs: (string | number | null)[]) => xs.map((x) => String(x ?? '—').padStart(6)).join('');
    console.log(
      [
        `鳥取県 — coverage gaps within ${body.maxMinutes} min (${body.summary.counts.total} facilities)`,
        `${cells(['n', 'known', 'ⅰ', 'ⅱ', 'ⅲ', 'all'])}  type`,
        ...(body.summary.survey as any[])
          .filter((r) => r.facilities > 0)
          .map((r) => `${cells([r.facilities, r.known, r.metI, r.metII, r.metIII, r.allMet])}  ${FACILITY_TYPES[r.type as keyof typeof FACILITY_TYPES].shortJa}`),
        `status: ${JSON.stringify(body.summary.counts)}`,
        `structural: ${JSON.stringify(body.summary.structural)}`,
      ].join('\n'),
    );

    expect(rows.length).toBe(144);
    const { counts, survey, structural } = body.summary;
    expect(counts.total).toBe(rows.length);
    expect(counts.covered + counts.partial + counts.none + counts.unknown).toBe(counts.total);
    // No filing is in the public data: every facility's partner situation is 未把握.
    expect(counts.unknown).toBe(counts.total);
    expect(Object.fromEntries(survey.filter((r: any) => r.facilities > 0).map((r: any) => [r.type, r.facilities]))).toEqual(Object.fromEntries(byType));
    for (const r of survey) expect([r.known, r.metI, r.metII, r.metIII ?? 0, r.allMet]).toEqual([0, 0, 0, 0, 0]);

    // Per municipality, the same facilities again.
    const perMunicipality = new Map<string, number>();
    for (const r of rows) perMunicipality.set(r.m, (perMunicipality.get(r.m) ?? 0) + 1);
    expect(Object.fromEntries(body.municipalities.map((m: any) => [m.code, m.counts.total]))).toEqual(Object.fromEntries(perMunicipality));
    expect(body.structuralGaps.length).toBeLessThanOrEqual(counts.total);
    expect(structural.noAdmitHospital + structural.noCombination).toBeGreaterThanOrEqual(body.structuralGaps.length);
    expect(structural.unplaced).toBe(0);
  });

  it('finds fewer structural gaps the farther one may travel, and none of ③ for types that do not need it', async () => {
    const near = await get('/api/gaps?prefecture=31&maxMinutes=15');
    const far = await get('/api/gaps?prefecture=31&maxMinutes=60');
    console.log(`structural gaps: ${near.structuralGaps.length} within 15 min, ${far.structuralGaps.length} within 60 min`);
    const farIds = new Set(far.structuralGaps.map((g: any) => g.facilityId));
    for (const g of far.structuralGaps) expect(near.structuralGaps.some((n: any) => n.facilityId === g.facilityId), g.facilityId).toBe(true);
    expect(farIds.size).toBeLessThanOrEqual(near.structuralGaps.length);
    for (const g of near.structuralGaps) {
      if (!FACILITY_TYPES[facilityTypeOf(g.serviceCode).key].required.includes('admit')) {
        expect(g.noAdmitHospital).toBe(false);
        expect(g.unreachable).not.toContain('admit');
      }
    }
    // A municipality's own table is its share of the prefecture's.
    const m = near.municipalities[0];
    const own = await get(`/api/gaps?municipality=${m.code}&maxMinutes=15`);
    expect(own.summary.counts).toEqual(m.counts);
  });
});
