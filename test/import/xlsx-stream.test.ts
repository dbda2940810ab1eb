import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../../server/import/csv-table';
import { streamXlsxSheets } from '../../server/import/xlsx-stream';
import { cellText } from '../../server/import/xlsx-rows';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';

/** Every sheet's rows as the streaming reader gives them. */
function streamed(bytes: Uint8Array): Record<string, CsvRow[]> {
  const out: Record<string, CsvRow[]> = {};
  streamXlsxSheets(bytes, 'book.xlsx', (name) => {
    out[name] = [];
    return { row: (r) => out[name]!.push(r) };
  });
  return out;
}

/** The same rows read by exceljs's whole-workbook reader (what the import used before). */
async function whole(bytes: Uint8Array): Promise<Record<string, CsvRow[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: Record<string, CsvRow[]> = {};
  for (const ws of wb.worksheets) {
    out[ws.name] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => out[ws.name]!.push({ line, cells: Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText) }));
  }
  return out;
}

describe('streaming .xlsx rows', () => {
  it('reads shared and rich strings, numbers, dates, booleans, gaps and several sheets as exceljs does', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('名簿');
    a.addRow(['[令和７年１０月１日 現在 ]']);
    a.addRow(['項番', '医療機関名称', '病床数', '算定開始年月日', '有効']);
    a.addRow([1, { richText: [{ text: '医療法人' }, { text: '　テスト病院' }] }, 120, new Date('2025-04-01T00:00:00Z'), true]);
    a.getCell('A5').value = 'after a blank row';
    a.getCell('D5').value = 'gap before';
    wb.addWorksheet('空').addRow([]);
    wb.addWorksheet('二枚目').addRow(['x', 2.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const got = streamed(bytes);
    expect(got).toEqual(await whole(bytes));
    expect(got['名簿']![2]).toEqual({ line: 3, cells: ['1', '医療法人　テスト病院', '120', '2025-04-01', 'true'] });
    expect(got['名簿']![3]).toEqual({ line: 5, cells: ['after a blank row', '', '', 'gap before'] });
  });

  it('leaves furigana (<rPh>) out of a shared string and reads inline strings', () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/sharedStrings.xml': strToU8('<sst><si><t>鳥取</t><rPh sb="0" eb="2"><t>トットリ</t></rPh></si></sst>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>直接</t></is></c></row></sheetData></worksheet>'),
    });
    expect(streamed(bytes)).toEqual({ S: [{ line: 2, cells: ['', '鳥取', '直接'] }] });
  });

  it('refuses a damaged archive or a sheet that is not XML, naming the file', () => {
    const bad = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row><c></row>'),
    });
    expect(() => streamed(bad)).toThrow(/book\.xlsx:-:- — Not a readable Excel file \(truncated or damaged\?\): xl\/worksheets\/sheet1\.xml/);
    expect(() => streamed(bad.subarray(0, 40))).toThrow(/book\.xlsx:-:- — Not a readable Excel file/);
  });

  it.skipIf(!hasRealData)(`gives exactly exceljs's rows for the three real 名簿 files (${hasRealData ? 'present' : realDataSkipReason})`, async () => {
    for (const f of ['tottori/31_tottori_todokede_ika_2025-10.xlsx', 'format-samples/41_saga_todokede_ika_2025-10_with_biko_rows.xlsx', 'format-samples/19_yamanashi_koumokubetsu2_ika_r0802.xlsx']) {
      const bytes = new Uint8Array(readFileSync(realPath(f)));
      expect(streamed(bytes), f).toEqual(await whole(bytes));
    }
  }, 60_000);
});
