import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env';
import { loginBody } from '../contracts/auth';
import type { Db } from '../db/client';
import { recordAudit } from '../db/audit';
import { users } from '../db/schema';
import { ApiFailure } from '../errors';
import { validate } from '../validate';
import { clientAddress } from './middleware';
import { DUMMY_HASH, verifyPassword } from './password';
import { FailureLimiter } from './rate-limit';
import { allow, PUBLIC } from './rules';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_HOURS } from './sessions';

/** Sign-in failures allowed per address and login in 15 minutes, and per address over all logins. */
export const LOGIN_LIMITS = { perLogin: 5, perAddress: 20, windowMs: 15 * 60_000 } as const;

/**
 * The records an account acts for, named: a facility account's facilities (every service of its
 * 事業所番号s that the data holds) and an institution account's institutions — what its landing page
 * opens. Officers and administrators act for areas, not places: none.
 */
function placesOf(c: Context<AppEnv>, user: { role: string; scope: readonly string[] }) {
  if (user.role !== 'facility' && user.role !== 'institution') return [];
  const snap = c.var.engine.get(c.var.today());
  const scope = new Set(user.scope);
  if (user.role === 'institution') return [...scope].flatMap((code) => { const i = snap.institutionRows.get(code); return i ? [{ kind: 'institution' as const, id: code, name: i.name }] : []; });
  return [...snap.facilityRows.entries()].filter(([, f]) => scope.has(f.careOfficeNumber) && f.withdrawnOn === null).map(([id, f]) => ({ kind: 'facility' as const, id, name: f.name }));
}

/** A sign-in event in the audit log: the login typed, what happened, and from which address. */
function signInAudit(db: Db, login: string, action: 'sign_in' | 'sign_in_failed' | 'sign_in_refused' | 'locked_out' | 'address_locked_out', address: string, extra: object = {}) {
  recordAudit(db, { actor: action === 'sign_in' ? login : 'anonymous', entity: 'user', entityId: login, action, before: null, after: { address, ...extra }, areaCode: null });
}

/** Sign in, sign out, and who am I. One limiter per app: failures are counted across requests. */
export function authRoutes(opts: { secureCookie: (url: string, forwardedProto: string | undefined) => boolean; trustProxy: boolean }) {
  const perLogin = new FailureLimiter(LOGIN_LIMITS.perLogin, LOGIN_LIMITS.windowMs);
  const perAddress = new FailureLimiter(LOGIN_LIMITS.perAddress, LOGIN_LIMITS.windowMs);
  return new Hono<AppEnv>()
    .post('/login', validate('json', loginBody), allow(PUBLIC), async (c) => {
      const { login, password } = c.req.valid('json');
      const { db } = c.var;
      const now = c.var.now().getTime();
      const address = clientAddress(c, opts.trustProxy);
      const keys = [`${address} ${login}`, address] as const;
      const wait = Math.max(perLogin.retryAfter(keys[0], now), perAddress.retryAfter(keys[1], now));
      if (wait > 0) {
        c.header('retry-after', String(wait));
        throw new ApiFailure(429, 'too_many_attempts', `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minute(s)`);
      }
      // The attempt is counted before the hash is checked, so parallel guesses cannot all slip under the
      // limit while their hashes run; a success takes its reservation back.
      const loginCount = perLogin.fail(keys[0], now);
      const addressCount = perAddress.fail(keys[1], now);
      const user = db.select().from(users).where(eq(users.login, login)).get();
      // An unknown login costs the same hash as a wrong password: timing does not tell them apart.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) {
        // Audited in their own rows (the audit log never moves the data version); a lockout once, by
        // the failure that closed it.
        signInAudit(db, login, 'sign_in_failed', address);
        if (perLogin.closes(loginCount)) signInAudit(db, login, 'locked_out', address, { minutes: LOGIN_LIMITS.windowMs / 60_000 });
        if (perAddress.closes(addressCount)) signInAudit(db, login, 'address_locked_out', address, { minutes: LOGIN_LIMITS.windowMs / 60_000 });
        throw new ApiFailure(401, 'bad_credentials', 'Wrong login or password');
      }
      perLogin.clear(keys[0]);
      perAddress.release(keys[1], now);
      // Refused after the password check, so the answer tells nothing to someone without the password.
      if (user.disabledAt !== null) {
        signInAudit(db, login, 'sign_in_refused', address, { reason: 'disabled' });
        throw new ApiFailure(403, 'account_disabled', 'This account is disabled: ask your administrator');
      }
      signInAudit(db, login, 'sign_in', address);
      const session = createSession(db, user.id, c.var.now());
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
        secure: opts.secureCookie(c.req.url, c.req.header('x-forwarded-proto')),
      });
      const scope = JSON.parse(user.scope) as string[];
      return c.json({ user: { login: user.login, role: user.role, scope, places: placesOf(c, { role: user.role, scope }) }, csrfToken: session.csrfToken });
    })
    .post('/logout', allow(PUBLIC), (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) deleteSession(c.var.db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ user: null });
    })
    .get('/me', allow(PUBLIC), (c) => {
      const u = c.var.user;
      return c.json(u ? { user: { login: u.login, role: u.role, scope: u.scope, places: placesOf(c, u) }, csrfToken: c.var.csrfToken } : { user: null });
    });
}
