import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/import/csv-table';
import { pointFeatures, toCsv } from '../../web/src/lib/export';

const body = (csv: string) => csv.slice(1).split('\r\n');

describe('CSV for Japanese Excel', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(['名称', '不足', '備考'], [['特養「さくら」', '①,③', 'a "quoted" word'], ['老健', null, 3]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(body(csv)).toEqual(['名称,不足,備考', '特養「さくら」,"①,③","a ""quoted"" word"', '老健,,3', '']);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
  it('keeps text Excel would run as a formula as text, and numbers as numbers', () => {
    const csv = toCsv(['名称', '日数'], [['=HYPERLINK("http://x")', -5], ['@SUM(A1)', 3], ['+81-3', 0], ['-出張所', 1]]);
    expect(body(csv).slice(1, 5)).toEqual(['"\'=HYPERLINK(""http://x"")",-5', "'@SUM(A1),3", "'+81-3,0", "'-出張所,1"]);
  });
  it('writes code columns as ="…" text formulas, so Excel keeps their leading zeros', () => {
    const csv = toCsv([{ title: '事業所番号', kind: 'code' }, { title: '医療機関コード', kind: 'code' }, '名称', { title: '分', kind: 'number' }], [['0112345678', '0110000012', '札幌の家', 12], ['', null, '空', 0]]);
    expect(body(csv)).toEqual(['事業所番号,医療機関コード,名称,分', '"=""0112345678""","=""0110000012""",札幌の家,12', ',,空,0', '']);
  });
  it('never writes a formula into a code column from something that is not a code', () => {
    const csv = toCsv([{ title: 'コード', kind: 'code' }], [['=1+1'], ['-0123'], ['01 23'], ['0857-22-1234']]);
    expect(body(csv).slice(1, 5)).toEqual(["'=1+1", "'-0123", '01 23', '"=""0857-22-1234"""']);
  });
  it('guards free-text cells whatever the columns around them are', () => {
    const csv = toCsv([{ title: 'コード', kind: 'code' }, '名称'], [['0100000000', '=cmd|"/c calc"!A1']]);
    expect(body(csv)[1]).toBe('"=""0100000000""","\'=cmd|""/c calc""!A1"');
  });
  it('is read back by the importers’ CSV reader with the codes whole and free text as written', () => {
    const csv = toCsv([{ title: '事業所番号', kind: 'code' }, '名称'], [['0112345678', '=SUM(A1)'], ['0000000001', 'ふつう']]);
    expect(parseCsv(csv, 'export.csv').map((r) => r.cells)).toEqual([['事業所番号', '名称'], ['0112345678', "'=SUM(A1)"], ['0000000001', 'ふつう']]);
  });
});

describe('GeoJSON points', () => {
  it('keeps what has no position as a feature with geometry null and unplaced: true, and counts them', () => {
    const items = [{ id: 'a', position: [133.2, 35.4] as [number, number] }, { id: 'b', position: null }, { id: 'c', position: null }];
    const { fc, unplaced } = pointFeatures(items, (i) => ({ id: i.id }));
    expect(unplaced).toBe(2);
    expect(fc.features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [133.2, 35.4] }, properties: { id: 'a', unplaced: false } },
      { type: 'Feature', geometry: null, properties: { id: 'b', unplaced: true } },
      { type: 'Feature', geometry: null, properties: { id: 'c', unplaced: true } },
    ]);
  });
});
