import ExcelJS from 'exceljs';
import { flagCell } from '../../contracts/import-cells';
import { DomainError } from '../../domain/errors';
import { facilityTypeOf, isKnownServiceCode, SERVICE_CODES } from '../../domain/facility-types';
import { FILING_FORMS, FILING_LAYOUTS, FILING_MARK, FILING_NUMFMT, filingAsksAdmit, filingFromValues, headerValues, partnerBlockRow, type FilingCellKind, type FilingData, type FilingField, type FilingFormKind, type FilingLayout, type FilingPartner, type FilingText, type FilingValue, type HeaderKey, type PartnerKey } from '../../domain/filing-form';
import { parseDate } from '../../domain/dates';
import { placeRange, rangeCells, rangeRows, topLeft } from '../../domain/a1-range';
import { filingDataProblems, validateFilingData } from '../../domain/filing-validate';
import { careOfficeNumberFormatError, validateMedicalInstitutionCode } from '../../domain/identifiers';
import { cellText } from '../../import/xlsx-rows';

/**
 * The 届出書 as an .xlsx sheet laid out from FILING_LAYOUTS (server/domain/filing-form.ts), and back.
 * read(write(d)) deep-equals d for every d that validateFilingData accepts.
 */

/** A cell that cannot be read: `filing.xlsx: 別紙1!C13 (介護保険事業所番号) — Expected …, got "31B01"`. */
export class FilingReadError extends DomainError {
  override name = 'FilingReadError';
  constructor(
    readonly file: string,
    readonly sheet: string | null,
    readonly cell: string | null,
    message: string,
  ) {
    super('invalid', `${file}${sheet ? `: ${sheet}${cell ? `!${cell}` : ''}` : ''} — ${message}`, sheet && cell ? `${sheet}!${cell}` : (sheet ?? 'body'));
  }
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = { name: 'ＭＳ 明朝', size: 10 };

function place(ws: ExcelJS.Worksheet, range: string, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>): void {
  if (range.includes(':')) ws.mergeCells(range);
  for (const addr of rangeCells(range)) Object.assign(ws.getCell(addr), { style: { ...style } });
  ws.getCell(topLeft(range)).value = value;
}

const TEXT_STYLE: Record<FilingText['style'], Partial<ExcelJS.Style>> = {
  mark: { font: FONT, alignment: { vertical: 'middle' } },
  title: { font: { ...FONT, size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  heading: { font: { ...FONT, bold: true }, alignment: { vertical: 'bottom' } },
  body: { font: FONT, alignment: { vertical: 'middle', wrapText: true } },
  label: { font: FONT, fill: LABEL_FILL, border: THIN, alignment: { vertical: 'middle', wrapText: true } },
};

function putText(ws: ExcelJS.Worksheet, t: FilingText, range: string, text = t.text): void {
  place(ws, range, text, TEXT_STYLE[t.style]);
  if (t.rowHeight) ws.getRow(rangeRows(range)[0]).height = t.rowHeight;
}

function excelValue(kind: FilingCellKind, v: FilingValue): ExcelJS.CellValue {
  if (v === null || v === false) return null;
  if (kind === 'flag') return FILING_MARK;
  if (kind === 'date') return new Date(`${String(v)}T00:00:00Z`);
  return v as string | number;
}

function putField(ws: ExcelJS.Worksheet, f: FilingField, labelAt: string, valueAt: string, v: FilingValue): void {
  place(ws, labelAt, f.label, TEXT_STYLE.label);
  const numFmt = f.kind === 'date' ? FILING_NUMFMT.date : f.kind === 'fiscalYear' ? FILING_NUMFMT.fiscalYear : FILING_NUMFMT.text;
  const horizontal = f.kind === 'flag' ? 'center' : 'left';
  place(ws, valueAt, excelValue(f.kind, v), { font: FONT, border: THIN, numFmt, alignment: { vertical: 'middle', horizontal, wrapText: true } });
  if (f.rowHeight) ws.getRow(rangeRows(valueAt)[0]).height = f.rowHeight;
}

function putBlock(ws: ExcelJS.Worksheet, layout: FilingLayout, index: number, partner: FilingPartner | null, asksAdmit: boolean): number {
  const p = layout.partners;
  const row = partnerBlockRow(layout, index);
  putText(ws, p.title, placeRange(p.title.at, row), p.title.text.replace('{n}', String(index + 1)));
  for (const t of p.texts) if (asksAdmit || !t.admitOnly) putText(ws, t, placeRange(t.at, row));
  for (const f of p.fields) {
    if (f.admitOnly && !asksAdmit) continue;
    putField(ws, f, placeRange(f.labelAt, row), placeRange(f.valueAt, row), partner ? partner[f.key] : null);
  }
  return row + p.rowsPerBlock - 1;
}

/** The filing as a one-sheet workbook named after its form, printable on A4 portrait. */
export async function writeFilingXlsx(data: FilingData): Promise<Buffer> {
  validateFilingData(data);
  const layout = FILING_LAYOUTS[data.form];
  const asksAdmit = filingAsksAdmit(facilityTypeOf(data.facility.serviceCode));
  const wb = new ExcelJS.Workbook();
  wb.creator = '連携マップ';
  const ws = wb.addWorksheet(layout.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    views: [{ showGridLines: false }],
  });
  layout.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  let last = 1;
  for (const t of layout.texts) {
    if (t.admitOnly && !asksAdmit) continue;
    putText(ws, t, t.at);
    last = Math.max(last, rangeRows(t.at)[1]);
  }
  const values = headerValues(data);
  for (const f of layout.fields) {
    if (f.admitOnly && !asksAdmit) continue;
    putField(ws, f, f.labelAt, f.valueAt, values[f.key]);
    last = Math.max(last, rangeRows(f.valueAt)[1]);
  }
  const blocks = Math.max(layout.partners.blocksOnSheet, data.partners.length);
  if (data.partners.length > layout.partners.blocksOnSheet) putText(ws, layout.partners.overflowHeading, layout.partners.overflowHeading.at);
  for (let i = 0; i < blocks; i++) last = Math.max(last, putBlock(ws, layout, i, data.partners[i] ?? null, asksAdmit));
  // Excel does not grow merged, wrapped cells by itself: every row gets room for two short lines.
  for (let r = 1; r <= last; r++) ws.getRow(r).height ??= 22;
  ws.pageSetup.printArea = `A1:H${last}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ———————————————————————————— reading ————————————————————————————

/**
 * One thing wrong with an uploaded 届出書, where it is: the sheet and cell (`C13`: row 13, column
 * C), or only the sheet or the file; `message` names the field by its label on the form.
 */
export interface FilingProblem {
  sheet: string | null;
  cell: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** What the reader made of a workbook: every problem, row by row, and the filing when there is none. */
export interface FilingReading {
  /** The filing, when the workbook has no problem. */
  data: FilingData | null;
  /** The cells as read (a bad cell is null), for a preview of a workbook with problems. */
  values: { sheet: string; form: FilingFormKind; header: Record<HeaderKey, FilingValue>; partners: FilingPartner[]; blockOf: number[] } | null;
  problems: FilingProblem[];
}

type Read = (cell: string, label: string, message: string) => null;

const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

const problemAt = (sheet: string | null, cell: string | null, message: string): FilingProblem => {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  return { sheet, cell, row: m ? Number(m[2]) : null, column: m ? m[1]! : null, message };
};

/** The error the intake answers for a problem: `filing.xlsx: 別紙1!C13 — 介護保険事業所番号: …`. */
export const filingReadError = (file: string, p: FilingProblem) => new FilingReadError(file, p.sheet, p.cell, p.message);

/** Codes are text; full-width digits, spaces and hyphens are tolerated. */
function readCode(raw: ExcelJS.CellValue, length: number | null): string {
  // Excel turns typed digits into a number and drops leading zeros: 事業所番号 and 医療機関コード are 10 characters.
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return length ? String(raw).padStart(length, '0') : String(raw);
  return cellText(raw).normalize('NFKC').replace(/[\s\-‐‑–—−]/g, '').toUpperCase();
}

/** A date cell: blank → null; unreadable → undefined (domain/dates.ts parseDate reads it). */
function readDate(text: string): string | null | undefined {
  return text.trim() === '' ? null : (parseDate(text) ?? undefined);
}

function readFiscalYear(raw: ExcelJS.CellValue): number | null | undefined {
  const t = (typeof raw === 'number' ? String(raw) : cellText(raw)).normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return null;
  const western = /^(\d{4})(?:年度)?$/.exec(t);
  const reiwa = /^(?:令和|R)(元|\d{1,2})(?:年度)?$/i.exec(t);
  const year = western ? Number(western[1]) : reiwa ? 2018 + (reiwa[1] === '元' ? 1 : Number(reiwa[1])) : NaN;
  return year >= 2000 && year <= 2099 ? year : undefined;
}

/** One cell's value by the field's kind; bad content and a missing required value are reported (and read as null). */
function readField(ws: ExcelJS.Worksheet, f: FilingField, valueAt: string, err: Read): FilingValue {
  const cell = topLeft(valueAt);
  const raw = ws.getCell(cell).value;
  const text = cellText(raw).replace(/\r\n?/g, '\n').trim();
  const bad = (expected: string) => err(cell, f.label, `expected ${expected}, found ${show(text)}`);
  if (text === '' && f.kind !== 'flag') {
    if (f.required) err(cell, f.label, 'expected a value, found an empty cell');
    return null;
  }
  switch (f.kind) {
    case 'text':
      return text;
    case 'flag': {
      const r = flagCell.safeParse(text);
      return r.success ? r.data : bad(`${FILING_MARK} or blank (also 有/無, あり/なし, はい/いいえ, 1/0)`);
    }
    case 'date':
      return readDate(text) ?? bad('a date such as 2026-04-01, 2026/4/1, 2026年4月1日 or 令和8年4月1日');
    case 'fiscalYear':
      return readFiscalYear(raw) ?? bad('a fiscal year such as 2026, 2026年度 or 令和8年度');
    case 'serviceCode': {
      const code = readCode(raw, null);
      return isKnownServiceCode(code) ? code : bad(`a service code of domain.md §2 (${SERVICE_CODES.map((c) => c.code).join(', ')})`);
    }
    case 'careOfficeNumber':
    case 'institutionCode': {
      const code = readCode(raw, 10);
      const problem = f.kind === 'careOfficeNumber' ? careOfficeNumberFormatError(code) : validateMedicalInstitutionCode(code);
      return problem ? err(cell, f.label, problem) : code;
    }
  }
}

/** The sheet named 別紙1/別紙3 — or, if renamed, the one whose form mark cell says so. */
function findSheet(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; form: FilingFormKind } | null {
  const formOf = (s: string) => FILING_FORMS.find((f) => s.normalize('NFKC').replace(/[()（）\s]/g, '') === f);
  for (const ws of wb.worksheets) {
    const mark = FILING_LAYOUTS['別紙1'].texts.find((t) => t.id === 'formMark')!;
    const form = formOf(ws.name) ?? formOf(cellText(ws.getCell(topLeft(mark.at)).value));
    if (form) return { ws, form };
  }
  return null;
}

/** Reads a filled 届出書 back by the same table. Throws FilingReadError naming file, sheet and cell (the first problem). */
export async function readFilingXlsx(buf: Buffer | ArrayBuffer, fileName: string): Promise<FilingData> {
  const reading = await checkFilingXlsx(buf);
  const first = reading.problems[0];
  if (first) throw filingReadError(fileName, first);
  return reading.data!;
}

/**
 * Reads a 届出書 and lists every problem in the order of the form — the title, the header, each
 * partner block — and then what the filing as a whole fails (filingDataProblems), each at its cell.
 * A problem of a cell already reported is not repeated.
 */
export async function checkFilingXlsx(buf: Buffer | ArrayBuffer): Promise<FilingReading> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((buf instanceof ArrayBuffer ? Buffer.from(buf) : buf) as unknown as ArrayBuffer);
  } catch (e) {
    return { data: null, values: null, problems: [problemAt(null, null, `not a readable .xlsx file (truncated or damaged?): ${(e as Error).message}`)] };
  }
  const found = findSheet(wb);
  if (!found) {
    const names = wb.worksheets.map((w) => show(w.name)).join(', ') || 'no sheets';
    return { data: null, values: null, problems: [problemAt(null, null, `expected a sheet named 別紙1 or 別紙3 (the 協力医療機関に関する届出書), found ${names}`)] };
  }
  const { ws, form } = found;
  const layout = FILING_LAYOUTS[form];
  const problems: FilingProblem[] = [];
  const err: Read = (cell, label, message) => {
    problems.push(problemAt(ws.name, cell, `${label}: ${message}`));
    return null;
  };
  const titleAt = topLeft(layout.texts.find((t) => t.id === 'title')!.at);
  const title = cellText(ws.getCell(titleAt).value);
  if (!title.includes(layout.title)) err(titleAt, '表題', `expected the title ${show(layout.title)}, found ${show(title)}`);

  // Every cell of the table is read, ③ included: a ○ in a ③ box the form does not ask is reported, not dropped.
  const header = Object.fromEntries(layout.fields.map((f) => [f.key, readField(ws, f, f.valueAt, err)])) as Record<HeaderKey, FilingValue>;
  const { partners, blockOf } = readPartners(ws, layout, err);
  const data = filingFromValues(form, header, partners);
  const reported = new Set(problems.map((p) => p.cell));
  for (const p of filingDataProblems(data)) {
    const at = cellOfPath(layout, p.path, blockOf);
    if (at && reported.has(at.cell)) continue;
    problems.push(problemAt(ws.name, at?.cell ?? null, `${at?.label ?? p.path}: ${p.message}`));
  }
  return { data: problems.length === 0 ? data : null, values: { sheet: ws.name, form, header, partners, blockOf }, problems };
}

function readPartners(ws: ExcelJS.Worksheet, layout: FilingLayout, err: Read): { partners: FilingPartner[]; blockOf: number[] } {
  const p = layout.partners;
  const partners: FilingPartner[] = [];
  const blockOf: number[] = [];
  for (let i = 0; i < p.blocksOnSheet || partnerBlockRow(layout, i) <= ws.rowCount; i++) {
    const row = partnerBlockRow(layout, i);
    // A block whose value cells are all blank is no partner.
    if (p.fields.every((f) => cellText(ws.getCell(topLeft(placeRange(f.valueAt, row))).value).trim() === '')) continue;
    const values = Object.fromEntries(p.fields.map((f) => [f.key, readField(ws, f, placeRange(f.valueAt, row), err)])) as Record<PartnerKey, FilingValue>;
    partners.push(values as unknown as FilingPartner);
    blockOf.push(i);
  }
  return { partners, blockOf };
}

/** Where a field of the filing sits on its sheet (`facility.careOfficeNumber`, `partners.2.institutionCode`): cell and label. */
export const filingCellOf = (values: NonNullable<FilingReading['values']>, path: string) => cellOfPath(FILING_LAYOUTS[values.form], path, values.blockOf);

/** A problem at a field of the filing, as the reader names them. */
export function problemAtField(values: NonNullable<FilingReading['values']>, path: string, message: string): FilingProblem {
  const at = filingCellOf(values, path);
  return problemAt(values.sheet, at?.cell ?? null, `${at?.label ?? path}: ${message}`);
}

/** The cell (and its label) a validateFilingData path (`facility.serviceCode`, `partners.2.admit`) refers to. */
function cellOfPath(layout: FilingLayout, path: string, blockOf: number[]): { cell: string; label: string } | null {
  const m = /^partners\.(\d+)\.(\w+)$/.exec(path);
  const f = m ? layout.partners.fields.find((x) => x.key === m[2]) : layout.fields.find((x) => x.key === path);
  if (!f) return null;
  if (!m) return { cell: topLeft(f.valueAt), label: f.label };
  const block = blockOf[Number(m[1])];
  return block === undefined ? null : { cell: topLeft(placeRange(f.valueAt, partnerBlockRow(layout, block))), label: f.label };
}
