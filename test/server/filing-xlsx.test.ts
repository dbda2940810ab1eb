import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FILING_LAYOUTS, partnerBlockRow, type FilingData, type FilingField, type FilingPartner, type HeaderKey } from '../../server/domain/filing-form';
import { placeRange, topLeft } from '../../server/domain/a1-range';
import { withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';
import { filingHtml } from '../../server/features/filings/filing-html';
import { FilingReadError, readFilingXlsx, writeFilingXlsx } from '../../server/features/filings/filing-xlsx';

// Fictional facilities and institutions; codes carry valid check digits.
const partner = (n: number, over: Partial<FilingPartner> = {}): FilingPartner => ({
  name: `架空第${n}病院`, institutionCode: withMedicalCheckDigit(`31101${String(n).padStart(4, '0')}`), address: `鳥取県架空市本町${n}丁目`,
  phone: `0857-00-00${String(n).padStart(2, '0')}`, consult: true, examine: n % 2 === 1, admit: false, confirmedOn: '2026-04-10', agreedOn: '2024-04-01', ...over,
});
const tokuyo = (over: Partial<FilingData> = {}): FilingData => ({
  form: '別紙1', fiscalYear: 2026, submittedOn: '2026-04-30', addressee: '鳥取県知事', operatorName: '社会福祉法人架空会', representative: '理事長　架空太郎',
  facility: { name: '特別養護老人ホーム架空の郷', careOfficeNumber: withCareOfficeCheckDigit('317000001'), serviceCode: '510', serviceTypeJa: '介護老人福祉施設', address: '鳥取県架空市1-2-3', phone: '0857-11-1111' },
  partners: [partner(1, { admit: true }), partner(2, { address: null, phone: null, confirmedOn: null })],
  unmet: null,
  infection: { agreed: true, withWhom: '架空第1病院' },
  ...over,
});
const groupHome = (over: Partial<FilingData> = {}): FilingData => ({
  form: '別紙3', fiscalYear: 2026, submittedOn: null, addressee: '架空市長', operatorName: '株式会社架空ケア', representative: null,
  facility: { name: 'グループホーム架空の家', careOfficeNumber: withCareOfficeCheckDigit('317000002'), serviceCode: '320', serviceTypeJa: '認知症対応型共同生活介護', address: null, phone: null },
  partners: [partner(3), partner(4, { examine: true })],
  unmet: { requirements: ['examine'], plan: '架空市内の診療所と協議中。\n令和8年度中に協定を締結する予定。', targetDate: '2027-03-31' },
  infection: { agreed: false, withWhom: null },
  ...over,
});

async function sheetOf(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}
const edited = async (buf: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  edit(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
/** What a value cell must hold: ○ or blank for a box, a real Date for a date, the number for the year. */
function cellFor(f: FilingField, v: unknown): unknown {
  if (f.kind === 'flag') return v ? '○' : null;
  if (f.kind === 'date') return v === null ? null : new Date(`${String(v)}T00:00:00Z`);
  return v;
}
/** Expected header cells, written out by hand (not computed by the code under test). */
function expectedHeader(d: FilingData): Record<HeaderKey, unknown> {
  const unmet = d.unmet?.requirements ?? [];
  return {
    fiscalYear: d.fiscalYear, submittedOn: d.submittedOn, addressee: d.addressee, operatorName: d.operatorName, representative: d.representative,
    'facility.name': d.facility.name, 'facility.careOfficeNumber': d.facility.careOfficeNumber, 'facility.serviceCode': d.facility.serviceCode,
    'facility.serviceTypeJa': d.facility.serviceTypeJa, 'facility.address': d.facility.address, 'facility.phone': d.facility.phone,
    'unmet.consult': unmet.includes('consult'), 'unmet.examine': unmet.includes('examine'), 'unmet.admit': unmet.includes('admit'),
    'unmet.plan': d.unmet?.plan ?? null, 'unmet.targetDate': d.unmet?.targetDate ?? null,
    'infection.agreed': d.infection.agreed, 'infection.withWhom': d.infection.withWhom,
  };
}
const allTexts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
};
async function readError(buf: Buffer, file = 'filing.xlsx'): Promise<FilingReadError> {
  const e = await readFilingXlsx(buf, file).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(FilingReadError);
  return e as FilingReadError;
}

describe.each([
  ['特養 (別紙1, ③ asked)', tokuyo(), true],
  ['グループホーム (別紙3, no ③)', groupHome(), false],
] as const)('writeFilingXlsx — %s', (_name, data, asksAdmit) => {
  const layout = FILING_LAYOUTS[data.form];

  it('names the one sheet after the form and sets A4 portrait, fit to width', async () => {
    const ws = await sheetOf(await writeFilingXlsx(data));
    expect(ws.name).toBe(data.form);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('puts every header field and its label at the table’s address', async () => {
    const ws = await sheetOf(await writeFilingXlsx(data));
    const expected = expectedHeader(data);
    expect(Object.keys(expected).sort()).toEqual(layout.fields.map((f) => f.key).sort());
    for (const f of layout.fields) {
      if (f.admitOnly && !asksAdmit) continue;
      expect(ws.getCell(topLeft(f.labelAt)).value, `label ${f.key}`).toBe(f.label);
      expect(ws.getCell(topLeft(f.valueAt)).value, `${f.key} at ${f.valueAt}`).toEqual(cellFor(f, expected[f.key]));
    }
    expect(ws.getCell('A2').value).toBe('協力医療機関に関する届出書');
    expect(ws.getCell(topLeft(layout.fields.find((f) => f.kind === 'date')!.valueAt)).numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  it('puts every partner field in its block, and prints 5 blocks on the form', async () => {
    const ws = await sheetOf(await writeFilingXlsx(data));
    data.partners.forEach((p, i) => {
      const row = partnerBlockRow(layout, i);
      expect(ws.getCell(topLeft(placeRange(layout.partners.title.at, row))).value).toBe(`協力医療機関（${i + 1}）`);
      for (const f of layout.partners.fields) {
        if (f.admitOnly && !asksAdmit) continue;
        expect(ws.getCell(topLeft(placeRange(f.labelAt, row))).value, `label ${f.key}`).toBe(f.label);
        expect(ws.getCell(topLeft(placeRange(f.valueAt, row))).value, `partner ${i} ${f.key}`).toEqual(cellFor(f, p[f.key]));
      }
    });
    const lastBlock = partnerBlockRow(layout, 4);
    expect(ws.getCell(topLeft(placeRange('A1', lastBlock))).value).toBe('協力医療機関（5）');
    expect(ws.getCell(topLeft(placeRange(layout.partners.fields[0]!.valueAt, lastBlock))).value).toBeNull();
    expect(ws.getCell(layout.partners.overflowHeading.at.split(':')[0]!).value).toBeNull();
  });

  it(asksAdmit ? 'asks ③ in the legend, each block and the unmet section' : 'leaves ③ off the sheet entirely', async () => {
    const ws = await sheetOf(await writeFilingXlsx(data));
    const admitCells = [
      layout.texts.find((t) => t.id === 'legend.admit')!.at,
      layout.fields.find((f) => f.key === 'unmet.admit')!.labelAt,
      placeRange(layout.partners.fields.find((f) => f.key === 'admit')!.labelAt, layout.partners.firstRow),
    ].map(topLeft);
    for (const cell of admitCells) expect(String(ws.getCell(cell).value ?? ''), cell).toMatch(asksAdmit ? /^③/ : /^$/);
    expect(allTexts(ws).some((t) => t.includes('③'))).toBe(asksAdmit);
  });

  it('reads back exactly what it wrote', async () => {
    expect(await readFilingXlsx(await writeFilingXlsx(data), 'filing.xlsx')).toEqual(data);
  });
});

describe('more partners than blocks on the form', () => {
  const data = tokuyo({ partners: Array.from({ length: 7 }, (_, i) => partner(i + 1, { admit: i === 0 })) });

  it('continues below the last section, under its own heading, block after block', async () => {
    const ws = await sheetOf(await writeFilingXlsx(data));
    const layout = FILING_LAYOUTS['別紙1'];
    expect(ws.getCell(topLeft(layout.partners.overflowHeading.at)).value).toBe('【協力医療機関（続き）】');
    const name = layout.partners.fields.find((f) => f.key === 'name')!;
    expect(partnerBlockRow(layout, 5)).toBe(70);
    expect(ws.getCell(topLeft(placeRange(name.valueAt, 70))).value).toBe('架空第6病院');
    expect(ws.getCell(topLeft(placeRange(name.valueAt, 77))).value).toBe('架空第7病院');
    expect(ws.getCell('A77').value).toBe('協力医療機関（7）');
    expect(ws.pageSetup.printArea).toBe('A1:H83');
  });

  it('reads all of them back in order', async () => {
    expect(await readFilingXlsx(await writeFilingXlsx(data), 'filing.xlsx')).toEqual(data);
  });
});

describe('readFilingXlsx on a sheet edited by hand', () => {
  const layout = FILING_LAYOUTS['別紙1'];
  const block = (i: number, a1: string) => topLeft(placeRange(a1, partnerBlockRow(layout, i)));

  it('takes 令和 text, real Date cells, slashes, full-width digits, numbers, 有 and skips an empty block', async () => {
    const data = tokuyo();
    const buf = await edited(await writeFilingXlsx(data), (ws) => {
      ws.getCell('G3').value = '令和８年度';
      ws.getCell('G4').value = '令和8年5月1日';
      ws.getCell('C13').value = data.facility.careOfficeNumber.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      ws.getCell('G13').value = 510;
      ws.getCell(block(0, 'C7')).value = new Date(Date.UTC(2026, 4, 15));
      ws.getCell(block(0, 'G7')).value = '2024/4/1';
      ws.getCell(block(0, 'G6')).value = '有';
      ws.getCell(block(1, 'C6')).value = 'あり';
      ws.getCell(block(1, 'E6')).value = '×';
      // Partner 2 moved to block 4: block 2 left empty.
      for (const a1 of ['C2', 'C3', 'C6', 'E6', 'G6', 'C7', 'G7']) {
        ws.getCell(block(3, a1)).value = ws.getCell(block(1, a1)).value;
        ws.getCell(block(1, a1)).value = null;
      }
      ws.getCell(block(3, 'C3')).value = Number(data.partners[1]!.institutionCode);
      ws.getCell('C66').value = '無';
      ws.getCell('C67').value = '  ';
    });
    expect(await readFilingXlsx(buf, 'edited.xlsx')).toEqual({
      ...data,
      submittedOn: '2026-05-01',
      partners: [{ ...data.partners[0]!, confirmedOn: '2026-05-15' }, { ...data.partners[1]!, consult: true, examine: false }],
      infection: { agreed: false, withWhom: null },
    });
  });

  it('reads an ArrayBuffer and a renamed sheet by its form mark', async () => {
    const data = groupHome();
    const buf = await edited(await writeFilingXlsx(data), (ws) => (ws.name = 'Sheet1'));
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    expect(await readFilingXlsx(ab, 'renamed.xlsx')).toEqual(data);
  });
});

describe('readFilingXlsx errors name the file, sheet and cell', () => {
  const layout = FILING_LAYOUTS['別紙1'];
  const block = (i: number, a1: string) => topLeft(placeRange(a1, partnerBlockRow(layout, i)));

  it('a short 介護保険事業所番号', async () => {
    const e = await readError(await edited(await writeFilingXlsx(tokuyo()), (ws) => (ws.getCell('C13').value = '31B01')));
    expect(e.message).toBe('filing.xlsx: 別紙1!C13 — 介護保険事業所番号: Expected a 10-character 事業所番号 (2 digits, a digit or letter, 7 digits), got "31B01"');
    expect(e.field).toBe('別紙1!C13');
  });
  it('a 医療機関コード failing its check digit, in the second block', async () => {
    const e = await readError(await edited(await writeFilingXlsx(tokuyo()), (ws) => (ws.getCell(block(1, 'C3')).value = '3110100001')));
    expect(e.message).toMatch(new RegExp(`^filing\\.xlsx: 別紙1!${block(1, 'C3')} — 医療機関コード: .*fails its check digit`));
  });
  it('a date that is not a date', async () => {
    const e = await readError(await edited(await writeFilingXlsx(tokuyo()), (ws) => (ws.getCell('G4').value = '令和8年2月30日')));
    expect(e.message).toMatch(/^filing\.xlsx: 別紙1!G4 — 提出日: expected a date such as .*令和8年4月1日, found "令和8年2月30日"$/);
  });
  it('a box with something other than ○ or blank', async () => {
    const e = await readError(await edited(await writeFilingXlsx(tokuyo()), (ws) => (ws.getCell(block(0, 'E6')).value = 'たぶん')));
    expect(e.message).toMatch(new RegExp(`別紙1!${block(0, 'E6')} — ②診療体制を常時確保: expected ○ or blank .*found "たぶん"`));
  });
  it('a partly filled block without its name', async () => {
    const e = await readError(await edited(await writeFilingXlsx(tokuyo()), (ws) => (ws.getCell(block(2, 'C6')).value = '○')));
    expect(e.message).toBe(`filing.xlsx: 別紙1!${block(2, 'C2')} — 協力医療機関の名称: expected a value, found an empty cell`);
  });
  it('③ marked on a グループホーム sheet, which does not ask it', async () => {
    const gh = FILING_LAYOUTS['別紙3'];
    const cell = topLeft(placeRange('G6', partnerBlockRow(gh, 0)));
    const e = await readError(await edited(await writeFilingXlsx(groupHome()), (ws) => (ws.getCell(cell).value = '○')));
    expect(e.message).toMatch(new RegExp(`^filing\\.xlsx: 別紙3!${cell} — ③入院を原則受入れ: ③ is not asked of service 320`));
  });
  it('a service code of the other form', async () => {
    const e = await readError(await edited(await writeFilingXlsx(groupHome()), (ws) => (ws.getCell('G13').value = '510')));
    expect(e.message).toMatch(/^filing\.xlsx: 別紙3!G13 — サービスコード: expected a service code filed on 別紙3/);
  });
  it('a plan without any unmet requirement marked', async () => {
    const e = await readError(await edited(await writeFilingXlsx(tokuyo()), (ws) => (ws.getCell('C62').value = '検討中')));
    expect(e.message).toMatch(/^filing\.xlsx: 別紙1!C61 — ①相談対応を常時確保: .*at least one unmet requirement/);
  });
  it('a workbook without the form, and bytes that are no workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名簿').getCell('A1').value = 'x';
    const other = await readError(Buffer.from(await wb.xlsx.writeBuffer()), 'other.xlsx');
    expect(other.message).toBe('other.xlsx — expected a sheet named 別紙1 or 別紙3 (the 協力医療機関に関する届出書), found "名簿"');
    const junk = await readError(Buffer.from('not a zip'), 'junk.xlsx');
    expect(junk.message).toMatch(/^junk\.xlsx — not a readable \.xlsx file/);
  });
});

describe('filingHtml', () => {
  it('is a printable Japanese page that escapes every text', () => {
    const page = filingHtml(tokuyo({ facility: { ...tokuyo().facility, name: '架空<script>alert("x")</script>&苑' } }));
    expect(page).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(page).toContain('@page { size: A4 portrait;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('架空&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;苑');
  });
  it('lists each partner in its own block, with ③ for a 特養', () => {
    const data = tokuyo({ partners: Array.from({ length: 6 }, (_, i) => partner(i + 1)) });
    const page = filingHtml(data);
    for (const [i, p] of data.partners.entries()) {
      expect(page).toContain(`<caption>協力医療機関（${i + 1}）</caption>`);
      expect(page).toContain(p.name);
      expect(page).toContain(p.institutionCode);
    }
    expect(page.match(/<table class="partner">/g)).toHaveLength(6);
    expect(page).toContain('③入院を原則受入れ');
    expect(page).toContain('2026年4月10日');
    expect(page).not.toContain(FILING_LAYOUTS['別紙1'].texts.find((t) => t.id === 'unmetHeading')!.text);
  });
  it('prints the unmet plan only when there is one, and no ③ for a グループホーム', () => {
    const page = filingHtml(groupHome());
    expect(page).toContain(FILING_LAYOUTS['別紙3'].texts.find((t) => t.id === 'unmetHeading')!.text);
    expect(page).toContain('架空市内の診療所と協議中。<br>令和8年度中に協定を締結する予定。');
    expect(page).toContain('2027年3月31日');
    expect(page).not.toContain('③');
    expect(page).toContain('架空市長');
  });
});

describe('writeFilingXlsx — codes as text', () => {
  it('writes 事業所番号, サービスコード and 医療機関コード as text cells (format @), so Excel keeps their leading zeros', async () => {
    // 北海道: codes that start with 0.
    const data = tokuyo({ facility: { ...tokuyo().facility, careOfficeNumber: withCareOfficeCheckDigit('017000001') }, partners: [partner(1, { admit: true, institutionCode: withMedicalCheckDigit('011010001') })] });
    const ws = await sheetOf(await writeFilingXlsx(data));
    const layout = FILING_LAYOUTS[data.form];
    const at = (kind: FilingField['kind'], fields: readonly FilingField[], row?: number) => {
      const f = fields.find((x) => x.kind === kind)!;
      return ws.getCell(topLeft(row === undefined ? f.valueAt : placeRange(f.valueAt, row)));
    };
    const cells = [at('careOfficeNumber', layout.fields), at('serviceCode', layout.fields), at('institutionCode', layout.partners.fields, partnerBlockRow(layout, 0))];
    expect(cells.map((c) => [c.value, c.type, c.numFmt])).toEqual([
      [data.facility.careOfficeNumber, ExcelJS.ValueType.String, '@'],
      ['510', ExcelJS.ValueType.String, '@'],
      [data.partners[0]!.institutionCode, ExcelJS.ValueType.String, '@'],
    ]);
    expect(String(cells[0]!.value)).toMatch(/^0/);
  });
});
