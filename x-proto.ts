import highsLoader from 'highs';
import KDBush from 'kdbush';
import * as geokdbush from 'geokdbush';
// synthetic prefecture: 3000 facilities, 2700 institutions around 3 centres
let seed = 1; const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const centres = [[139.7, 35.68, 0.12], [139.4, 35.7, 0.08], [139.3, 35.75, 0.05]];
const pt = () => { const c = centres[Math.floor(rnd() * 3)]!; return [c[0]! + gauss() * c[2]!, c[1]! + gauss() * c[2]! * 0.8]; };
const F = Array.from({ length: 3000 }, () => { const p = pt(); const mand = rnd() < 0.45; return { p, M: mand ? (rnd() < 0.5 ? 7 : 4) : 3 }; });
const I = Array.from({ length: 2700 }, () => { const p = pt(); const r = rnd(); const mask = r < 0.07 ? 7 : r < 0.16 ? 4 : 3; return { p, mask, cap: 5 }; });
const idx = new KDBush(I.length); for (const i of I) idx.add(i.p[0]!, i.p[1]!); idx.finish();
const km = (a: number[], b: number[]) => geokdbush.distance(a[0]!, a[1]!, b[0]!, b[1]!);
const maxKm = 60 / 60 * 35 / 1.3;
const t0 = performance.now();
// columns: for each facility, each distinct mask type intersecting M, keep k nearest
const K = 6;
const cols: { f: number; i: number; t: number; cov: number }[] = [];
F.forEach((f, fi) => {
  const near = geokdbush.around(idx, f.p[0]!, f.p[1]!, Infinity, maxKm) as number[];
  const perMask = new Map<number, number>();
  for (const ii of near) { const cov = I[ii]!.mask & f.M; if (!cov) continue; const n = perMask.get(I[ii]!.mask) ?? 0; if (n >= K) continue; perMask.set(I[ii]!.mask, n + 1); cols.push({ f: fi, i: ii, t: Math.round(km(f.p, I[ii]!.p) * 1.3 / 35 * 600), cov }); }
});
const t1 = performance.now();
const bits = (m: number) => [1, 2, 4].filter((b) => m & b);
// rows: coverage rows per (f, r in M); capacity per i
const rowIndex = new Map<string, number>(); let nRows = 0;
F.forEach((f, fi) => bits(f.M).forEach((b) => rowIndex.set(`${fi}:${b}`, nRows++)));
const capRow0 = nRows; nRows += I.length;
const W = 3 * 600 * 60 * F.length + 1;
// CSC: y cols then z cols
const start: number[] = [0]; const index: number[] = []; const value: number[] = []; const cost: number[] = [];
for (const c of cols) { for (const b of bits(c.cov)) { index.push(rowIndex.get(`${c.f}:${b}`)!); value.push(1); } index.push(capRow0 + c.i); value.push(1); start.push(index.length); cost.push(c.t); }
F.forEach((f, fi) => { for (const b of bits(f.M)) { index.push(rowIndex.get(`${fi}:${b}`)!); value.push(-1); } start.push(index.length); cost.push(-W); });
const nCols = cols.length + F.length;
const rowLower = new Array(nRows).fill(0).map((_, r) => (r < capRow0 ? 0 : -Infinity));
const rowUpper = new Array(nRows).fill(0).map((_, r) => (r < capRow0 ? Infinity : I[r - capRow0]!.cap));
const highs = await highsLoader();
const inf = highs.infinity;
const model = { sense: highs.constants.objectiveSense.minimize, numCols: nCols, numRows: nRows, colCost: cost, colLower: new Array(nCols).fill(0), colUpper: new Array(nCols).fill(1), rowLower: rowLower.map((x) => (x === -Infinity ? -inf : x)), rowUpper: rowUpper.map((x) => (x === Infinity ? inf : x)), matrix: { format: 'csc' as const, numRows: nRows, numCols: nCols, starts: start, indices: index, values: value }, integrality: new Array(nCols).fill(1) };
const t2 = performance.now();
const m = highs.createModel(model as never);
m.options.set({ mip_rel_gap: 0, mip_abs_gap: 0.5, output_flag: false });
const r = m.run();
const t3 = performance.now();
const sol = m.getSolution();
const covered = F.filter((_, fi) => (sol as any).colValue[cols.length + fi] > 0.5).length;
console.log({ cols: cols.length, rows: nRows, colsMs: Math.round(t1 - t0), buildMs: Math.round(t2 - t1), solveMs: Math.round(t3 - t2), status: m.getModelStatus(), obj: m.getObjectiveValue(), covered });
