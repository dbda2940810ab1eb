/**
 * Writes the fictional demo region to data/demo (or --out DIR). With --check, compares instead and
 * exits 1 when the committed files differ from what the generator makes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildDemoFiles } from './demo/build';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? (args[outIndex + 1] as string) : 'data/demo';
const files = buildDemoFiles();

if (args.includes('--check')) {
  const stale = [...files].filter(([path, text]) => {
    try {
      return readFileSync(join(out, path), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`${out} differs from the generator in: ${stale.map(([p]) => p).join(', ')}\nRun: npm run demo`);
    process.exit(1);
  }
  console.log(`${out} matches the generator (${files.size} files).`);
} else {
  rmSync(out, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  console.log(`Wrote ${files.size} files to ${out}.`);
}
