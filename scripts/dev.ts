/**
 * `npm run dev`: the API (and the last web build) on PORT (default 8787) plus the Vite dev server
 * with hot reload on http://127.0.0.1:5173, proxying /api to the API. Restart for server changes.
 */
import { createServer } from 'vite';
import { loadConfig } from '../server/env';
import { startServer } from '../server/main';

const config = loadConfig();
const api = await startServer(config);
process.env.API_PORT = new URL(api.url).port;
const vite = await createServer({ configFile: 'vite.config.ts', server: { host: '127.0.0.1', port: 5173 } });
await vite.listen();
vite.printUrls();
