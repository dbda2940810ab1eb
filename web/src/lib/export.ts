/**
 * Files to download: CSV that opens correctly in Japanese Excel (UTF-8 with a byte-order mark,
 * CRLF line ends, every field quoted when it needs to be) and GeoJSON.
 */
export type Cell = string | number | null | undefined;

/**
 * Text that Excel would run as a formula (= + - @, or a tab or CR first) is kept as text with a
 * leading apostrophe (OWASP's CSV-injection advice); numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const quote = (c: Cell) => {
  const raw = c === null || c === undefined ? '' : String(c);
  const s = typeof c === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
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

export const downloadCsv = (fileName: string, header: readonly string[], rows: readonly (readonly Cell[])[]) => download(fileName, toCsv(header, rows), 'text/csv;charset=utf-8');
/** GeoJSON (RFC 7946 allows a Feature without geometry: `geometry: null`, as unplaced facilities are). */
export const downloadGeoJson = (fileName: string, fc: GeoJSON.FeatureCollection<GeoJSON.Geometry | null>) => download(fileName, `${JSON.stringify(fc, null, 1)}\n`, 'application/geo+json');
