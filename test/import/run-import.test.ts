import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, FatalImportError } from '../../server/import/problems';
import { importPaths } from '../../server/import/run-import';
import { memoryDb, tableCounts } from '../helpers/db';

const NOW = { now: new Date('2026-11-01T00:00:00Z') };
const F = (name: string) => `test/fixtures/${name}`;
const ALL = ['n03_small.geojson', 'kaigo_small.csv', 'meibo_small.csv', 'navii_small.csv', 'partnerships_small.csv'].map(F);

describe('an import run', () => {
  it('writes places before what sits in them and partners last, whatever the argument order', async () => {
    const db = memoryDb();
    const summary = await importPaths(db, [...ALL].reverse(), NOW);
    expect(summary.files.map((f) => f.kind)).toEqual(['n03_boundaries', 'kaigo_open_data', 'kouseikyoku_meibo', 'navii', 'partnership_template']);
    const counts = tableCounts(db);
    expect(counts).toMatchObject({ municipalities: 4, facilities: 4, institutions: 3, datasets: 5 });
  });

  it('joins ナビイ rows by name and address, taking coordinates and reporting the join', async () => {
    const db = memoryDb();
    const summary = await importPaths(db, ALL, NOW);
    expect(summary.files.find((f) => f.kind === 'navii')).toMatchObject({ rows: 3, imported: 3 });
    expect(summary.reconcile.navii).toEqual({ rows: 3, matched: 2, hospitalsInLists: 1, hospitalsMatched: 1 });
    const clinic = db.$client.prepare("select kind, lat, geocode_precision from institutions where code = '3110110818'").get();
    // Its 名簿 row gave neither 種別 nor 病床数: ナビイ's 機関区分 tells it is a clinic.
    expect(clinic).toEqual({ kind: 'clinic', lat: 35.508213, geocode_precision: 'source' });
  });

  it('rejects ③ from a clinic, an unknown facility and an unreadable flag, each with its row and column', async () => {
    const db = memoryDb();
    const summary = await importPaths(db, ALL, NOW);
    const messages = summary.problems.filter((p) => p.file.endsWith('partnerships_small.csv')).map(formatProblem);
    expect(messages).toEqual([
      'test/fixtures/partnerships_small.csv:7:①相談対応 — Expected ○ or blank (also 1/0, はい/いいえ), found "はい?"',
      'test/fixtures/partnerships_small.csv:4:③入院 — ③ 入院を原則受入れ can only be supplied by a 病院; 医療機関コード 3110110685 is a 診療所 (covers ③)',
      'test/fixtures/partnerships_small.csv:6:事業所番号 — No facility 3199999990 with service 510 in the database: import the facility first',
    ]);
    expect(summary.ok).toBe(false);
    const rows = db.$client.prepare('select institution_code, covers_admit from agreements order by institution_code').all();
    expect(rows).toEqual([
      { institution_code: '3110110685', covers_admit: 0 },
      { institution_code: '3110110750', covers_admit: 1 },
    ]);
  });

  it('records "reported: no partner" on the facility', async () => {
    const db = memoryDb();
    await importPaths(db, ALL, NOW);
    expect(db.$client.prepare("select partners_reported_on r from facilities where care_office_number = '3150180309'").get()).toEqual({ r: '2026-06-30' });
  });

  it('changes nothing when the same files are imported again', async () => {
    const db = memoryDb();
    await importPaths(db, ALL, NOW);
    const before = tableCounts(db);
    const again = await importPaths(db, ALL, NOW);
    expect(again.files.map((f) => [f.imported, f.updated])).toEqual(again.files.map(() => [0, 0]));
    expect(tableCounts(db)).toEqual(before);
  });

  it('writes nothing when any file is unreadable — the database stays as it was', async () => {
    const db = memoryDb();
    await importPaths(db, [F('n03_small.geojson')], NOW);
    const before = tableCounts(db);
    const dir = mkdtempSync(join(tmpdir(), 'renkei-'));
    copyFileSync(F('kaigo_small.csv'), join(dir, 'a.csv'));
    writeFileSync(join(dir, 'b.csv'), 'これは,名簿では,ない\n1,2,3\n');
    await expect(importPaths(db, [dir], NOW)).rejects.toThrow(FatalImportError);
    await expect(importPaths(db, [dir], NOW)).rejects.toThrow(/b\.csv:1:- — Unrecognised CSV/);
    expect(tableCounts(db)).toEqual(before);
  });

  it('names a path that does not exist', async () => {
    await expect(importPaths(memoryDb(), ['no/such/file.csv'], NOW)).rejects.toThrow(/no\/such\/file\.csv:-:- — No such file or folder/);
  });
});

describe('the template samples in docs/templates', () => {
  it('import into the demo region with no problem, and change what the map shows', async () => {
    const { demoDb } = await import('../helpers/db');
    const db = await demoDb();
    const s = await importPaths(db, ['docs/templates'], NOW);
    expect(s.problems).toEqual([]);
    expect(s.files.map((f) => [f.kind, f.imported])).toEqual([['facility_template', 2], ['partnership_template', 2]]);
    const { createApp } = await import('../../server/app');
    const app = createApp({ db, now: () => NOW.now });
    const status = async (id: string) => ((await (await app.request(`/api/facilities/${id}`)).json()) as { coverage: { status: string } }).coverage.status;
    expect(await status('9978600766-510')).toBe('covered');
    expect(await status('9971300034-320')).toBe('covered');
    expect(await status('9990000011-YOGO')).toBe('none');
    expect(await status('9990000029-KEIHI')).toBe('unknown');
  });
});
