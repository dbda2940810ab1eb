import { unzipSync } from 'fflate';
import { csvText } from '../demo/csv-text';
import { parseCsv } from '../../server/import/csv-table';
import { decodeText } from '../../server/import/text-decoding';

/**
 * National CSV files (介護 open data, ナビイ) cut down to one prefecture: the header and the rows
 * whose prefecture column matches, written as UTF-8 with BOM (the import reads either way).
 */
export function rowsOfPrefecture(bytes: Uint8Array, name: string, prefCode: string, column: (header: string[]) => number, digits: (cell: string) => string): { text: string; rows: number } {
  const rows = parseCsv(decodeText(bytes).text, name);
  const header = rows[0]?.cells ?? [];
  const i = column(header);
  if (i < 0) throw new Error(`${name}: no prefecture column in the header`);
  const kept = rows.slice(1).filter((r) => digits(r.cells[i] ?? '').startsWith(prefCode));
  return { text: csvText([header, ...kept.map((r) => r.cells)], { bom: true }), rows: kept.length };
}

/** The first entry of a ZIP whose name matches. */
export function zipEntry(bytes: Uint8Array, pattern: RegExp): { name: string; bytes: Uint8Array } | null {
  const entries = unzipSync(bytes, { filter: (f) => pattern.test(f.name) });
  const name = Object.keys(entries).sort()[0];
  return name ? { name, bytes: entries[name] as Uint8Array } : null;
}
