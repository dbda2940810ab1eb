import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { sessions, users } from '../db/schema';
import type { Principal, Role } from './principal';

/** The cookie holding the session token (HttpOnly, SameSite=Strict; Secure behind https). */
export const SESSION_COOKIE = 'renkei_session';
/** A session lasts a working day; then the user signs in again. */
export const SESSION_HOURS = 12;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export function createSession(db: Db, userId: number, now: Date): { token: string; csrfToken: string; expiresAt: string } {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  db.transaction((tx) => {
    // Expired sessions go as new ones come: the table holds only live ones.
    tx.delete(sessions).where(lte(sessions.expiresAt, now.toISOString())).run();
    tx.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt, createdAt: now.toISOString() }).run();
  });
  return { token, csrfToken, expiresAt };
}

const sessionLookup = (db: Db) =>
  db
    .select({ id: users.id, login: users.login, role: users.role, scope: users.scope, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql.placeholder('now')), isNull(users.disabledAt)))
    .prepare();
/** Asked on every request that carries a cookie: prepared once per database. */
const lookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>();

/** The signed-in user of a token, with the session's CSRF token; null when unknown or expired. */
export function findSession(db: Db, token: string, now: Date): { principal: Principal; csrfToken: string } | null {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = sessionLookup(db)));
  const row = lookup.get({ hash: sha256(token), now: now.toISOString() });
  if (!row) return null;
  return { principal: { id: row.id, login: row.login, role: row.role as Role, scope: JSON.parse(row.scope) as string[] }, csrfToken: row.csrfToken };
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, sha256(token))).run();
}

/** Ends every session of an account (it was disabled, or its password reset). */
export function deleteSessionsOf(tx: Db | Tx, userId: number): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
}
