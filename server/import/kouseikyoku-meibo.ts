import { z } from 'zod';
import { textCell } from '../contracts/import-cells';
import { showValue } from '../contracts/common';
import { medicalCodeFromKouseikyoku, validateMedicalInstitutionCode } from '../domain/identifiers';
import { kindFromBeds, kindFromSymbols, normalizeSymbol, type InstitutionKind } from '../domain/institution-offers';
import { privateUseCodePoints } from '../domain/search-text';
import { columnMapper, headerKey, parseRow, type CsvRow } from './csv-table';
import { eraDateToIso } from '../domain/dates';
import { FatalImportError, ProblemLog } from './problems';
import type { InstitutionRecord, ParsedFile } from './records';

/**
 * 地方厚生局 届出受理医療機関名簿, in either layout:
 *  - standard (24 columns): a title row with the as-of date, a header row, one row per accepted
 *    notification with 医科/歯科/薬局 mixed (区分). 九州/四国/中部 repeat a notification on
 *    continuation rows carrying ward details in 備考: one notification per 医療機関番号 + 受理記号 + 受理番号.
 *  - 関東信越 項目別 (19 columns, no 区分/種別/市町村コード): lists only some notifications, so they are
 *    merged into what is known rather than replacing it; its 区分 is in the title (`… 現在　医科]`).
 * 医科 rows become institutions (grouped by 医療機関番号); 歯科 and 薬局 rows are counted as skipped.
 */
export const MEIBO_COLUMNS = [
  '都道府県コード', '都道府県名', '医療機関番号', '医療機関名称', '医療機関所在地（住所）', '受理記号', '受理番号', '算定開始年月日',
] as const;
const MEIBO_OPTIONAL = ['区分', '医療機関所在地（郵便番号）', '電話番号', '病床数', '受理届出名称', '市町村コード', '種別'] as const;

/** Index of the header row among the first rows, or -1. */
export function findMeiboHeader(rows: readonly CsvRow[]): number {
  return rows.slice(0, 15).findIndex((r) => {
    const h = r.cells.map(headerKey);
    return h.includes('医療機関番号') && h.includes('受理記号');
  });
}

const titleText = (rows: readonly CsvRow[], headerIndex: number) => rows.slice(0, headerIndex).map((r) => r.cells.join(' ')).join(' ');

/** `[令和７年１０月１日 現在 ]令和７年１０月２１日作成` → 2025-10-01. */
export function meiboAsOf(rows: readonly CsvRow[], headerIndex: number): string | null {
  const m = /((?:明治|大正|昭和|平成|令和)\s*(?:元|[0-9０-９]+)\s*年\s*[0-9０-９]+\s*月\s*[0-9０-９]+\s*日)\s*現在/.exec(titleText(rows, headerIndex));
  return m ? eraDateToIso(m[1] as string) : null;
}

/** 病床数 as published ("一般　　59／療養　　40", or one kind per line) → total beds; blank → null. */
export function totalBeds(raw: string): number | null {
  const nums = raw.normalize('NFKC').match(/\d+/g);
  return nums ? nums.reduce((s, n) => s + Number(n), 0) : null;
}

const KIND_BY_SHUBETSU: Record<string, InstitutionKind> = { 病院: 'hospital', 診療所: 'clinic' };

/** 医療機関番号: 7 digits, full- or half-width; a number cell that lost its leading zeros is padded. */
const number7Cell = z.string().transform((raw, ctx) => {
  const s = raw.normalize('NFKC').trim();
  if (!/^\d{1,7}$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `Expected a 7-digit 医療機関番号, found ${showValue(raw)}` });
    return z.NEVER;
  }
  return s.padStart(7, '0');
});

