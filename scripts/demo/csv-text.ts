/** CSV text as the official files are written: CRLF, fields quoted only when needed, optional BOM. */
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvText(rows: readonly (readonly (string | number | null)[])[], opts: { bom: boolean }): string {
  const body = rows.map((r) => r.map((v) => quote(v === null ? '' : String(v))).join(',')).join('\r\n');
  return `${opts.bom ? '\uFEFF' : ''}${body}\r\n`;
}

/** ISO date → `令和 4年10月 1日` / `令和元年 9月 1日` / `平成30年 4月 1日`, as the 厚生局 lists print them. */
export function isoToEra(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const reiwa = iso >= '2019-05-01';
  const n = reiwa ? y - 2018 : y - 1988;
  const pad = (x: number) => String(x).padStart(2, ' ');
  return `${reiwa ? '令和' : '平成'}${n === 1 ? '元' : pad(n)}年${pad(m)}月${pad(d)}日`;
}
