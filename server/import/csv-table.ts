import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { FatalImportError, type ProblemLog } from './problems';

/** One CSV record with the file line it ends on (1-based), for problem reports. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * A cell written as the text formula `="…"` — how our own exports keep codes as text in Excel
 * (web/src/lib/export.ts) — reads as its inner text, so 事業所番号 "0123456789" comes back whole.
 */
const TEXT_FORMULA = /^="([^"]*)"$/;
export const unwrapTextFormula = (cell: string) => TEXT_FORMULA.exec(cell)?.[1] ?? cell;

/** Parses CSV text (CRLF or LF, quoted fields) keeping line numbers; `="…"` cells as their inner text. */
export function parseCsv(text: string, file: string): CsvRow[] {
  try {
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record.map(unwrapTextFormula) }));
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new FatalImportError({ file, row: err.lines ?? null, column: null, message: `Not a readable CSV: ${err.message}` });
  }
}

/** Normalises a header cell for comparison: NFKC, no spaces. */
export const headerKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * A function mapping one row to an object keyed by the header names in `columns` (and in
 * `optional`, which read as '' when the layout has no such column). A missing required column is
 * fatal: the file is not what it claims to be.
 */
export function columnMapper<C extends string, O extends string = never>(
  headerRow: CsvRow | undefined,
  columns: readonly C[],
  file: string,
  optional: readonly O[] = [],
): (r: CsvRow) => { line: number; values: Record<C | O, string> } {
  const header = (headerRow?.cells ?? []).map(headerKey);
  const all = [...columns, ...optional] as (C | O)[];
  const positions = all.map((c) => header.indexOf(headerKey(c)));
  const missing = columns.filter((_, i) => positions[i] === -1);
  if (missing.length > 0) {
    throw new FatalImportError({
      file,
      row: headerRow?.line ?? 1,
      column: missing[0] ?? null,
      message: `Missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `「${m}」`).join(', ')}; expected a header with ${columns.map((c) => `「${c}」`).join(', ')}`,
    });
  }
  return (r) => {
    const values = {} as Record<C | O, string>;
    all.forEach((c, i) => (values[c] = positions[i] === -1 ? '' : (r.cells[positions[i] as number] ?? '').trim()));
    return { line: r.line, values };
  };
}

/** Every row after `headerIndex` mapped by columnMapper. */
export function rowsAsObjects<C extends string, O extends string = never>(
  rows: CsvRow[],
  headerIndex: number,
  columns: readonly C[],
  file: string,
  optional: readonly O[] = [],
): { line: number; values: Record<C | O, string> }[] {
  const map = columnMapper(rows[headerIndex], columns, file, optional);
  return rows.slice(headerIndex + 1).map(map);
}

/**
 * Parses one row object with a zod schema whose keys are column names; each issue becomes a
 * problem on that row and column. Returns null when the row has errors.
 */
export function parseRow<S extends z.ZodType>(schema: S, values: unknown, line: number, log: ProblemLog): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    log.error(line, issue.path.length > 0 ? String(issue.path[0]) : null, issue.message);
  }
  return null;
}
