/**
 * `npm run import -- [--db PATH] [--as-of YYYY-MM-DD] [--json] <files or folders>`: imports official
 * files (and the project's templates) as one transaction, then prints a summary — or, with --json,
 * one JSON object. Progress goes to standard error, with or without --json.
 * Errors are printed first. Exit code: 0 when every row was imported (warnings never change it; rows
 * of a known service outside the rule are skipped, not a problem), 1 when rows had errors (an unknown
 * サービスの種類 among them), 2 when nothing was written.
 */
import { openDb } from '../server/db/client';
import { isIsoDate } from '../server/domain/dates';
import { loadConfig } from '../server/env';
import { FatalImportError, formatProblem } from '../server/import/problems';
import { importPaths, type ImportSummary } from '../server/import/run-import';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const json = args.includes('--json');
const dbPath = flag('--db') ?? loadConfig().DATABASE_PATH;
const asOf = flag('--as-of');
const valued = new Set(['--db', '--as-of'].flatMap((f) => (args.includes(f) ? [args.indexOf(f) + 1] : [])));
const paths = args.filter((a, i) => !a.startsWith('--') && !valued.has(i));

if (paths.length === 0 || (asOf !== undefined && !isIsoDate(asOf))) {
  console.error('Usage: npm run import -- [--db data/renkei.db] [--as-of YYYY-MM-DD] [--json] <files or folders>');
  process.exit(2);
}

function printText(s: ImportSummary): void {
  // Errors first: a row or a whole service not imported must not scroll past unseen.
  const errors = s.problems.filter((p) => p.level === 'error');
  for (const pr of errors) console.log(`error   ${formatProblem(pr)}`);
  if (errors.length > 0) console.log('');
  for (const f of s.files) {
    const withdrawn = f.withdrawn > 0 ? `, withdrawn ${f.withdrawn}` : '';
    console.log(`${f.path}  [${f.kind}${f.asOf ? `, as of ${f.asOf}` : ''}]`);
    console.log(`    rows ${f.rows}: imported ${f.imported}, updated ${f.updated}, unchanged ${f.unchanged}, skipped ${f.skipped}, rejected ${f.rejected}${withdrawn}`);
    for (const n of f.notes) console.log(`    ${n}`);
  }
  const r = s.reconcile;
  console.log(`ナビイ join: ${r.navii.matched} of ${r.navii.rows} ナビイ rows matched; hospitals in the 名簿: ${r.navii.hospitalsMatched} of ${r.navii.hospitalsInLists} matched`);
  const p = (x: Record<string, number>) => `source ${x.source}, town ${x.town}, municipality ${x.municipality}, none ${x.none}`;
  console.log(`Positions — institutions: ${p(r.institutions)}; facilities: ${p(r.facilities)} (${r.facilities.flagged} coordinates flagged)`);
  const warnings = s.problems.filter((p) => p.level === 'warning');
  console.log(s.problems.length === 0 ? 'No problems.' : `${errors.length} error(s) (rows not imported, listed above), ${warnings.length} warning(s) (imported as published):`);
  for (const pr of warnings) console.log(`  warning ${formatProblem(pr)}`);
}

// Progress goes to standard error, also with --json (standard output then holds only the JSON).
const progress = (path: string, done: number, total: number | null) =>
  process.stderr.write(`  reading ${path}: ${done.toLocaleString()}${total === null ? '' : ` / ${total.toLocaleString()}`} rows…\n`);

// Written is not yet committed: the whole run commits at its end, or not at all.
const written = (path: string, done: number, total: number) => process.stderr.write(`  written ${path} (${done} of ${total}; committed at the end)\n`);

const db = openDb(dbPath);
let code: number;
try {
  const summary = await importPaths(db, paths, { now: new Date(), asOf, progress, written });
  if (json) console.log(JSON.stringify(summary, null, 2));
  else printText(summary);
  code = summary.ok ? 0 : 1;
} catch (e) {
  // Nothing was written either way: the run is one transaction.
  const problem = e instanceof FatalImportError ? e.problem : { file: '-', row: null, column: null, message: `Unexpected failure: ${(e as Error).message}` };
  if (json) console.log(JSON.stringify({ ok: false, files: [], problems: [{ ...problem, level: 'error' }] }, null, 2));
  else console.error(`Nothing was imported: ${e instanceof FatalImportError ? e.message : problem.message}`);
  code = 2;
} finally {
  db.$client.close();
}
process.exit(code);
