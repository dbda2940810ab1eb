/**
 * `npm run backup -- <file>`: copies the database (DATABASE_PATH, or --db PATH) to <file> with
 * SQLite's online backup, page by page, while the server keeps serving: the copy is one consistent
 * state. Refuses to overwrite an existing file.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/env';

function main(): Promise<number> | number {
  let parsed;
  try {
    parsed = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run backup -- [--db data/renkei.db] <backup file>`);
    return 2;
  }
  const target = parsed.positionals[0];
  const source = parsed.values.db ?? loadConfig().DATABASE_PATH;
  if (!target || parsed.positionals.length > 1) {
    console.error('Usage: npm run backup -- [--db data/renkei.db] <backup file>');
    return 2;
  }
  if (!existsSync(source)) {
    console.error(`No database at ${source}`);
    return 1;
  }
  if (existsSync(target)) {
    console.error(`${target} already exists: choose a new file name (a backup never overwrites)`);
    return 1;
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const t0 = Date.now();
  return db
    .backup(target)
    .then(({ totalPages }) => {
      console.log(`Backed up ${source} to ${target}: ${totalPages} pages in ${Date.now() - t0} ms.`);
      return 0;
    })
    .catch((e: Error) => {
      console.error(`Backup failed: ${e.message}`);
      return 1;
    })
    .finally(() => db.close());
}

process.exit(await main());
