import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/client';
import { datasets } from '../../server/db/schema';

/**
 * `npm run backup` on a database of 100 MB+ that another process writes to the whole time, as the
 * server would: the copy finishes, is whole, and holds one state between the one before and the
 * one after. Nothing half-written is ever left under the target's name, nor any temporary file.
 */
const dir = mkdtempSync(join(tmpdir(), 'renkei-backup-'));
const source = join(dir, 'live.db');
const FILLER_ROWS = 11_000; // × 10 KiB of random bytes ≈ 110 MiB
const DATASET = { kind: 'kaigo', label: 'バックアップ試験', fileName: 'jigyosho_510.csv', attribution: 'test', rows: 1, importedAt: '2026-11-01T00:00:00Z' };

const sqlite = (path: string, readonly = false) => {
  const db = new Database(path, { readonly, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
};
const count = (db: Database.Database, table: string) => (db.prepare(`select count(*) n from "${table}"`).get() as { n: number }).n;
const tableNames = (db: Database.Database) => (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);

beforeAll(() => {
  // The app's schema (migrations, WAL) plus bulk of our own.
  const db = openDb(source);
  db.insert(datasets).values(DATASET).run();
  db.$client.exec(`
    create table filler (id integer primary key, body blob not null);
    create table notes (id integer primary key, body text not null);
    create index notes_body on notes (body);
    create table ticks (id integer primary key, at integer not null, payload blob not null);
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${FILLER_ROWS})
      insert into filler select i, randomblob(10240) from n;
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
      insert into notes select i, hex(randomblob(64)) from n;`);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { status: number | null; stdout: string; stderr: string; ms: number };

/** `node --import tsx scripts/backup.ts …` as its own process; `onOut` sees its output as it comes. */
function backup(args: string[], onOut?: (text: string, child: ChildProcess) => void): Promise<Run> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
    onOut?.(stdout, child);
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr, ms: Date.now() - t0 }));
  });
}

/**
 * The writer: a separate process (the backup is synchronous in its own), every 25 ms one insert
 * into `ticks` and one update of a random 10 KiB `filler` row, each its own transaction (80
 * writes/s). It stops on SIGTERM, or by itself after 2 minutes.
 */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const insert = db.prepare('insert into ticks (at, payload) values (?, randomblob(256))');
const update = db.prepare('update filler set body = randomblob(10240) where id = ?');
let writes = 0;
const stop = () => { clearInterval(timer); db.close(); process.stdout.write('stopped ' + writes + '\\n'); process.exit(0); };
const timer = setInterval(() => {
  insert.run(Date.now());
  update.run(1 + Math.floor(Math.random() * ${FILLER_ROWS}));
  writes += 2;
  if (writes === 20) process.stdout.write('writing\\n');
}, 25);
setTimeout(stop, 120000);
process.on('SIGTERM', stop);`;

function startWriter(path: string): Promise<{ child: ChildProcess; stop: () => Promise<string> }> {
  const child = spawn(process.execPath, ['-e', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  const stop = async () => {
    child.kill('SIGTERM');
    await closed;
    return out;
  };
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => fail(new Error(`the writer stopped early (${code}): ${out}`)));
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('writing')) done({ child, stop });
    });
  });
}

describe('npm run backup', () => {
  it('copies a 100 MB+ database whole while another process writes to it at 80 writes/s', async () => {
    const sourceBytes = statSync(source).size;
    expect(sourceBytes).toBeGreaterThan(100 * 1024 * 1024);
    const out = join(dir, 'out');
    mkdirSync(out);
    const target = join(out, 'backup.db');

    const writer = await startWriter(source);
    let result: Run;
    let before: number;
    let after: number;
    let started: number;
    const live = sqlite(source, true);
    try {
      before = count(live, 'ticks');
      started = Date.now();
      result = await backup(['--db', source, target]);
      after = count(live, 'ticks');
    } finally {
      await writer.stop();
    }
    const ended = Date.now();
    const ticksDuring = (live.prepare('select count(*) n from ticks where at between ? and ?').get(started, ended) as { n: number }).n;
    const sourceTables = tableNames(live);
    live.close();

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Backed up .* to .*backup\.db: \d+ pages, \d+ bytes .* in \d+ ms/);
    const copy = sqlite(target, true);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableNames(copy)).toEqual(sourceTables);
    expect(sourceTables).toEqual(expect.arrayContaining(['filler', 'notes', 'ticks', 'datasets', 'facilities', 'users']));
    expect(count(copy, 'filler')).toBe(FILLER_ROWS);
    expect(count(copy, 'notes')).toBe(20_000);
    const copied = count(copy, 'ticks');
    copy.close();
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    expect(after).toBeGreaterThan(before); // the writes really went on during the backup

    // Nothing but the backup beside it: no temporary file, no -wal or -shm.
    expect(readdirSync(out)).toEqual(['backup.db']);
    const tmp = /Copying .* to (.*) …/.exec(result.stdout)?.[1];
    expect(tmp && existsSync(tmp)).toBe(false);

    const seconds = (ended - started) / 1000;
    console.log(
      `backup of ${(sourceBytes / 1024 / 1024).toFixed(1)} MiB: ${result.ms} ms (process), ${statSync(target).size} bytes; ` +
        `writes during it: ${(2 * ticksDuring / seconds).toFixed(1)}/s; ticks rows before ${before}, in the copy ${copied}, after ${after}\n${result.stdout.trim()}`,
    );
  }, 60_000);

  it('restores: the backup copied over a database path opens with the app and has its rows', async () => {
    const restored = join(dir, 'restore', 'renkei.db');
    mkdirSync(join(dir, 'restore'));
    // The restore procedure: (server stopped) copy over DATABASE_PATH, remove stale -wal/-shm, start.
    copyFileSync(join(dir, 'out', 'backup.db'), restored);
    for (const stale of [`${restored}-wal`, `${restored}-shm`]) rmSync(stale, { force: true });
    const db = openDb(restored);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.select().from(datasets).all()).toEqual([expect.objectContaining({ ...DATASET, id: 1 })]);
    expect((db.$client.prepare('select length(body) n from filler where id = 1').get() as { n: number }).n).toBe(10240);
    db.$client.close();
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const out = join(dir, 'exists');
    mkdirSync(out);
    const target = join(out, 'backup.db');
    writeFileSync(target, 'an older backup');
    const result = await backup(['--db', source, target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(readFileSync(target, 'utf8')).toBe('an older backup');
    expect(readdirSync(out)).toEqual(['backup.db']);
  });

  it('fails with exit 1 for a missing source or a missing target directory, and creates nothing', async () => {
    const out = join(dir, 'missing');
    mkdirSync(out);
    const noSource = await backup(['--db', join(dir, 'nope.db'), join(out, 'backup.db')]);
    expect(noSource.status).toBe(1);
    expect(noSource.stderr).toContain('No database at');
    const noDir = await backup(['--db', source, join(out, 'no-such-dir', 'backup.db')]);
    expect(noDir.status).toBe(1);
    expect(noDir.stderr).toContain('Backup failed');
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
  });

  it('on Ctrl-C during the copy exits 1 and removes its temporary file', async () => {
    const out = join(dir, 'interrupted');
    mkdirSync(out);
    let sent = false;
    const result = await backup(['--db', source, join(out, 'backup.db')], (text, child) => {
      if (!sent && text.includes('Copying')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('interrupted (SIGINT)');
    expect(readdirSync(out)).toEqual([]);
  }, 30_000);
});
