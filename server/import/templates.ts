import { z } from 'zod';
import { careOfficeNumberSchema, medicalInstitutionCodeSchema, municipalityCodeSchema, serviceCodeSchema } from '../contracts/common';
import { capacityCell, dateCell, flagCell, latitudeCell, longitudeCell, requiredTextCell, textCell } from '../contracts/import-cells';
import { normalizeRequirements, type Requirement } from '../domain/requirements';
import { headerKey, parseRow, rowsAsObjects, type CsvRow } from './csv-table';
import { checkCoordinates, dedupeFacilities } from './kaigo-open-data';
import { ProblemLog } from './problems';
import type { FacilityRecord, ParsedFile, PartnershipRecord } from './records';

/**
 * The project's two CSV templates for what the open data lacks (documented in docs/templates.md,
 * samples in data/demo/templates/):
 *  - facilities not in the 介護 open data (養護老人ホーム `YOGO`, 軽費老人ホーム `KEIHI`, or any §2 code);
 *  - partnerships a municipality already knows (from filings), including "reported: no partner".
 */
export const FACILITY_TEMPLATE_COLUMNS = ['事業所番号', 'サービスコード', '事業所名', '事業所名カナ', '市区町村コード', '住所', '緯度', '経度', '電話番号', '法人の名称', '定員'] as const;
export const PARTNERSHIP_TEMPLATE_COLUMNS = ['事業所番号', 'サービスコード', '医療機関コード', '①相談対応', '②診療', '③入院', '協定締結日', '急変時対応確認日', '終了日', '特別の関係', '報告日'] as const;

const has = (header: readonly string[], cols: readonly string[]) => {
  const h = header.map(headerKey);
  return cols.every((c) => h.includes(headerKey(c)));
};
export const looksLikeFacilityTemplate = (header: readonly string[]) => has(header, ['事業所番号', 'サービスコード', '事業所名']);
export const looksLikePartnershipTemplate = (header: readonly string[]) => has(header, ['事業所番号', 'サービスコード', '医療機関コード']);

const facilitySchema = z.object({
  事業所番号: careOfficeNumberSchema,
  サービスコード: serviceCodeSchema,
  事業所名: requiredTextCell,
  事業所名カナ: textCell,
  市区町村コード: municipalityCodeSchema,
  住所: textCell,
  緯度: latitudeCell,
  経度: longitudeCell,
  電話番号: textCell,
  法人の名称: textCell,
  定員: capacityCell,
});

export function parseFacilityTemplate(rows: CsvRow[], path: string): ParsedFile {
  const log = new ProblemLog(path);
  const data = rowsAsObjects(rows, 0, FACILITY_TEMPLATE_COLUMNS, path);
  const records: FacilityRecord[] = [];
  for (const { line, values } of data) {
    const row = parseRow(facilitySchema, values, line, log);
    if (row === null) continue;
    const [lat, lng] = checkCoordinates(row.緯度, row.経度, line, log);
    records.push({
      line,
      careOfficeNumber: row.事業所番号,
      serviceCode: row.サービスコード,
      name: row.事業所名,
      kana: row.事業所名カナ,
      address: row.住所,
      municipalityCode: row.市区町村コード,
      municipalityName: null,
      prefName: null,
      lat,
      lng,
      capacity: row.定員,
      operatorName: row.法人の名称,
      operatorNumber: null,
      phone: row.電話番号,
      source: 'facility_template',
    });
  }
  return { kind: 'facility_template', path, rows: data.length, skipped: 0, problems: log.problems, asOf: null, records: dedupeFacilities(records, log), scope: [] };
}

const blankOr = <T extends z.ZodType>(schema: T) => z.string().transform((s, ctx) => {
  if (s.trim() === '') return null;
  const r = schema.safeParse(s.trim());
  if (r.success) return r.data as z.output<T>;
  for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
  return z.NEVER;
});

const partnershipSchema = z
  .object({
    事業所番号: careOfficeNumberSchema,
    サービスコード: serviceCodeSchema,
    医療機関コード: blankOr(medicalInstitutionCodeSchema),
    '①相談対応': flagCell,
    '②診療': flagCell,
    '③入院': flagCell,
    協定締結日: dateCell,
    急変時対応確認日: dateCell,
    終了日: dateCell,
    特別の関係: flagCell,
    報告日: dateCell,
  })
  .superRefine((r, ctx) => {
    if (r.医療機関コード === null && r.報告日 === null) {
      ctx.addIssue({ code: 'custom', path: ['報告日'], message: 'A row without 医療機関コード records "no partner reported": expected the 報告日' });
    }
    if (r.医療機関コード === null && (r['①相談対応'] || r['②診療'] || r['③入院'])) {
      ctx.addIssue({ code: 'custom', path: ['医療機関コード'], message: 'Requirements are marked but no 医療機関コード is given' });
    }
    if (r.急変時対応確認日 !== null && r.協定締結日 !== null && r.急変時対応確認日 < r.協定締結日) {
      ctx.addIssue({ code: 'custom', path: ['急変時対応確認日'], message: `Expected 急変時対応確認日 on or after 協定締結日 ${r.協定締結日}, found ${r.急変時対応確認日}` });
    }
    if (r.終了日 !== null && r.協定締結日 !== null && r.終了日 < r.協定締結日) {
      ctx.addIssue({ code: 'custom', path: ['終了日'], message: `Expected 終了日 on or after 協定締結日 ${r.協定締結日}, found ${r.終了日}` });
    }
  });

export function parsePartnershipTemplate(rows: CsvRow[], path: string): ParsedFile {
  const log = new ProblemLog(path);
  const data = rowsAsObjects(rows, 0, PARTNERSHIP_TEMPLATE_COLUMNS, path);
  const records: PartnershipRecord[] = [];
  for (const { line, values } of data) {
    const row = parseRow(partnershipSchema, values, line, log);
    if (row === null) continue;
    const covers: Requirement[] = [];
    if (row['①相談対応']) covers.push('consult');
    if (row['②診療']) covers.push('examine');
    if (row['③入院']) covers.push('admit');
    records.push({
      line,
      careOfficeNumber: row.事業所番号,
      serviceCode: row.サービスコード,
      institutionCode: row.医療機関コード,
      covers: normalizeRequirements(covers),
      agreedOn: row.協定締結日,
      confirmedOn: row.急変時対応確認日,
      endedOn: row.終了日,
      specialRelationship: row.特別の関係,
      reportedOn: row.報告日,
    });
  }
  // One agreement per facility and institution: a second row for the pair replaces the first.
  const byPair = new Map<string, PartnershipRecord>();
  for (const r of records) {
    const key = `${r.careOfficeNumber}-${r.serviceCode}-${r.institutionCode ?? ''}`;
    const prev = byPair.get(key);
    if (prev) log.warn(r.line, '医療機関コード', `The same facility and institution are also on row ${prev.line}; this row is kept`);
    byPair.set(key, r);
  }
  return { kind: 'partnership_template', path, rows: data.length, skipped: 0, problems: log.problems, asOf: null, records: [...byPair.values()] };
}
