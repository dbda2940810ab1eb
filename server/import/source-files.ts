import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { DesignatedCity } from '../domain/designated-cities';
import { parseCsv, type CsvRow } from './csv-table';
import { looksLikeKaigoOpenData, parseKaigoOpenData } from './kaigo-open-data';
import { findMeiboHeader, MeiboReader, parseKouseikyokuMeibo } from './kouseikyoku-meibo';
import { looksLikeManifest, parseManifest } from './manifest';
import { looksLikeN03, parseN03 } from './n03-boundaries';
import { looksLikeNavii, parseNavii } from './navii';
import { FatalImportError } from './problems';
import type { ParsedFile } from './records';
import { looksLikeFacilityTemplate, looksLikePartnershipTemplate, parseFacilityTemplate, parsePartnershipTemplate } from './templates';
import { decodeText } from './text-decoding';
import { looksLikeTownPoints, parseTownPoints } from './town-points';
import { streamXlsxSheets, type SheetSink } from './xlsx-stream';

/** Extensions picked up when a folder is named (a file named explicitly is read whatever its name). */
const DATA_EXTENSIONS = new Set(['.csv', '.json', '.geojson', '.xlsx', '.zip']);

export interface ParseContext {
  designatedCities: readonly DesignatedCity[];
  /** Called while a long file is read: rows done of total (null when a stream does not know it yet). */
  progress?: (path: string, done: number, total: number | null) => void;
}

/** Files named on the command line, folders expanded (recursively, sorted, data extensions only). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new FatalImportError({ file: p, row: null, column: null, message: 'No such file or folder' });
    }
    if (st.isDirectory()) {
      const children = readdirSync(p).sort().map((c) => join(p, c));
      out.push(...expandPaths(children.filter((c) => statSync(c).isDirectory() || DATA_EXTENSIONS.has(extname(c).toLowerCase()))));
    } else {
      out.push(p);
    }
  }
  return out;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** JSON starts with an object, or an array of JSON values (a 名簿 title row like `[令和…` is not). */
