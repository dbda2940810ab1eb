import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env';
import { ApiFailure } from '../errors';
import { findSession, SESSION_COOKIE } from './sessions';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who is calling: the session cookie's user (or nobody), set as `c.var.user` and the audit's
 * `actor`. Every unsafe method must come from this site (Origin, when sent, is ours or a configured
 * one) and, in a session, echo the session's CSRF token in X-CSRF-Token.
 */
export function sessionMiddleware(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? findSession(c.var.db, token, c.var.now()) : null;
    c.set('user', session?.principal ?? null);
    c.set('actor', session?.principal.login ?? 'anonymous');
    c.set('csrfToken', session?.csrfToken ?? null);
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin && !allowedOrigins.includes(origin)) {
        throw new ApiFailure(403, 'csrf', `Requests from ${origin} may not change data here`);
      }
      if (session && c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw new ApiFailure(403, 'csrf', `${CSRF_HEADER}: expected the token given at sign-in (GET /api/auth/me returns it)`, [{ path: CSRF_HEADER, message: 'missing or wrong CSRF token' }]);
      }
    }
    await next();
  };
}

/** The host name of a Host header: lower-case, without its port (`[::1]:8787` → `[::1]`). */
const hostName = (host: string) => host.toLowerCase().replace(/:\d+$/, '');

/**
 * Only requests that name one of `hosts` in their Host header are served: a page on another site
 * whose name was re-pointed at this server (DNS rebinding) gets 421, not the data or a session.
 */
export function hostCheck(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map(hostName));
  return async (c, next) => {
    // A browser always sends Host; a request made inside the server (app.request: the start-up
    // warm-up) has none, and its URL names localhost.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!host || !allowed.has(hostName(host))) {
      throw new ApiFailure(421, 'unknown_host', `Host: "${(host ?? '').slice(0, 100)}" is not a name this server answers to (expected ${[...allowed].join(', ')}; add it to PUBLIC_HOSTS)`, [{ path: 'host', message: 'expected a configured host name' }]);
    }
    await next();
  };
}

/** CORS stays closed (no headers: browsers refuse other sites) unless origins are configured. */
export const corsFor = (origins: readonly string[]): MiddlewareHandler =>
  origins.length === 0 ? async (_c, next) => next() : cors({ origin: [...origins], credentials: true, allowHeaders: ['content-type', CSRF_HEADER], allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] });

/**
 * Secure headers on every answer (API and web app). The page loads only its own scripts; the map
 * draws tiles from this server, plus the online basemap's host when one is offered.
 */
export function securityHeaders(basemapOrigin: string | null): MiddlewareHandler {
  const extra = basemapOrigin ? [basemapOrigin] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // MapLibre and Solid set inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...extra],
      connectSrc: ["'self'", ...extra],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The client's address, for the sign-in limiter ('local' when served without a socket, as in tests).
 * Behind the trusted proxy (TRUST_PROXY) every request comes from the proxy, so the address is the
 * last one in X-Forwarded-For — the one the proxy itself appended; earlier entries are whatever the
 * client sent and are never believed. Without a trusted proxy the header is ignored.
 */
export function clientAddress(c: Parameters<MiddlewareHandler>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((a) => a.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
