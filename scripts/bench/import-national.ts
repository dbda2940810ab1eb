import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../server/import/csv-table';
import { decodeText } from '../../server/import/text-decoding';
import { streamXlsxSheets } from '../../server/import/xlsx-stream';
import { nationalFiles } from './national-files';
import { SYNTHETIC_SEED } from './synthetic-country';

/**
 * A national import as a user runs it (issue 15: ≤ 60 s, ≤ 1 GB): `npm run import` — the command
 * line of package.json's `import` script, heap limit included — over synthetic files shaped like the
 * real ones (national-files.ts: 14 介護 CSVs with 36,000 facilities, 47 名簿 workbooks with ~930,000
 * notification rows), into a fresh database file. Peak memory is the child's own (report-usage.ts).
 * The floor beside it: only reading every row of the same files (inflate, XML, CSV), nothing parsed
 * or written.
 */
export async function benchImportNational(): Promise<Record<string, number | string>> {
  const files = nationalFiles(join(tmpdir(), `renkei-national-${SYNTHETIC_SEED}-1`));
  const readS = readFloor(files.dir);
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.import!;
  const [node, ...nodeArgs] = script.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json's import script should start with node, found "${script}"`);
  const tmp = mkdtempSync(join(tmpdir(), 'renkei-bench-national-'));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [...nodeArgs.slice(0, -1), '--import', './scripts/bench/report-usage.ts', nodeArgs.at(-1)!, '--db', join(tmp, 'national.db'), '--json', files.dir], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(tmp, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`national import exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const usage = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { maxRssKb: number };
  const summary = JSON.parse(run.stdout) as { files: { imported: number }[] };
  return {
    importNationalS: Math.round(seconds * 10) / 10,
    importNationalRssMb: Math.round(usage.maxRssKb / 1024),
    importNationalReadFloorS: Math.round(readS * 10) / 10,
    importNationalFiles: files.files,
    importNationalFacilities: files.facilities,
    importNationalInstitutions: files.institutions,
    importNationalMeiboRows: files.meiboRows,
    importNationalRowsImported: summary.files.reduce((s, f) => s + f.imported, 0),
  };
}

/** Seconds to read every row of the files and do nothing with them. */
function readFloor(dir: string): number {
  const t0 = performance.now();
  let rows = 0;
  for (const f of readdirSync(dir).sort()) {
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    if (f.endsWith('.xlsx')) streamXlsxSheets(bytes, f, () => ({ row: () => void rows++ }));
    else rows += parseCsv(decodeText(bytes).text, f).length;
  }
  if (rows === 0) throw new Error(`no rows read in ${dir}`);
  return (performance.now() - t0) / 1000;
}
