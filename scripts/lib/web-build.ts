import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the web build is made from: a build older than any of these is rebuilt. */
const SOURCES = ['web', 'server/domain', 'server/contracts', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((c) => newestMtime(join(path, c))));
}

/** Builds the web app (vite) into `outDir` when it is missing or older than its sources. */
export async function ensureWebBuild(outDir: string): Promise<void> {
  const index = join(outDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt > 0 && builtAt >= Math.max(...SOURCES.map(newestMtime))) return;
  console.log(builtAt === 0 ? 'Building the web app (first start)…' : 'Web sources changed: rebuilding the web app…');
  const { build } = await import('vite');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: join(process.cwd(), outDir) } });
}

