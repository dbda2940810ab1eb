import { z } from 'zod';
import { careOfficeNumberSchema, municipalityCodeSchema } from '../contracts/common';
import { capacityCell, latitudeCell, longitudeCell, requiredTextCell, textCell } from '../contracts/import-cells';
import { isInJapan } from '../domain/geo';
import { careOfficeCheckDigitError } from '../domain/identifiers';
import { classifyOpenDataService } from '../domain/open-data-services';
import { privateUseCodePoints } from '../domain/search-text';
import { headerKey, parseRow, rowsAsObjects, type CsvRow } from './csv-table';
import { ProblemLog } from './problems';
import type { FacilityRecord, ParsedFile } from './records';

/**
 * 介護サービス情報公表システム open data (`jigyosho_<code>.csv`, 24 columns). The service code is
 * not a column: it follows from サービスの種類 (open-data-services.ts). Rows of a known service outside
 * domain.md §2 are skipped (not a problem); a サービスの種類 the table does not know is an error, once
 * per value, and its rows are rejected.
 */
export const KAIGO_COLUMNS = [
  '都道府県コード又は市町村コード', '都道府県名', '市区町村名', '事業所名', '事業所名カナ', 'サービスの種類',
  '住所', '緯度', '経度', '電話番号', '法人番号', '法人の名称', '事業所番号', '定員',
] as const;

export function looksLikeKaigoOpenData(header: readonly string[]): boolean {
  const h = header.map(headerKey);
  return h.includes('事業所番号') && h.includes('サービスの種類');
}

const rowSchema = z.object({
  都道府県コード又は市町村コード: municipalityCodeSchema,
  都道府県名: textCell,
  市区町村名: textCell,
  事業所名: requiredTextCell,
  事業所名カナ: textCell,
  サービスの種類: z.string(),
  住所: textCell,
  緯度: latitudeCell,
  経度: longitudeCell,
  電話番号: textCell,
  法人番号: textCell,
  法人の名称: textCell,
  事業所番号: careOfficeNumberSchema,
  定員: capacityCell,
});

export function parseKaigoOpenData(rows: CsvRow[], path: string, progress?: (done: number, total: number) => void): ParsedFile {
  const log = new ProblemLog(path);
  const records: FacilityRecord[] = [];
  const outOfScope = new Map<string, number>();
  const unknown = new Map<string, { line: number; count: number }>();
  const data = rowsAsObjects(rows, 0, KAIGO_COLUMNS, path);
  for (const [i, { line, values }] of data.entries()) {
    if (progress && i % 5000 === 0 && data.length > 5000) progress(i, data.length);
    const service = classifyOpenDataService(values.サービスの種類);
    if (service.kind !== 'in_scope') {
      if (service.kind === 'out_of_scope') outOfScope.set(values.サービスの種類, (outOfScope.get(values.サービスの種類) ?? 0) + 1);
      else unknown.set(values.サービスの種類, { line: unknown.get(values.サービスの種類)?.line ?? line, count: (unknown.get(values.サービスの種類)?.count ?? 0) + 1 });
      continue;
    }
    const row = parseRow(rowSchema, values, line, log);
    if (row === null) continue;
    warnPublishedQuirks(row, line, log);
    const [lat, lng] = checkCoordinates(row.緯度, row.経度, line, log);
    const code = row.都道府県コード又は市町村コード;
    records.push({
      line,
      careOfficeNumber: row.事業所番号,
      serviceCode: service.serviceCode,
      name: row.事業所名,
      kana: row.事業所名カナ,
      address: row.住所,
      // `PP000C` is a prefecture code: the municipality then follows from 市区町村名.
      municipalityCode: code.slice(2, 5) === '000' ? null : code,
      municipalityName: row.市区町村名,
      prefName: row.都道府県名,
      lat,
      lng,
      capacity: row.定員,
      operatorName: row.法人の名称,
      operatorNumber: row.法人番号,
      phone: row.電話番号,
      source: 'kaigo_open_data',
    });
  }
  // Said once per value: a wording the table does not know would otherwise drop a whole file silently.
  for (const [name, { line, count }] of unknown) {
    log.error(line, 'サービスの種類', `Unknown サービスの種類 「${name}」: expected a service named in domain.md §2 or a known 介護 service outside it; ${count} row(s) not imported — if the wording changed, add it to server/domain/facility-types.ts or open-data-services.ts`);
  }
  const skipped = [...outOfScope.values()].reduce((a, b) => a + b, 0);
  const notes = [...outOfScope].map(([name, n]) => `skipped ${n} row(s) of 「${name}」: not a service of the partner rule (domain.md §2)`);
  const scope = new Map<string, { prefCode: string; serviceCode: string }>();
  for (const r of records) {
    const prefCode = (r.municipalityCode ?? r.careOfficeNumber).slice(0, 2);
    scope.set(`${prefCode}|${r.serviceCode}`, { prefCode, serviceCode: r.serviceCode });
  }
  return {
    kind: 'kaigo_open_data', path, rows: data.length, skipped, problems: log.problems, asOf: null, notes,
    rejectedRows: [...unknown.values()].reduce((a, b) => a + b.count, 0) - unknown.size,
    records: dedupeFacilities(records, log), scope: [...scope.values()],
  };
}

/**
 * What a published row may hold that is real but worth a word, each a warning on its row: a
 * 事業所番号 failing its check digit (older numbers in use, domain.md §6 — kept exactly), and 外字
 * (Private Use Area characters) in the name or address — kept as published, ignored by search and
 * address matching.
 */
export function warnPublishedQuirks(row: { 事業所番号: string; 事業所名: string; 住所: string | null }, line: number, log: ProblemLog): void {
  const checkDigit = careOfficeCheckDigitError(row.事業所番号);
  if (checkDigit) log.warn(line, '事業所番号', `check digit does not match; kept as published (${checkDigit})`);
  for (const [column, text] of [['事業所名', row.事業所名], ['住所', row.住所 ?? '']] as const) {
    const pua = privateUseCodePoints(text);
    if (pua.length > 0) log.warn(line, column, `外字 (Private Use Area ${pua.join(', ')}) kept as published; search and address matching ignore it`);
  }
}

/**
 * Coordinates as a row gives them: a lone 緯度 or 経度 is dropped, and coordinates outside Japan are
 * kept as the file's but flagged here (reconcile.ts never uses them). Both with a warning.
 */
export function checkCoordinates(lat: number | null, lng: number | null, line: number, log: ProblemLog): [number | null, number | null] {
  if ((lat === null) !== (lng === null)) {
    log.warn(line, lat === null ? '緯度' : '経度', 'Only one of 緯度/経度 is given: not used; the facility is placed by its address');
    return [null, null];
  }
  if (lat !== null && lng !== null && !isInJapan(lng, lat)) {
    log.warn(line, '緯度', `Coordinates ${lat}, ${lng} are outside Japan: kept as published and flagged; the facility is placed by its address where it can be`);
  }
  return [lat, lng];
}

/** The same 事業所番号 + service twice in one file: the later row wins, with a warning. */
export function dedupeFacilities(records: FacilityRecord[], log: ProblemLog): FacilityRecord[] {
  const byKey = new Map<string, FacilityRecord>();
  for (const r of records) {
    const key = `${r.careOfficeNumber}-${r.serviceCode}`;
    const prev = byKey.get(key);
    if (prev) log.warn(r.line, '事業所番号', `事業所番号 ${r.careOfficeNumber} (service ${r.serviceCode}) also on row ${prev.line}; this row is kept`);
    byKey.set(key, r);
  }
  return [...byKey.values()];
}
