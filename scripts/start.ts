/**
 * `npm start`: builds the web app when it is missing or older than its sources, then starts the
 * server (server/main.ts) on HOST:PORT with DATABASE_PATH, loading the demo region into an empty database.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/env';
import { startServer } from '../server/main';

const SOURCES = ['web', 'server/domain', 'server/contracts', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((c) => newestMtime(join(path, c))));
}

async function ensureWebBuild(outDir: string): Promise<void> {
  const index = join(outDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt > 0 && builtAt >= Math.max(...SOURCES.map(newestMtime))) return;
  console.log(builtAt === 0 ? 'Building the web app (first start)…' : 'Web sources changed: rebuilding the web app…');
  const { build } = await import('vite');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: join(process.cwd(), outDir) } });
}

const config = loadConfig();
await ensureWebBuild(config.WEB_DIST);
try {
  await startServer(config);
} catch (e) {
  const err = e as Error & { code?: string };
  console.error(err.code === 'EADDRINUSE' ? `Port ${config.PORT} on ${config.HOST} is in use: set PORT to another port.` : err.message);
  process.exit(1);
}
