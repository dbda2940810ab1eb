import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { formatProblem } from '../../server/import/problems';
import { importPaths } from '../../server/import/run-import';
import { memoryDb, snapshot } from '../helpers/db';
import { hasRealData, realPath } from '../helpers/real-data';

const NOW = { now: new Date('2026-11-01T00:00:00Z') };
const KAIGO_HEADER = readFileSync('test/fixtures/kaigo_small.csv', 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]!;
const VALID_ROW = readFileSync('test/fixtures/kaigo_small.csv', 'utf8').split('\r\n')[1]!;
const tmp = () => mkdtempSync(join(tmpdir(), 'renkei-corrupt-'));

/** A one-row open-data file where the row is `VALID_ROW` with column `index` replaced. */
function kaigoWith(index: number, value: string): string {
  const cells = VALID_ROW.split(',');
  cells[index] = value;
  const path = join(tmp(), 'kaigo.csv');
  writeFileSync(path, `${KAIGO_HEADER}\r\n${cells.join(',')}\r\n`);
  return path;
}

/**
 * Corrupt inputs give a clear error — file, row, column, what was expected — and leave the
 * database exactly as it was.
 */
describe('corrupt inputs', () => {
  let db: Db;
  let before: string;
  beforeEach(async () => {
    db = memoryDb();
    await importPaths(db, ['test/fixtures/n03_small.geojson', 'test/fixtures/kaigo_small_sjis.csv'], NOW);
    before = snapshot(db);
  });

  it.skipIf(!hasRealData)('a truncated xlsx: fatal, named, nothing written', async () => {
    const bytes = readFileSync(realPath('tottori/31_tottori_todokede_ika_2025-10.xlsx'));
    const path = join(tmp(), 'truncated.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(importPaths(db, [path, 'test/fixtures/kaigo_small.csv'], NOW)).rejects.toThrow(/truncated\.xlsx:-:- — Not a readable Excel file \(truncated or damaged\?\)/);
    expect(snapshot(db)).toBe(before);
  });

  it('a CSV with a missing column: fatal, names the column, nothing written', async () => {
    await expect(importPaths(db, ['test/fixtures/kaigo_missing_column.csv'], NOW)).rejects.toThrow(/:1:緯度 — Missing column 「緯度」/);
    expect(snapshot(db)).toBe(before);
  });

  it('a malformed 事業所番号: the row is rejected with its row and column, nothing written', async () => {
    const s = await importPaths(db, [kaigoWith(15, '31511802')], NOW);
    expect(s.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([expect.stringMatching(/kaigo\.csv:2:事業所番号 — Expected a 10-character 事業所番号 \(2 digits, a digit or letter, 7 digits\), got "31511802"/)]);
    expect(s.ok).toBe(false);
    expect(snapshot(db)).toBe(before);
  });

  it('text in 緯度: the row is rejected with its row and column, nothing written', async () => {
    const s = await importPaths(db, [kaigoWith(9, '北緯35度')], NOW);
    expect(s.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([expect.stringMatching(/kaigo\.csv:2:緯度 — Expected a number in degrees, found "北緯35度"/)]);
    expect(snapshot(db)).toBe(before);
  });

  it('a damaged ZIP: fatal, nothing written', async () => {
    const path = join(tmp(), 'data.zip');
    writeFileSync(path, zipSync({ 'a.csv': readFileSync('test/fixtures/kaigo_small.csv') }).subarray(0, 60));
    await expect(importPaths(db, [path], NOW)).rejects.toThrow(/data\.zip:-:- — Not a readable ZIP archive/);
    expect(snapshot(db)).toBe(before);
  });
});

describe('archives and encodings', () => {
  it('reads the CSV inside a ZIP (a `.csv` link that serves a ZIP), naming the entry', async () => {
    const path = join(tmp(), 'jigyosho_510.csv');
    writeFileSync(path, zipSync({ 'jigyosho_510.csv': readFileSync('test/fixtures/kaigo_small.csv') }));
    const db = memoryDb();
    const s = await importPaths(db, [path], NOW);
    expect(s.files[0]).toMatchObject({ path: `${path}!/jigyosho_510.csv`, kind: 'kaigo_open_data', imported: 4 });
  });
});
