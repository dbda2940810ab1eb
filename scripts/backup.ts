/**
 * `npm run backup -- [--db PATH] <file>`: copies the database (DATABASE_PATH, or --db PATH) to
 * <file> while the server keeps serving and writing.
 *
 * The copy is `VACUUM INTO` a temporary file beside <file>: one read transaction, so it sees one
 * consistent state and finishes whatever the server writes meanwhile (in WAL mode a reader never
 * blocks the writers). The temporary copy must pass `PRAGMA integrity_check` and hold the same
 * tables, indexes, views and triggers as the source; it is then flushed to disk and renamed onto
 * <file> in one step. On any failure (or Ctrl-C) the temporary file is removed and the exit code
 * is 1: <file> never exists half-written. An existing <file> is never overwritten.
 *
 * Restore: stop the server; copy (or rename) the backup over DATABASE_PATH and delete any stale
 * DATABASE_PATH-wal and DATABASE_PATH-shm beside it; start the server (its migrations run at start).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/env';

const USAGE = 'Usage: npm run backup -- [--db data/renkei.db] <backup file>';

/** Every schema object as "type name", sorted: what the copy must hold as well. */
function schemaObjects(db: Database.Database): string[] {
  const rows = db.prepare('select type, name from sqlite_master order by type, name').all() as { type: string; name: string }[];
  return rows.map((r) => `${r.type} ${r.name}`);
}

/** Flushes a file (or, where the system allows it, a directory) to disk. */
function fsyncPath(path: string, optional = false): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (!optional) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Lets a pending Ctrl-C / SIGTERM be seen between the (synchronous) steps. */
const tick = () => new Promise<void>((done) => setImmediate(done));

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const target = parsed.positionals[0];
  if (!target || parsed.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const source = parsed.values.db ?? loadConfig().DATABASE_PATH;
  if (source === ':memory:' || !existsSync(source)) {
    console.error(`No database at ${source}`);
    return 1;
  }
  if (existsSync(target)) {
    console.error(`${target} already exists: choose a new file name (a backup never overwrites)`);
    return 1;
  }
  const targetDir = dirname(resolve(target));
  if (!existsSync(targetDir)) {
    console.error(`Backup failed: no directory ${targetDir} for ${target}`);
    return 1;
  }
  // Beside the target, so that the final rename stays on one file system and is atomic.
  const tmp = join(targetDir, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

  let stopped: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => (stopped = signal);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const checkStopped = async () => {
    await tick();
    if (stopped) throw new Error(`interrupted (${stopped})`);
  };

  let src: Database.Database | undefined;
  let copy: Database.Database | undefined;
  let created = false;
  const t0 = Date.now();
  try {
    // Read-only: this connection never writes to, checkpoints or locks out the live database.
    src = new Database(source, { readonly: true, fileMustExist: true });
    src.pragma('busy_timeout = 10000');
    const mode = src.pragma('journal_mode', { simple: true }) as string;
    if (mode !== 'wal') console.error(`Note: ${source} is in ${mode} mode, not WAL: writers wait while the copy is read.`);
    await checkStopped();

    if (existsSync(tmp)) throw new Error(`${tmp} exists already`); // never someone else's file
    console.log(`Copying ${source} to ${tmp} …`);
    created = true; // from here on the temporary file may exist, and is ours
    src.prepare('VACUUM INTO ?').run(tmp);
    const copyMs = Date.now() - t0;
    await checkStopped();

    const t1 = Date.now();
    copy = new Database(tmp, { fileMustExist: true });
    const check = copy.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = check.map((r) => r.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') throw new Error(`integrity_check of the copy says: ${verdict.slice(0, 5).join('; ')}`);
    const want = schemaObjects(src);
    const got = schemaObjects(copy);
    const missing = want.filter((name) => !got.includes(name));
    const extra = got.filter((name) => !want.includes(name));
    if (missing.length || extra.length) throw new Error(`the copy's schema differs from the source's (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}); run the backup again`);
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const tables = got.filter((o) => o.startsWith('table ')).length;
    copy.close();
    copy = undefined;
    src.close();
    src = undefined;
    const checkMs = Date.now() - t1;
    await checkStopped();

    // VACUUM INTO does not fsync its output: flush it before it takes the target's name.
    fsyncPath(tmp);
    if (existsSync(target)) throw new Error(`${target} appeared meanwhile: not overwriting it`);
    renameSync(tmp, target);
    created = false;
    fsyncPath(targetDir, true);
    const bytes = statSync(target).size;
    console.log(
      `Backed up ${source} to ${target}: ${pages} pages, ${bytes} bytes (${(bytes / 1024 / 1024).toFixed(1)} MiB), ${tables} tables, integrity ok, ` +
        `in ${Date.now() - t0} ms (copy ${copyMs} ms, check ${checkMs} ms).`,
    );
    return 0;
  } catch (e) {
    console.error(`Backup failed: ${(e as Error).message}`);
    return 1;
  } finally {
    copy?.close();
    src?.close();
    if (created) for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
  }
}

process.exit(await main());