const rowSchema = z.object({
  都道府県コード: z.string().transform((raw, ctx) => {
    const s = raw.normalize('NFKC').trim().padStart(2, '0');
    if (!/^\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: `Expected a 2-digit 都道府県コード, found ${showValue(raw)}` });
    return s;
  }),
  都道府県名: textCell,
  医療機関番号: number7Cell,
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

function newInstitution(row: z.output<typeof rowSchema>, code: string, line: number): InstitutionRecord {
  const beds = totalBeds(row.病床数);
  const address = row['医療機関所在地（住所）'];
  return {
    line,
    code,
    kind: KIND_BY_SHUBETSU[row.種別 ?? ''] ?? kindFromBeds(beds),
    name: row.医療機関名称.normalize('NFKC').replace(/\s+/g, ' ').trim(),
    postalCode: row['医療機関所在地（郵便番号）']?.normalize('NFKC') ?? null,
    // The lists omit the prefecture and print full-width digits: stored with the prefecture and
    // NFKC-normalised so addresses read the same as the 介護 open data's.
    address: address === null ? null : `${row.都道府県名 ?? ''}${address}`.normalize('NFKC'),
    phone: row.電話番号,
    municipalityCode: row.市町村コード && /^\d{6}$/.test(row.市町村コード) ? row.市町村コード : null,
    beds,
    bedsDetail: row.病床数.trim() === '' ? null : row.病床数.normalize('NFKC').replace(/\s+/g, ' ').trim(),
    notifications: [],
  };
}

/**
 * Reads a 名簿 row by row: `add` each row after the header, then `finish`. Nothing but the
 * institutions found so far is kept, so a workbook can be streamed (xlsx-stream.ts). Notification
 * names and symbols repeat on most rows: they are interned, one string each.
 */
export class MeiboReader {
  private readonly log: ProblemLog;
  private readonly map: ReturnType<typeof columnMapper<(typeof MEIBO_COLUMNS)[number], (typeof MEIBO_OPTIONAL)[number]>>;
  private readonly hasKubun: boolean;
  private readonly titleKubun: string | undefined;
  private readonly asOf: string | null;
  private readonly byCode = new Map<string, InstitutionRecord>();
  private readonly seen = new Set<string>();
  private readonly prefCodes = new Set<string>();
  private readonly interned = new Map<string, string>();
  private rows = 0;
  private otherKinds = 0;
  private continuation = 0;

  /** @param head the rows up to and including the header row (findMeiboHeader). */
  constructor(private readonly path: string, head: readonly CsvRow[]) {
    this.log = new ProblemLog(path);
    const headerIndex = findMeiboHeader(head);
    const header = head[headerIndex];
    this.map = columnMapper(header, MEIBO_COLUMNS, path, MEIBO_OPTIONAL);
    this.hasKubun = (header?.cells ?? []).map(headerKey).includes('区分');
    this.titleKubun = /(医科|歯科|薬局)/.exec(titleText(head, headerIndex))?.[1];
    if (!this.hasKubun && !this.titleKubun) {
      throw new FatalImportError({ file: path, row: header?.line ?? 1, column: '区分', message: 'No 区分 column and no 医科/歯科/薬局 in the title: cannot tell which institutions the list holds' });
    }
    this.asOf = meiboAsOf(head, headerIndex);
  }

  private intern(s: string): string {
    const known = this.interned.get(s);
    if (known !== undefined) return known;
    this.interned.set(s, s);
    return s;
  }

  add(r: CsvRow): void {
    this.rows++;
    const { line, values } = this.map(r);
    if ((this.hasKubun ? values.区分 : this.titleKubun) !== '医科') {
      this.otherKinds++; // 歯科 and 薬局 are not candidates
      return;
    }
    const row = parseRow(rowSchema, values, line, this.log);
    if (row === null) return;
    const code = medicalCodeFromKouseikyoku(row.都道府県コード, row.医療機関番号);
    const codeError = validateMedicalInstitutionCode(code);
    if (codeError) {
      this.log.error(line, '医療機関番号', codeError);
      return;
    }
    this.prefCodes.add(row.都道府県コード);
    const symbol = this.intern(normalizeSymbol(row.受理記号));
    const acceptedNumber = row.受理番号.normalize('NFKC').trim();
    const key = `${code}|${symbol}|${acceptedNumber}`;
    if (symbol === '' || this.seen.has(key)) {
      this.continuation++; // a continuation row (備考 details) of a notification already read
      return;
    }
    this.seen.add(key);
    let inst = this.byCode.get(code);
    if (!inst) {
      inst = newInstitution(row, code, line);
      this.byCode.set(code, inst);
      warnPrivateUse(inst, line, this.log);
    }
    const startRaw = row.算定開始年月日.trim();
    const startDate = startRaw === '' ? null : eraDateToIso(startRaw);
    if (startRaw !== '' && startDate === null) {
      this.log.warn(line, '算定開始年月日', `Expected an era date like "令和 4年10月 1日", found "${startRaw}"; kept without a start date`);
    }
    inst.notifications.push({ symbol, acceptedNumber, name: row.受理届出名称 === null ? null : this.intern(row.受理届出名称), startDate: startDate === null ? null : this.intern(startDate) });
  }

  finish(): ParsedFile {
    // Kind still unknown (no 種別, no 病床数): the notifications themselves tell it (支援病 → 病院 …).
    for (const inst of this.byCode.values()) if (inst.kind === 'unknown') inst.kind = kindFromSymbols(inst.notifications.map((n) => n.symbol));
    return {
      kind: 'kouseikyoku_meibo',
      path: this.path,
      rows: this.rows,
      skipped: this.otherKinds + this.continuation,
      problems: this.log.problems,
      asOf: this.asOf,
      notes: [
        `${this.rows} notification rows → ${this.byCode.size} 医科 institutions (${this.hasKubun ? 'standard layout' : '項目別 layout: notifications merged'}); skipped ${this.otherKinds} 歯科/薬局 rows and ${this.continuation} continuation rows`,
      ],
      records: [...this.byCode.values()],
      layout: this.hasKubun ? 'standard' : 'koumokubetsu',
      prefCodes: [...this.prefCodes],
    };
  }
}

/** 外字 in an institution's name or address: kept as published, said once per institution. */
function warnPrivateUse(inst: InstitutionRecord, line: number, log: ProblemLog): void {
  for (const [column, text] of [['医療機関名称', inst.name], ['医療機関所在地（住所）', inst.address ?? '']] as const) {
    const pua = privateUseCodePoints(text);
    if (pua.length > 0) log.warn(line, column, `外字 (Private Use Area ${pua.join(', ')}) kept as published; search and address matching ignore it`);
  }
}

/** A whole 名簿 already in rows (CSV): the same reader over the rows after the header. */
export function parseKouseikyokuMeibo(rows: CsvRow[], path: string, progress?: (done: number, total: number) => void): ParsedFile {
  const headerIndex = findMeiboHeader(rows);
  const reader = new MeiboReader(path, rows.slice(0, headerIndex + 1));
  const data = rows.slice(headerIndex + 1);
  data.forEach((r, i) => {
    if (progress && i % 20000 === 0 && data.length > 20000) progress(i, data.length);
    reader.add(r);
  });
  return reader.finish();
}
