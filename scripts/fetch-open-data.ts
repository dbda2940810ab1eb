/**
 * `npm run fetch-open-data -- --pref 31 --out data/raw [--mirror URL] [--index KIND=URL …]`:
 * downloads the current official files for a prefecture (see scripts/fetch/sources.ts), then
 * `npm run import -- --db data/<name>.db data/raw` loads them. Needs internet (or --mirror).
 */
import { fetchOpenData, type SourceName } from './fetch/fetch-open-data';

const args = process.argv.slice(2);
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const pref = value('--pref');
const out = value('--out') ?? 'data/raw';
const index: Partial<Record<SourceName, string>> = {};
args.forEach((a, i) => {
  if (a === '--index') {
    const [k, ...rest] = (args[i + 1] ?? '').split('=');
    index[k as SourceName] = rest.join('=');
  }
});
if (!pref) {
  console.error('Usage: npm run fetch-open-data -- --pref 31 [--out data/raw] [--mirror http://host:port] [--index kaigo|meibo|navii|n03|towns=URL]');
  process.exit(2);
}
try {
  const report = await fetchOpenData({ pref, out, mirror: value('--mirror'), index, log: (l) => console.log(l) });
  console.log(`${report.written.length} file(s) written to ${out}${report.failed.length ? `; ${report.failed.length} source(s) failed (see ${out}/SOURCES.md)` : ''}.`);
  process.exit(report.failed.length > 0 ? 1 : 0);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
