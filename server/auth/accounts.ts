import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../db/audit';
import { hashPassword, passwordProblem } from './password';
import { LOGIN_PATTERN, scopeProblem, type Role } from './principal';

export class AccountError extends Error {
  override name = 'AccountError';
}

/** Creates an account after checking every field; the change is audited (actor: who ran the command). */
export async function addAccount(db: Db, a: { login: string; role: Role; scope: string[]; password: string }, actor: string): Promise<number> {
  if (!LOGIN_PATTERN.test(a.login)) throw new AccountError(`--login: "${a.login}": expected 2–40 characters: lower-case letters, digits, . _ -`);
  const problem = scopeProblem(a.role, a.scope);
  if (problem) throw new AccountError(`--scope: ${problem}`);
  const weak = passwordProblem(a.password);
  if (weak) throw new AccountError(weak);
  if (db.select({ id: users.id }).from(users).where(eq(users.login, a.login)).get()) throw new AccountError(`--login: an account "${a.login}" already exists`);
  const passwordHash = await hashPassword(a.password);
  return db.transaction((tx) => {
    const row = tx.insert(users).values({ login: a.login, role: a.role, scope: JSON.stringify(a.scope), passwordHash }).returning({ id: users.id }).get();
    recordAudit(tx, { actor, entity: 'user', entityId: a.login, action: 'create', before: null, after: { login: a.login, role: a.role, scope: a.scope }, areaCode: null });
    return row.id;
  });
}

export function removeAccount(db: Db, login: string, actor: string): void {
  const row = db.select().from(users).where(eq(users.login, login)).get();
  if (!row) throw new AccountError(`--login: no account "${login}"`);
  db.transaction((tx) => {
    tx.delete(users).where(eq(users.id, row.id)).run();
    recordAudit(tx, { actor, entity: 'user', entityId: login, action: 'remove', before: { login, role: row.role, scope: JSON.parse(row.scope) as unknown }, after: null, areaCode: null });
  });
}

export const listAccounts = (db: Db) =>
  db
    .select({ login: users.login, role: users.role, scope: users.scope, createdAt: users.createdAt })
    .from(users)
    .all()
    .map((u) => ({ ...u, scope: JSON.parse(u.scope) as string[] }));
