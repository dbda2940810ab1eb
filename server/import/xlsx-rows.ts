import ExcelJS from 'exceljs';
import type { CsvRow } from './csv-table';
import { FatalImportError } from './problems';

/** The text of an Excel cell as a user sees it (rich text joined, formulas by their result, dates as ISO). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The rows of every worksheet that has any, as CSV-like rows whose `line` is the Excel row number.
 * An unreadable or truncated file is fatal.
 */
export async function readXlsxSheets(bytes: Uint8Array, file: string): Promise<{ name: string; rows: CsvRow[] }[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new FatalImportError({ file, row: null, column: null, message: `Not a readable Excel file (truncated or damaged?): ${(e as Error).message}` });
  }
  const sheets = wb.worksheets.map((ws) => {
    const rows: CsvRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const values = row.values as ExcelJS.CellValue[];
      // exceljs rows are 1-based: values[0] is always empty.
      rows.push({ line, cells: values.slice(1).map(cellText) });
    });
    return { name: ws.name, rows };
  });
  const withRows = sheets.filter((s) => s.rows.length > 0);
  if (withRows.length === 0) throw new FatalImportError({ file, row: null, column: null, message: 'The workbook has no rows' });
  return withRows;
}
