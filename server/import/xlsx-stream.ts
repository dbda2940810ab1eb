import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CsvRow } from './csv-table';
import { FatalImportError } from './problems';

/**
 * Streams the rows of an .xlsx workbook one at a time, so a 名簿 of a million notification rows is
 * never held as a whole sheet (issue 15: a national import within 1 GB). The archive is read from
 * its central directory (fflate), each worksheet inflated in chunks and read with a SAX parser
 * (saxes). exceljs's own streaming reader was tried first and fails on real 厚生局 files that use
 * ZIP data descriptors (九州's, "invalid signature"); its whole-workbook reader holds every cell.
 *
 * Rows come as CSV-like rows whose `line` is the Excel row number and whose cells read as a user sees
 * them: shared and inline strings (furigana runs <rPh> left out), numbers as written, booleans
 * `true`/`false`, errors blank, and numbers styled as dates as `YYYY-MM-DD`. Rows without any value
 * are left out.
 */
export interface SheetSink {
  row(r: CsvRow): void;
}

const unreadable = (file: string, why: string) =>
  new FatalImportError({ file, row: null, column: null, message: `Not a readable Excel file (truncated or damaged?): ${why}` });

/** Runs a SAX parser over XML text given in pieces; a malformed document is fatal for `file`. */
function saxParser(file: string, entry: string) {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => {
    throw unreadable(file, `${entry}: ${e.message}`);
  });
  return parser;
}

function parseSmall(bytes: Uint8Array | undefined, file: string, entry: string, on: (p: SaxesParser) => void): void {
  if (!bytes) return;
  const p = saxParser(file, entry);
  on(p);
  p.write(new TextDecoder().decode(bytes)).close();
}

/** The strings of xl/sharedStrings.xml, each the text of its <t> runs outside <rPh>. */
function sharedStrings(bytes: Uint8Array | undefined, file: string): string[] {
  const out: string[] = [];
  let text = '';
  let inT = false;
  let phonetic = 0;
  parseSmall(bytes, file, 'xl/sharedStrings.xml', (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'si') text = '';
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't') inT = phonetic === 0;
    });
    p.on('text', (s) => {
      if (inT) text += s;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inT = false;
      else if (t.name === 'rPh') phonetic--;
      else if (t.name === 'si') out.push(text);
    });
  });
  return out;
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style index (`s`), whether its number format shows a date. */
function dateStyles(bytes: Uint8Array | undefined, file: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseSmall(bytes, file, 'xl/styles.xml', (p) => {
    p.on('opentag', (t) => {
      const a = t.attributes as Record<string, string>;
      if (t.name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (t.name === 'cellXfs') inCellXfs = true;
      else if (t.name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        // A custom format is a date when it has y/m/d outside quoted text and brackets.
        const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
        styles.push(DATE_FORMAT_IDS.has(id) || /[ymd]/i.test(code));
      }
    });
    p.on('closetag', (t) => {
      if (t.name === 'cellXfs') inCellXfs = false;
    });
  });
  return styles;
}

/** Worksheet entries in workbook order: sheet name → archive path. */
function sheetEntries(small: Record<string, Uint8Array>, file: string): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  parseSmall(small['xl/_rels/workbook.xml.rels'], file, 'xl/_rels/workbook.xml.rels', (p) =>
    p.on('opentag', (t) => {
      const a = t.attributes as Record<string, string>;
      if (t.name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
    }),
  );
  const sheets: { name: string; path: string }[] = [];
  parseSmall(small['xl/workbook.xml'], file, 'xl/workbook.xml', (p) =>
    p.on('opentag', (t) => {
      const a = t.attributes as Record<string, string>;
      const path = targets.get(a['r:id'] ?? '');
      if (t.name === 'sheet' && path) sheets.push({ name: a.name ?? path, path });
    }),
  );
  return sheets;
}

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** An Excel date serial (1900 system) as `YYYY-MM-DD`. */
const serialDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);

