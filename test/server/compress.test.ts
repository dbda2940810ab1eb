import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { gzip } from '../../server/compress';

const dir = mkdtempSync(join(tmpdir(), 'renkei-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const css = `body { color: #123456; }\n`.repeat(400);
writeFileSync(join(dir, 'a.css'), css);

const app = new Hono();
app.use('/*', gzip());
app.get('/json', (c) => c.json({ rows: Array.from({ length: 300 }, (_, i) => ({ i, name: `施設${i}` })) }));
app.get('/small', (c) => c.json({ ok: true }));
app.use('/*', serveStatic({ root: dir }));

describe('gzip', () => {
  it('compresses a file and a JSON answer with a length that matches the bytes sent', async () => {
    for (const path of ['/a.css', '/json']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'gzip, br' } });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-encoding')).toBe('gzip');
      if (res.headers.has('content-length')) expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      const plain = gunzipSync(bytes).toString('utf8');
      expect(path === '/a.css' ? plain : JSON.parse(plain).rows.length).toEqual(path === '/a.css' ? css : 300);
    }
  });

  it('leaves small answers and clients without gzip alone', async () => {
    expect((await app.request('/small', { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBeNull();
    const plain = await app.request('/a.css');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(css);
  });
});
