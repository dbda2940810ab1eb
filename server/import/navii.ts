import { z } from 'zod';
import { latitudeCell, longitudeCell, textCell } from '../contracts/import-cells';
import { municipalityCodeFrom5 } from '../domain/identifiers';
import type { InstitutionKind } from '../domain/institution-offers';
import { isInJapan } from '../domain/geo';
import { headerKey, parseRow, rowsAsObjects, type CsvRow } from './csv-table';
import { ProblemLog } from './problems';
import type { NaviiRecord, ParsedFile } from './records';

/**
 * 医療情報ネット (ナビイ) 施設票 CSV (hospital or clinic): coordinates and beds. Its `ID` is not the
 * insurance code; rows are joined to 名簿 institutions by normalised name and address (join.ts).
 */
export const NAVII_COLUMNS = ['ID', '正式名称', '機関区分', '都道府県コード', '市区町村コード', '所在地', '所在地座標（緯度）', '所在地座標（経度）', '合計病床数'] as const;

export function looksLikeNavii(header: readonly string[]): boolean {
  const h = header.map(headerKey);
  return h.includes(headerKey('正式名称')) && h.includes(headerKey('所在地座標（緯度）'));
}

/** 機関区分: 1 病院, 2 診療所 (1 confirmed on the hospital file; 2 [未確認]). */
const KIND_BY_CLASS: Record<string, InstitutionKind> = { '1': 'hospital', '2': 'clinic' };

const rowSchema = z.object({
  ID: z.string().trim().min(1, { message: 'Expected the ナビイ ID, found an empty cell' }),
  正式名称: z.string().trim().min(1, { message: 'Expected the 正式名称, found an empty cell' }),
  機関区分: z.string(),
  都道府県コード: textCell,
  市区町村コード: textCell,
  所在地: z.string(),
  '所在地座標（緯度）': latitudeCell,
  '所在地座標（経度）': longitudeCell,
  合計病床数: textCell,
});

export function parseNavii(rows: CsvRow[], path: string): ParsedFile {
  const log = new ProblemLog(path);
  const data = rowsAsObjects(rows, 0, NAVII_COLUMNS, path);
  const records: NaviiRecord[] = [];
  for (const { line, values } of data) {
    const row = parseRow(rowSchema, values, line, log);
    if (row === null) continue;
    let lat = row['所在地座標（緯度）'];
    let lng = row['所在地座標（経度）'];
    if (lat !== null && lng !== null && !isInJapan(lng, lat)) {
      log.warn(line, '所在地座標（緯度）', `Coordinates ${lat}, ${lng} are outside Japan; ignored`);
      [lat, lng] = [null, null];
    }
    const pref = (row.都道府県コード ?? '').normalize('NFKC').padStart(2, '0');
    const muni = (row.市区町村コード ?? '').normalize('NFKC').padStart(3, '0');
    const beds = row.合計病床数 === null ? null : Number(row.合計病床数.normalize('NFKC'));
    records.push({
      line,
      id: row.ID,
      name: row.正式名称,
      kind: KIND_BY_CLASS[row.機関区分.normalize('NFKC').trim()] ?? 'unknown',
      prefCode: /^\d{2}$/.test(pref) ? pref : null,
      municipalityCode: /^\d{2}$/.test(pref) && /^\d{3}$/.test(muni) && muni !== '000' ? municipalityCodeFrom5(pref + muni) : null,
      address: row.所在地,
      lat: lat === null || lng === null ? null : lat,
      lng: lat === null || lng === null ? null : lng,
      beds: beds !== null && Number.isInteger(beds) ? beds : null,
    });
  }
  return { kind: 'navii', path, rows: data.length, skipped: 0, problems: log.problems, asOf: null, records };
}
