/**
 * A1-style spreadsheet addresses ('C12', 'C12:H12') as plain data: column letters ↔ numbers, the cells
 * and rows a range covers, a range moved down. Pure; used by the 届出書 layout (filing-form.ts) and its
 * .xlsx writer and reader.
 */
export function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
export function columnLetters(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}
interface Box { c1: number; r1: number; c2: number; r2: number }
function box(range: string): Box {
  const [a, b = a] = range.split(':') as [string, string?];
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new RangeError(`Expected an A1-style cell, got "${s}"`);
    return [columnNumber(m[1]!), Number(m[2])] as const;
  };
  const [c1, r1] = cell(a);
  const [c2, r2] = cell(b as string);
  return { c1, r1, c2, r2 };
}
/** The top-left cell of a range ('C12:H12' → 'C12'). */
export const topLeft = (range: string): string => range.split(':')[0] as string;
/** Every cell a range covers. */
export function rangeCells(range: string): string[] {
  const { c1, r1, c2, r2 } = box(range);
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${columnLetters(c)}${r}`);
  return out;
}
export const rangeRows = (range: string): [number, number] => {
  const { r1, r2 } = box(range);
  return [r1, r2];
};
/** A block-relative range moved so that its row 1 lands on `firstRow`. */
export function placeRange(range: string, firstRow: number): string {
  return range.split(':').map((s) => s.replace(/\d+$/, (r) => String(Number(r) + firstRow - 1))).join(':');
}
