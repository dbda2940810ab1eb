import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FatalImportError } from '../../server/import/problems';
import { importPaths } from '../../server/import/run-import';
import { memoryDb, snapshot } from '../helpers/db';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';

/**
 * Import fuzzing: official files with bytes flipped, cut short, lines dropped, doubled or made up,
 * cells replaced — imported over the unmutated file. The import never crashes: it either refuses
 * the file with a FatalImportError naming it, and the database is exactly as before, or it imports
 * what it can and names file and row of every problem. Real files from ../shared/data when present
 * (REAL_DATA_DIR), and always the demo region's files in the same formats.
 * Runs: 25 a file in `npm test`, FUZZ_RUNS/10 (1,000) in `npm run fuzz`.
 */
const RUNS = Math.max(25, Math.round(Number(process.env.FUZZ_RUNS ?? 250) / 10));
const NOW = { now: new Date('2026-11-01T00:00:00Z') };
const dir = mkdtempSync(join(tmpdir(), 'renkei-import-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Mutation =
  | { kind: 'flip'; at: number[]; bytes: number[] }
  | { kind: 'cut'; at: number }
  | { kind: 'line'; op: 'drop' | 'double' | 'insert' | 'cell'; at: number; text: string };

const ODD = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '"', '""', '","', ',,,,', '\r', '\u0000', '９９', '令和99年99月99日', '-999', '1e999', 'NaN', '"unterminated', '🏥'.repeat(50)));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), bytes: fc.array(fc.nat(255), { minLength: 8, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('line' as const), op: fc.constantFrom('drop' as const, 'double' as const, 'insert' as const, 'cell' as const), at: fc.nat(), text: ODD }),
);

function mutate(bytes: Buffer, m: Mutation, text: boolean): Buffer {
  if (m.kind === 'flip') {
    const out = Buffer.from(bytes);
    m.at.forEach((a, i) => (out[a % out.length] = m.bytes[i]!));
    return out;
  }
  if (m.kind === 'cut') return bytes.subarray(0, m.at % (bytes.length + 1));
  if (!text) return mutate(bytes, { kind: 'flip', at: [m.at], bytes: [m.text.charCodeAt(0) & 255] }, false);
  const lines = bytes.toString('utf8').split('\n');
  const i = m.at % lines.length;
  if (m.op === 'drop') lines.splice(i, 1);
  else if (m.op === 'double') lines.splice(i, 0, lines[i]!);
  else if (m.op === 'insert') lines.splice(i, 0, m.text);
  else {
    const cells = lines[i]!.split(',');
    cells[m.at % cells.length] = m.text;
    lines[i] = cells.join(',');
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

const BASES: { name: string; path: string; real: boolean }[] = [
  { name: 'demo 介護 open data (CSV)', path: 'data/demo/kaigo/jigyosho_510.csv', real: false },
  { name: 'demo 厚生局 名簿 (CSV)', path: 'data/demo/kouseikyoku/todokede_ika_99.csv', real: false },
  { name: 'demo partnership template (CSV)', path: 'data/demo/templates/partnerships.csv', real: false },
  { name: 'real 介護 open data, Tottori 特定施設 (CSV)', path: realPath('tottori', 'kaigo_331_tokutei_yuryo_tottori.csv'), real: true },
  { name: 'real 介護 open data, Tottori 軽費 (CSV)', path: realPath('tottori', 'kaigo_332_tokutei_keihi_tottori.csv'), real: true },
  { name: 'real 厚生局 名簿, Yamanashi (xlsx)', path: realPath('format-samples', '19_yamanashi_koumokubetsu2_ika_r0802.xlsx'), real: true },
];

describe('import fuzzing: mutated files never crash the import, and a refused file changes nothing', () => {
  for (const base of BASES) {
    const skip = base.real && !hasRealData;
    it.skipIf(skip)(`${base.name}${skip ? ` — skipped: ${realDataSkipReason}` : ''}`, async () => {
      const original = readFileSync(base.path);
      const isText = !base.path.endsWith('.xlsx');
      const db = memoryDb();
      if (base.path.includes('partnerships')) await importPaths(db, ['data/demo'], NOW);
      else await importPaths(db, [base.path], NOW);
      const target = join(dir, basename(base.path));
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          writeFileSync(target, mutate(original, m, isText));
          const before = snapshot(db);
          try {
            const summary = await importPaths(db, [target], NOW);
            for (const p of summary.problems) {
              expect(p.file, JSON.stringify(p)).toMatch(/\S/);
              expect(p.message, JSON.stringify(p)).toMatch(/\S/);
            }
          } catch (e) {
            expect(e, String((e as Error).stack)).toBeInstanceOf(FatalImportError);
            expect((e as Error).message).toContain(basename(base.path));
            expect(snapshot(db)).toBe(before);
            refused++;
          }
        }),
        // Besides the random ones, always a file cut to nothing and one cut inside its header row,
        // so every run sees files refused outright whatever the seed.
        { numRuns: RUNS, endOnFailure: true, examples: [[{ kind: 'cut', at: 0 }], [{ kind: 'cut', at: 12 }]] },
      );
      // The mutations are not all harmless: some files are refused outright.
      expect(refused).toBeGreaterThan(0);
    }, 120_000 + RUNS * 500);
  }
});
