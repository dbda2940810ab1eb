import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDb } from '../../server/db/client';
import { importPaths } from '../../server/import/run-import';

/**
 * Imports every real Tottori file into a fresh database file (as `npm run import` does), three
 * times, and reports the median. Target (issue 3): under 10 s.
 */
export async function benchImportTottori(): Promise<Record<string, number | string>> {
  const dir = resolve(process.env.REAL_DATA_DIR ?? '../shared/data', 'tottori');
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < 3; run++) {
    const tmp = mkdtempSync(join(tmpdir(), 'renkei-bench-'));
    const db = openDb(join(tmp, 'bench.db'));
    const t0 = performance.now();
    const summary = await importPaths(db, [dir], { now: new Date() });
    times.push(performance.now() - t0);
    rows = summary.files.reduce((s, f) => s + f.rows, 0);
    db.$client.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { importTottoriMs: Math.round(times[1]!), importTottoriRows: rows };
}
