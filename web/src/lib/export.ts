/**
 * Files to download: CSV that opens correctly in Japanese Excel (UTF-8 with a byte-order mark,
 * CRLF line ends, every field quoted when it needs to be) and GeoJSON.
 */
export type Cell = string | number | null | undefined;

/**
 * What a column holds. `code`: an identifier made of digits (事業所番号, サービスコード, 医療機関コード,
 * 市区町村コード, a phone number) that Excel must not read as a number — written `="0123456789"`, so
 * Excel shows it as text with its leading zeros (server/import/csv-table.ts reads such a cell back as
 * its inner text). `text` (the default): free text, guarded against formula injection. `number`: as is.
 */
export type ColumnKind = 'text' | 'code' | 'number';
export interface Column {
  title: string;
  kind?: ColumnKind;
}

/**
 * Text that Excel would run as a formula (= + - @, or a tab or CR first) is kept as text with a
 * leading apostrophe (OWASP's CSV-injection advice); numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What a code cell may hold to be written as a formula: nothing Excel could run. */
const CODE = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

const field = (s: string) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const text = (c: Cell) => {
  const raw = c === null || c === undefined ? '' : String(c);
  return field(typeof c === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw);
};

/** A code as the text formula `="…"` (quoted as a CSV field: `"=""0123"""`); anything else as text. */
const code = (c: Cell) => {
  const raw = c === null || c === undefined ? '' : String(c);
  return CODE.test(raw) ? field(`="${raw}"`) : text(c);
};

const writer = (kind: ColumnKind | undefined) => (kind === 'code' ? code : text);

export function toCsv(columns: readonly (string | Column)[], rows: readonly (readonly Cell[])[]): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { title: c } : c));
  const write = cols.map((c) => writer(c.kind));
  const lines = [cols.map((c) => text(c.title)).join(','), ...rows.map((r) => r.map((cell, i) => (write[i] ?? text)(cell)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function download(fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const downloadCsv = (fileName: string, columns: readonly (string | Column)[], rows: readonly (readonly Cell[])[]) => download(fileName, toCsv(columns, rows), 'text/csv;charset=utf-8');
/** GeoJSON (RFC 7946 allows a Feature without geometry: `geometry: null`, as unplaced facilities are). */
export const downloadGeoJson = (fileName: string, fc: GeoJSON.FeatureCollection<GeoJSON.Geometry | null>) => download(fileName, `${JSON.stringify(fc, null, 1)}\n`, 'application/geo+json');

/**
 * Points for what has a position, and `geometry: null` with `unplaced: true` for what has none (so
 * nothing is dropped in silence); `unplaced` is on every feature, false where placed.
 */
export function pointFeatures<T extends { position: [number, number] | null }, P extends object>(items: readonly T[], props: (item: T) => P): { fc: GeoJSON.FeatureCollection<GeoJSON.Point | null, P & { unplaced: boolean }>; unplaced: number } {
  const features = items.map((item) => ({
    type: 'Feature' as const,
    geometry: item.position ? { type: 'Point' as const, coordinates: item.position } : null,
    properties: { ...props(item), unplaced: item.position === null },
  }));
  return { fc: { type: 'FeatureCollection', features }, unplaced: features.filter((f) => f.geometry === null).length };
}