const looksJson = (bytes: Uint8Array) => /^\s*(\{|\[\s*([{["\d\]-]|true|false|null))/.test(new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''));

export function readJson(path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeText(bytes).text);
  } catch (e) {
    throw new FatalImportError({ file: path, row: null, column: null, message: `Not readable JSON: ${(e as Error).message}` });
  }
}

export function isManifest(path: string, bytes: Uint8Array): boolean {
  return !isZip(bytes) && looksJson(bytes) && looksLikeManifest(readJson(path, bytes));
}

/** A table (CSV, or one Excel sheet) recognised by its header and parsed. Null when unrecognised. */
function parseTable(rows: CsvRow[], path: string, ctx: ParseContext): ParsedFile | null {
  const header = rows[0]?.cells ?? [];
  const progress = ctx.progress && ((d: number, t: number) => ctx.progress!(path, d, t));
  if (looksLikeKaigoOpenData(header)) return parseKaigoOpenData(rows, path, progress);
  if (looksLikeNavii(header)) return parseNavii(rows, path);
  if (looksLikePartnershipTemplate(header)) return parsePartnershipTemplate(rows, path);
  if (looksLikeFacilityTemplate(header)) return parseFacilityTemplate(rows, path);
  if (findMeiboHeader(rows) >= 0) return parseKouseikyokuMeibo(rows, path, progress);
  return null;
}

const UNRECOGNISED =
  'expected 介護サービス情報公表 open data, a 厚生局 届出受理医療機関名簿, a ナビイ 施設票, a Renkei Map template (docs/templates.md), N03 boundaries, town points, or a ZIP of these';

/**
 * Recognises a file by its content (never its name) and parses it: a ZIP yields the files inside it
 * (`archive.zip!/inner.csv`), a workbook its recognised sheets. Unknown content is fatal, so a wrong
 * file never half-imports.
 */
export async function parseSource(path: string, bytes: Uint8Array, ctx: ParseContext): Promise<ParsedFile[]> {
  if (isZip(bytes)) {
    const names = zipEntryNames(bytes);
    if (names === null) {
      const what = extname(path).toLowerCase() === '.xlsx' ? 'Excel file' : 'ZIP archive';
      throw new FatalImportError({ file: path, row: null, column: null, message: `Not a readable ${what} (truncated or damaged?)` });
    }
    // An .xlsx is itself a ZIP: its content says which it is.
    if (names.includes('xl/workbook.xml')) return parseWorkbook(bytes, path, ctx);
    const entries = unzipSync(bytes, { filter: (f) => isDataEntry(f.name) });
    const inner = Object.keys(entries).sort();
    if (inner.length === 0) throw new FatalImportError({ file: path, row: null, column: null, message: `The ZIP holds no data file; ${UNRECOGNISED}` });
    const nested = await Promise.all(inner.map((n) => parseSource(`${path}!/${n}`, entries[n] as Uint8Array, ctx)));
    return nested.flat();
  }
  if (looksJson(bytes)) {
    const json = readJson(path, bytes);
    if (looksLikeManifest(json)) return [parseManifest(json, path)];
    if (looksLikeN03(json)) return [parseN03(json, path, ctx.designatedCities)];
    if (looksLikeTownPoints(json)) return [parseTownPoints(json as unknown[], path)];
    throw new FatalImportError({ file: path, row: null, column: null, message: `Unrecognised JSON: ${UNRECOGNISED}` });
  }
  const parsed = parseTable(parseCsv(decodeText(bytes).text, path), path, ctx);
  if (!parsed) throw new FatalImportError({ file: path, row: 1, column: null, message: `Unrecognised CSV: ${UNRECOGNISED}` });
  return [parsed];
}

/** Rows a sheet is read into before its kind is known: a 名簿 header sits within its first 15 rows. */
const HEAD_ROWS = 15;
const PROGRESS_EVERY = 50_000;

/**
 * A workbook's recognised sheets, streamed (xlsx-stream.ts): each sheet's first rows decide its kind;
 * a 名簿 is then read row by row, any other table is gathered and parsed whole (they are small).
 */
function parseWorkbook(bytes: Uint8Array, path: string, ctx: ParseContext): ParsedFile[] {
  const results: (() => ParsedFile | null)[] = [];
  streamXlsxSheets(bytes, path, (name, sheetCount) => {
    const sheetPath = sheetCount > 1 ? `${path}#${name}` : path;
    const head: CsvRow[] = [];
    let meibo: MeiboReader | null = null;
    let count = 0;
    results.push(() => (meibo ? meibo.finish() : head.length === 0 ? null : parseTable(head, sheetPath, ctx)));
    return {
      row(r) {
        count++;
        if (ctx.progress && count % PROGRESS_EVERY === 0) ctx.progress(sheetPath, count, null);
        if (meibo) return meibo.add(r);
        head.push(r);
        const headerIndex = head.length === HEAD_ROWS ? findMeiboHeader(head) : -1;
        if (headerIndex >= 0) {
          meibo = new MeiboReader(sheetPath, head.slice(0, headerIndex + 1));
          for (const rest of head.slice(headerIndex + 1)) meibo.add(rest);
        }
      },
    } satisfies SheetSink;
  });
  const parsed = results.map((r) => r()).filter((p): p is ParsedFile => p !== null);
  if (parsed.length === 0) throw new FatalImportError({ file: path, row: 1, column: null, message: `Unrecognised workbook: ${UNRECOGNISED}` });
  return parsed;
}

const isDataEntry = (name: string) => !name.endsWith('/') && !name.startsWith('__MACOSX/') && DATA_EXTENSIONS.has(extname(name).toLowerCase());

/** The entry names of a ZIP without inflating anything; null when the archive cannot be read. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
    return names;
  } catch {
    return null;
  }
}

export function readSource(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new FatalImportError({ file: path, row: null, column: null, message: `Cannot read the file: ${(e as Error).message}` });
  }
}
