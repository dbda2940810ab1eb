import { z } from 'zod';
import { textCell, digitsCell } from '../contracts/import-cells';
import { medicalCodeFromKouseikyoku, validateMedicalInstitutionCode } from '../domain/identifiers';
import { kindFromBeds, normalizeSymbol, type InstitutionKind } from '../domain/institution-offers';
import { headerKey, parseRow, rowsAsObjects, type CsvRow } from './csv-table';
import { eraDateToIso } from './era-date';
import { ProblemLog } from './problems';
import type { InstitutionRecord, ParsedFile } from './records';

/**
 * 地方厚生局 届出受理医療機関名簿 (standard layout): a title row with the as-of date, then a header
 * row, then one row per accepted notification, 医科/歯科/薬局 mixed. 医科 rows become institutions
 * (grouped by 医療機関番号); 歯科 and 薬局 rows are counted as skipped.
 */
export const MEIBO_COLUMNS = [
  '都道府県コード', '都道府県名', '区分', '医療機関番号', '医療機関名称', '医療機関所在地（郵便番号）',
  '医療機関所在地（住所）', '電話番号', '病床数', '受理届出名称', '受理記号', '受理番号', '算定開始年月日', '市町村コード', '種別',
] as const;

/** Index of the header row among the first rows, or -1. */
export function findMeiboHeader(rows: readonly CsvRow[]): number {
  return rows.slice(0, 15).findIndex((r) => {
    const h = r.cells.map(headerKey);
    return h.includes('医療機関番号') && h.includes('受理記号');
  });
}

/** `[令和７年１０月１日 現在 ]令和７年１０月２１日作成` → 2025-10-01. */
export function meiboAsOf(rows: readonly CsvRow[], headerIndex: number): string | null {
  for (const r of rows.slice(0, headerIndex)) {
    const m = /((?:明治|大正|昭和|平成|令和)\s*(?:元|[0-9０-９]+)\s*年\s*[0-9０-９]+\s*月\s*[0-9０-９]+\s*日)\s*現在/.exec(r.cells.join(' '));
    if (m) return eraDateToIso(m[1] as string);
  }
  return null;
}

/** 病床数 as published ("一般　　59／療養　　40", "精神　　120") → total beds; blank → null. */
export function totalBeds(raw: string): number | null {
  const nums = raw.normalize('NFKC').match(/\d+/g);
  return nums ? nums.reduce((s, n) => s + Number(n), 0) : null;
}

const KIND_BY_SHUBETSU: Record<string, InstitutionKind> = { 病院: 'hospital', 診療所: 'clinic' };

const rowSchema = z.object({
  都道府県コード: digitsCell(2, '都道府県コード'),
  都道府県名: textCell,
  医療機関番号: digitsCell(7, '医療機関番号'),
  医療機関名称: z.string().trim().min(1, { message: 'Expected the 医療機関名称, found an empty cell' }),
  '医療機関所在地（郵便番号）': textCell,
  '医療機関所在地（住所）': textCell,
  電話番号: textCell,
  病床数: z.string(),
  受理届出名称: textCell,
  受理記号: z.string(),
  受理番号: z.string(),
  算定開始年月日: z.string(),
  市町村コード: textCell,
  種別: textCell,
});

export function parseKouseikyokuMeibo(rows: CsvRow[], path: string): ParsedFile {
  const log = new ProblemLog(path);
  const headerIndex = findMeiboHeader(rows);
  const data = rowsAsObjects(rows, headerIndex, MEIBO_COLUMNS, path);
  const byCode = new Map<string, InstitutionRecord>();
  const seen = new Set<string>();
  let skipped = 0;

  for (const { line, values } of data) {
    if (values.区分 !== '医科') {
      skipped++; // 歯科 and 薬局 are not candidates
      continue;
    }
    const row = parseRow(rowSchema, values, line, log);
    if (row === null) continue;
    const code = medicalCodeFromKouseikyoku(row.都道府県コード, row.医療機関番号);
    const codeError = validateMedicalInstitutionCode(code);
    if (codeError) {
      log.error(line, '医療機関番号', codeError);
      continue;
    }
    const symbol = normalizeSymbol(row.受理記号);
    const acceptedNumber = row.受理番号.normalize('NFKC').trim();
    // Continuation rows (備考 only) repeat a notification: one per 医療機関番号 + 受理記号 + 受理番号.
    const key = `${code}|${symbol}|${acceptedNumber}`;
    if (symbol === '' || seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);

    let inst = byCode.get(code);
    if (!inst) {
      const beds = totalBeds(row.病床数);
      const prefName = row.都道府県名 ?? '';
      inst = {
        line,
        code,
        kind: KIND_BY_SHUBETSU[row.種別 ?? ''] ?? kindFromBeds(beds),
        name: row.医療機関名称.replace(/\u3000/g, ' ').trim(),
        postalCode: row['医療機関所在地（郵便番号）'],
        // The lists omit the prefecture and print full-width digits: stored with the prefecture and
        // NFKC-normalised so addresses read the same as the 介護 open data's.
        address: row['医療機関所在地（住所）'] === null ? null : `${prefName}${row['医療機関所在地（住所）']}`.normalize('NFKC'),
        phone: row.電話番号,
        municipalityCode: row.市町村コード && /^\d{6}$/.test(row.市町村コード) ? row.市町村コード : null,
        beds,
        bedsDetail: row.病床数.trim() === '' ? null : row.病床数.replace(/\u3000+/g, ' ').trim(),
        notifications: [],
      };
      byCode.set(code, inst);
    }
    const startRaw = row.算定開始年月日.trim();
    const startDate = startRaw === '' ? null : eraDateToIso(startRaw);
    if (startRaw !== '' && startDate === null) {
      log.warn(line, '算定開始年月日', `Expected an era date like "令和 4年10月 1日", found "${startRaw}"; kept without a start date`);
    }
    inst.notifications.push({ symbol, acceptedNumber, name: row.受理届出名称, startDate });
  }
  return {
    kind: 'kouseikyoku_meibo',
    path,
    rows: data.length,
    skipped,
    problems: log.problems,
    asOf: meiboAsOf(rows, headerIndex),
    records: [...byCode.values()],
  };
}
