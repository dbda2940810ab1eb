/**
 * `npm run import -- [--db PATH] [--json] <files or folders>`: imports official files (and the
 * project's templates) into the database as one transaction, then prints a summary.
 * Exit code: 0 when every row was imported, 1 when rows had errors, 2 when nothing was written.
 */
import { openDb } from '../server/db/client';
import { loadConfig } from '../server/env';
import { FatalImportError, formatProblem } from '../server/import/problems';
import { importPaths, type ImportSummary } from '../server/import/run-import';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dbIndex = args.indexOf('--db');
const dbPath = dbIndex >= 0 ? args[dbIndex + 1] : loadConfig().DATABASE_PATH;
const paths = args.filter((a, i) => !a.startsWith('--') && !(dbIndex >= 0 && i === dbIndex + 1));

if (!dbPath || paths.length === 0) {
  console.error('Usage: npm run import -- [--db data/renkei.db] [--json] <files or folders>');
  process.exit(2);
}

function print(summary: ImportSummary): void {
  if (json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  for (const f of summary.files) {
    console.log(`${f.path}  [${f.kind}]  rows ${f.rows}, imported ${f.imported}, updated ${f.updated}, unchanged ${f.unchanged}, skipped ${f.skipped}, rejected ${f.rejected}`);
    for (const n of f.notes) console.log(`    ${n}`);
  }
  console.log(summary.problems.length === 0 ? 'No problems.' : `${summary.problems.length} problem(s):`);
  for (const p of summary.problems) console.log(`  ${p.level === 'warning' ? 'warning' : 'error  '} ${formatProblem(p)}`);
}

const db = openDb(dbPath);
try {
  const summary = importPaths(db, paths, { now: new Date() });
  print(summary);
  process.exit(summary.ok ? 0 : 1);
} catch (e) {
  if (!(e instanceof FatalImportError)) throw e;
  if (json) console.log(JSON.stringify({ ok: false, files: [], problems: [{ ...e.problem, level: 'error' }] }, null, 2));
  else console.error(`Nothing was imported: ${e.message}`);
  process.exit(2);
} finally {
  db.$client.close();
}
