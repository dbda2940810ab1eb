/**
 * `npm run bench [-- --json] [--only NAME]`: the project's benchmarks, printed as one JSON object
 * (with --json) or as lines. Speed is measured here, never asserted in tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchEngine } from './bench/engine';
import { benchImportNational } from './bench/import-national';
import { benchImportTottori } from './bench/import-tottori';
import { benchRoute } from './bench/route';

type Bench = { name: string; run: () => Promise<Record<string, number | string>>; skip?: () => string | null };

const realData = resolve(process.env.REAL_DATA_DIR ?? '../shared/data', 'tottori');
const BENCHES: Bench[] = [
  { name: 'route', run: () => benchRoute() },
  { name: 'engine', run: () => benchEngine() },
  { name: 'import', run: benchImportTottori, skip: () => (existsSync(realData) ? null : `no real data at ${realData} (set REAL_DATA_DIR)`) },
  { name: 'import-national', run: benchImportNational },
];

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const result: Record<string, number | string> = { node: process.version, cpus: (await import('node:os')).cpus().length };
const skipped: Record<string, string> = {};
for (const b of BENCHES.filter((x) => !only || x.name === only)) {
  const why = b.skip?.();
  if (why) {
    skipped[b.name] = why;
    continue;
  }
  Object.assign(result, await b.run());
}
if (Object.keys(skipped).length > 0) result.skipped = JSON.stringify(skipped);
if (args.includes('--json')) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(28)} ${v}`);
