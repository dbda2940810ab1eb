/**
 * `npm start`: builds the web app when it is missing or older than its sources, then starts the
 * server (server/main.ts) on HOST:PORT with DATABASE_PATH, loading the demo region into an empty database.
 */
import { loadConfig } from '../server/env';
import { startServer } from '../server/main';
import { ensureWebBuild } from './lib/web-build';

const config = loadConfig();
await ensureWebBuild(config.WEB_DIST);
try {
  await startServer(config);
} catch (e) {
  const err = e as Error & { code?: string };
  console.error(err.code === 'EADDRINUSE' ? `Port ${config.PORT} on ${config.HOST} is in use: set PORT to another port.` : err.message);
  process.exit(1);
}
