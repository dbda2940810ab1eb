import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const COMPRESSIBLE = /json|text\/|javascript|svg|xml/;
const MIN_BYTES = 1024;

/**
 * Gzips text answers (JSON, HTML, CSS, JS) for clients that accept it, in one synchronous zlib call:
 * about a quarter of the time hono/compress takes through web streams (0.4 ms against 1.3 ms for a
 * 40 KB list), which matters when one thread answers every request. Answers already encoded (the
 * map tiles are stored gzipped) or small pass as they are.
 */
export const gzip = (): MiddlewareHandler => {
  /** Files that never change under their name (hashed build assets): packed once. */
  const immutable = new Map<string, Uint8Array<ArrayBuffer>>();
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('content-encoding') || !COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return;
    const forGood = /\bimmutable\b/.test(res.headers.get('cache-control') ?? '');
    const known = forGood ? immutable.get(c.req.path) : undefined;
    // (A known file's fresh read is closed unread.)
    const body = known ?? new Uint8Array(await res.arrayBuffer());
    if (known) await res.body.cancel();
    const headers = new Headers(res.headers);
    headers.append('vary', 'accept-encoding');
    if (!known && body.length < MIN_BYTES) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const packed = known ?? gzipSync(body, { level: 4 });
    if (forGood) immutable.set(c.req.path, packed);
    headers.set('content-encoding', 'gzip');
    headers.set('content-length', String(packed.length));
    // Hono copies the replaced answer's headers onto the new one: its length must not come along.
    res.headers.delete('content-length');
    c.res = new Response(packed, { status: res.status, headers });
  };
};
