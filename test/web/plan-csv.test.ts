import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/import/csv-table';
import { withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';
import type { PlanResponse } from '../../web/src/api';
import { en } from '../../web/src/i18n/en';
import { ja } from '../../web/src/i18n/ja';
import { toCsv } from '../../web/src/lib/export';
import { planCsv } from '../../web/src/lib/plan-csv';

// 北海道's codes start with 0: the zeros Excel would drop.
const tokuyo = withCareOfficeCheckDigit('017000001');
const grouphome = withCareOfficeCheckDigit('017000002');
const hospital = withMedicalCheckDigit('011000001');
const clinic = withMedicalCheckDigit('011000002');

const plan: Pick<PlanResponse, 'assignments' | 'uncoverable'> = {
  assignments: [
    {
      facilityId: `${tokuyo}-510`, name: '特養しらかば', status: 'partial', municipalityCode: '011002', municipalityName: '札幌市', position: [141.35, 43.06], totalMinutes: 25,
      partners: [
        { code: hospital, name: '札幌中央病院', kind: 'hospital', gives: ['admit'], minutes: 15, position: [141.36, 43.07] },
        { code: clinic, name: 'すずらん診療所', kind: 'clinic', gives: ['consult', 'examine'], minutes: 10, position: [141.34, 43.05] },
      ],
    },
  ],
  uncoverable: [{ facilityId: `${grouphome}-320`, name: 'GHはまなす', status: 'unknown', municipalityCode: null, municipalityName: null, missing: null, searched: ['consult', 'examine'], basis: 'unknown', reason: 'no_position', unreachable: [] }],
};

describe('the plan CSV', () => {
  it('names every facility and institution by code, with the names, the status and what the plan gives', () => {
    const { columns, rows } = planCsv(plan, (k) => ja[k]);
    expect(columns.map((c) => c.title)).toEqual(['事業所番号', 'サービスコード', '種別', '名称', '市区町村コード', '市区町村', '状況', '計画', '医療機関コード', '協力医療機関（案）', '要件', '移動時間（分）']);
    expect(columns.filter((c) => c.kind === 'code').map((c) => c.title)).toEqual(['事業所番号', 'サービスコード', '市区町村コード', '医療機関コード']);
    expect(rows).toEqual([
      [tokuyo, '510', '介護老人福祉施設', '特養しらかば', '011002', '札幌市', '一部', '割当て', hospital, '札幌中央病院', '③', 15],
      [tokuyo, '510', '介護老人福祉施設', '特養しらかば', '011002', '札幌市', '一部', '割当て', clinic, 'すずらん診療所', '①②', 10],
      [grouphome, '320', expect.stringContaining('認知症'), 'GHはまなす', '', '', '未把握', '位置が不明', '', '', '①②', ''],
    ]);
  });
  it('has English headers in English, the status still by its Japanese name', () => {
    const { columns, rows } = planCsv(plan, (k) => en[k]);
    expect(columns.map((c) => c.title).slice(0, 2)).toEqual(['Care office no.', 'Service code']);
    expect(rows[0]![6]).toBe('一部');
  });
  it('comes back from the file with every code whole', () => {
    const { columns, rows } = planCsv(plan, (k) => ja[k]);
    const csv = toCsv(columns, rows);
    expect(csv).toContain(`"=""${tokuyo}"""`);
    const read = parseCsv(csv, 'plan.csv').slice(1).map((r) => [r.cells[0], r.cells[1], r.cells[8]]);
    expect(read).toEqual([[tokuyo, '510', hospital], [tokuyo, '510', clinic], [grouphome, '320', '']]);
    expect(read[0]![0]).toMatch(/^0/);
  });
});