/** Reads one worksheet's XML, given in pieces, into rows for `sink`. */
function sheetReader(file: string, entry: string, strings: readonly string[], dates: readonly boolean[], sink: SheetSink) {
  const p = saxParser(file, entry);
  let cells: string[] = [];
  let line = 0;
  let hasValue = false;
  let col = -1;
  let type = '';
  let style = 0;
  let text: string | null = null;
  let inText = false;
  let phonetic = 0;
  p.on('opentag', (t: SaxesTagPlain) => {
    const a = t.attributes as Record<string, string>;
    switch (t.name) {
      case 'row':
        line = a.r ? Number(a.r) : line + 1;
        cells = [];
        hasValue = false;
        col = -1;
        break;
      case 'c':
        col = a.r ? columnOf(a.r) : col + 1;
        type = a.t ?? 'n';
        style = Number(a.s ?? 0);
        text = null;
        break;
      case 'v':
      case 't':
        inText = phonetic === 0;
        text ??= '';
        break;
      case 'rPh':
        phonetic++;
        break;
    }
  });
  p.on('text', (s) => {
    if (inText) text += s;
  });
  p.on('closetag', (t) => {
    switch (t.name) {
      case 'v':
      case 't':
        inText = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        if (text === null) break;
        const value = cellValue(type, text, strings, dates[style] === true);
        while (cells.length < col) cells.push('');
        cells[col] = value;
        hasValue = true;
        break;
      }
      case 'row':
        if (hasValue) sink.row({ line, cells });
        break;
    }
  });
  return p;
}

function cellValue(type: string, raw: string, strings: readonly string[], isDate: boolean): string {
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'b':
      return raw === '1' ? 'true' : 'false';
    case 'e':
      return '';
    case 'n': {
      const n = Number(raw);
      if (raw === '' || Number.isNaN(n)) return raw;
      return isDate ? serialDate(n) : String(n);
    }
    default: // str (formula result), inlineStr, d (ISO date)
      return raw;
  }
}

const SMALL_ENTRIES = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);

/**
 * Streams every worksheet of the workbook in `bytes` to the sink `open` returns for it (in archive
 * order). Returns the sheet names in workbook order. An unreadable archive or XML is fatal.
 */
export function streamXlsxSheets(bytes: Uint8Array, file: string, open: (sheetName: string, sheetCount: number) => SheetSink): string[] {
  let small: Record<string, Uint8Array>;
  try {
    small = unzipSync(bytes, { filter: (f) => SMALL_ENTRIES.has(f.name) });
  } catch (e) {
    throw unreadable(file, (e as Error).message);
  }
  const sheets = sheetEntries(small, file);
  if (sheets.length === 0) throw unreadable(file, 'no worksheet in xl/workbook.xml');
  const strings = sharedStrings(small['xl/sharedStrings.xml'], file);
  const dates = dateStyles(small['xl/styles.xml'], file);
  const byPath = new Map(sheets.map((s) => [s.path, s.name]));
  const seen = new Set<string>();
  const unzip = new Unzip((entry) => {
    const name = byPath.get(entry.name);
    if (name === undefined) return;
    seen.add(entry.name);
    const parser = sheetReader(file, entry.name, strings, dates, open(name, sheets.length));
    const decoder = new TextDecoder();
    entry.ondata = (err, chunk, final) => {
      if (err) throw unreadable(file, `${entry.name}: ${err.message}`);
      parser.write(decoder.decode(chunk, { stream: !final }));
      if (final) parser.close();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    // In pieces, so the inflated sheet is never whole in memory.
    const STEP = 1 << 20;
    for (let i = 0; i < bytes.length; i += STEP) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + STEP)), i + STEP >= bytes.length);
  } catch (e) {
    if (e instanceof FatalImportError) throw e;
    throw unreadable(file, (e as Error).message);
  }
  const missing = sheets.filter((s) => !seen.has(s.path));
  if (missing.length > 0) throw unreadable(file, `worksheet ${missing.map((s) => s.path).join(', ')} is not in the archive`);
  return sheets.map((s) => s.name);
}
