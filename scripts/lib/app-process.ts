import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * The real server (node + tsx, as `npm start` runs it) on a free port, and Debian's Chromium
 * rendering WebGL in software (SwiftShader): shared by the browser tests and the browser benchmark.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface ServerHandle {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
}

/** Starts the server on a free port; by default on a fresh database (so it loads the demo region). */
export async function startAppServer(opts: { databasePath?: string; env?: Record<string, string> } = {}): Promise<ServerHandle> {
  if (!existsSync('dist/web/index.html')) throw new Error('No web build in dist/web: run `npm run build` (npm test does) before the browser tests');
  const dir = mkdtempSync(join(tmpdir(), 'renkei-e2e-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: opts.databasePath ?? join(dir, 'e2e.db'), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}


/**
 * Resolves once the server has built its snapshot and cut its first tiles (it does so when it starts
 * listening), as a server that has been up for a while has.
 */
export async function warmedUp(server: ServerHandle, timeoutMs = 300_000): Promise<void> {
  const t0 = Date.now();
  while (!/Warmed up/.test(server.output())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`the server did not warm up:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
