import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DesignatedCity } from '../domain/designated-cities';
import { parseCsv } from './csv-table';
import { looksLikeKaigoOpenData, parseKaigoOpenData } from './kaigo-open-data';
import { findMeiboHeader, parseKouseikyokuMeibo } from './kouseikyoku-meibo';
import { looksLikeManifest, parseManifest } from './manifest';
import { looksLikeN03, parseN03 } from './n03-boundaries';
import { looksLikeNavii, parseNavii } from './navii';
import { FatalImportError } from './problems';
import type { ParsedFile } from './records';
import { looksLikeFacilityTemplate, looksLikePartnershipTemplate, parseFacilityTemplate, parsePartnershipTemplate } from './templates';
import { decodeText } from './text-decoding';

const DATA_EXTENSIONS = new Set(['.csv', '.txt', '.json', '.geojson', '.xlsx', '.zip']);

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

export function isJsonSource(path: string, bytes: Uint8Array): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.geojson') return true;
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return first.startsWith('{');
}

export function readJson(path: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeText(bytes).text);
  } catch (e) {
    throw new FatalImportError({ file: path, row: null, column: null, message: `Not readable JSON: ${(e as Error).message}` });
  }
}

/**
 * Recognises a file by its content (never its name) and parses it. Unknown content is fatal so a
 * wrong file never half-imports.
 */
export function parseSource(path: string, bytes: Uint8Array, designatedCities: readonly DesignatedCity[]): ParsedFile {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.zip' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new FatalImportError({ file: path, row: null, column: null, message: 'Excel and ZIP files are not read by this version: save the sheet as CSV (UTF-8 or Shift_JIS)' });
  }
  if (isJsonSource(path, bytes)) {
    const json = readJson(path, bytes);
    if (looksLikeManifest(json)) return parseManifest(json, path);
    if (looksLikeN03(json)) return parseN03(json, path, designatedCities);
    throw new FatalImportError({ file: path, row: null, column: null, message: 'Unrecognised JSON: expected a 国土数値情報 N03 GeoJSON (N03_007 codes) or a dataset manifest ("renkeiMapDataset")' });
  }
  const rows = parseCsv(decodeText(bytes).text, path);
  const header = rows[0]?.cells ?? [];
  if (looksLikeKaigoOpenData(header)) return parseKaigoOpenData(rows, path);
  if (looksLikeNavii(header)) return parseNavii(rows, path);
  if (looksLikePartnershipTemplate(header)) return parsePartnershipTemplate(rows, path);
  if (looksLikeFacilityTemplate(header)) return parseFacilityTemplate(rows, path);
  if (findMeiboHeader(rows) >= 0) return parseKouseikyokuMeibo(rows, path);
  throw new FatalImportError({
    file: path,
    row: 1,
    column: null,
    message: 'Unrecognised CSV: expected 介護サービス情報公表 open data, a 厚生局 届出受理医療機関名簿, a ナビイ 施設票, or a Renkei Map template (see docs/templates.md)',
  });
}

export function readSource(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new FatalImportError({ file: path, row: null, column: null, message: `Cannot read the file: ${(e as Error).message}` });
  }
}
