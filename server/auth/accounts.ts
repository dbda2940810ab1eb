import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../db/audit';
import { hashPassword, passwordProblem } from './password';
import { LOGIN_PATTERN, scopeProblem, type Role } from './principal';

export type AccountField = 'login' | 'role' | 'scope' | 'password';

/**
 * A refused account change, naming the field: `invalid` (400), `taken` (409: the login exists),
 * `not_found` (404). The message is the command line's (`--login: …`); the API names the field.
 */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly field: AccountField,
    readonly detail: string,
    readonly kind: 'invalid' | 'taken' | 'not_found' = 'invalid',
  ) {
    super(field === 'password' ? `password: ${detail}` : `--${field}: ${detail}`);
  }
}

export const LOGIN_RULE = 'expected 2–40 characters: lower-case letters, digits, . _ -';

/** Checks a login, role and scope as every account must have them; throws the first problem. */
export function checkAccountFields(a: { login?: string; role: Role; scope: readonly string[] }): void {
  if (a.login !== undefined && !LOGIN_PATTERN.test(a.login)) throw new AccountError('login', `"${a.login.slice(0, 60)}": ${LOGIN_RULE}`);
  const problem = scopeProblem(a.role, a.scope);
  if (problem) throw new AccountError('scope', problem);
}

/** Throws `taken` when an account of that login exists. */
export function assertLoginFree(db: Db | Tx, login: string): void {
  if (db.select({ id: users.id }).from(users).where(eq(users.login, login)).get()) throw new AccountError('login', `an account "${login}" already exists`, 'taken');
}

/** Creates an account after checking every field; the change is audited (actor: who ran the command). */
export async function addAccount(db: Db, a: { login: string; role: Role; scope: string[]; password: string }, actor: string): Promise<number> {
  checkAccountFields(a);
  const weak = passwordProblem(a.password);
  if (weak) throw new AccountError('password', weak.replace(/^password: /, ''));
  assertLoginFree(db, a.login);
  const passwordHash = await hashPassword(a.password);
  return db.transaction((tx) => {
    const row = tx.insert(users).values({ login: a.login, role: a.role, scope: JSON.stringify(a.scope), passwordHash }).returning({ id: users.id }).get();
    recordAudit(tx, { actor, entity: 'user', entityId: a.login, action: 'create', before: null, after: { login: a.login, role: a.role, scope: a.scope }, areaCode: null });
    return row.id;
  });
}

export function removeAccount(db: Db, login: string, actor: string): void {
  const row = db.select().from(users).where(eq(users.login, login)).get();
  if (!row) throw new AccountError('login', `no account "${login}"`, 'not_found');
  db.transaction((tx) => {
    tx.delete(users).where(eq(users.id, row.id)).run();
    recordAudit(tx, { actor, entity: 'user', entityId: login, action: 'remove', before: { login, role: row.role, scope: JSON.parse(row.scope) as unknown }, after: null, areaCode: null });
  });
}

/** How many administrators can still sign in: the last one may not be disabled or lose its role. */
export const enabledAdmins = (db: Db | Tx): number =>
  db.select({ n: sql<number>`count(*)` }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt))).get()!.n;

export const listAccounts = (db: Db) =>
  db
    .select({ login: users.login, role: users.role, scope: users.scope, createdAt: users.createdAt, disabledAt: users.disabledAt })
    .from(users)
    .all()
    .map((u) => ({ ...u, scope: JSON.parse(u.scope) as string[] }));
