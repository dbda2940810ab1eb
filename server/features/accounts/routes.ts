import { and, eq, inArray, max } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { accountArea, accountInPath, authorizeAssigning, manages, scopeLookup, type ScopeLookup } from '../../auth/account-area';
import { AccountError, assertLoginFree, checkAccountFields, enabledAdmins } from '../../auth/accounts';
import { generatePassword, hashPassword } from '../../auth/password';
import type { Role } from '../../auth/principal';
import { allow, parentOf, requireUser, roles } from '../../auth/rules';
import { deleteSessionsOf } from '../../auth/sessions';
import { accountBody, accountParams, accountPatch } from '../../contracts/auth';
import type { Db, Tx } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { ApiFailure, notFound } from '../../errors';
import { validate } from '../../validate';
import { runCreate, runUpdate } from '../shared/command';

/**
 * Accounts, managed in the app: an administrator manages every account; a municipality officer the
 * accounts of its area (server/auth/account-area.ts). A new or reset password is made by the server
 * and shown once, in that answer; the audit log records every change, never a password. The first
 * administrator still comes from `npm run user`.
 */

type UserRow = typeof users.$inferSelect;

/** The last sign-in of each login (the audit's sign_in rows), in one query. */
function lastSignIns(db: Db, logins?: readonly string[]): Map<string, string> {
  const where = and(eq(auditLog.entity, 'user'), eq(auditLog.action, 'sign_in'), logins ? inArray(auditLog.entityId, [...logins]) : undefined);
  const rows = db.select({ login: auditLog.entityId, at: max(auditLog.at) }).from(auditLog).where(where).groupBy(auditLog.entityId).all();
  return new Map(rows.flatMap((r) => (r.at ? [[r.login, r.at] as const] : [])));
}

const scopeOf = (row: UserRow) => JSON.parse(row.scope) as string[];

function accountView(row: UserRow, lookup: ScopeLookup, signIns: Map<string, string>) {
  const scope = scopeOf(row);
  return {
    login: row.login,
    role: row.role,
    scope,
    /** The names of its scope's facilities, institutions, municipalities or prefectures (the code when unknown). */
    scopeNames: scope.map((code) => lookup(row.role, code).name),
    disabled: row.disabledAt !== null,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    lastSignInAt: signIns.get(row.login) ?? null,
    version: row.version,
  };
}

/** The answer about one account, read again after a change. */
function viewOf(c: Context<AppEnv>, login: string, lookup = scopeLookup(c)) {
  return accountView(requireAccount(c.var.db, login), lookup, lastSignIns(c.var.db, [login]));
}

function requireAccount(db: Db | Tx, login: string): UserRow {
  const row = db.select().from(users).where(eq(users.login, login)).get();
  if (!row) throw notFound('account', login);
  return row;
}

/** An account check's refusal as the API says it: 400 naming the field, 409 for a login taken. */
function asApi<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    const issues = [{ path: e.field, message: e.detail }];
    if (e.kind === 'taken') throw new ApiFailure(409, 'conflict', `login: ${e.detail}`, issues);
    if (e.kind === 'not_found') throw new ApiFailure(404, 'not_found', `login: ${e.detail}`, issues);
    throw new ApiFailure(400, 'invalid_parameter', `${e.field}: ${e.detail}`, issues);
  }
}

const lastAdmin = (login: string, what: string) =>
  new ApiFailure(409, 'last_admin', `${login} is the last enabled administrator: it cannot ${what} (make another administrator first)`, [{ path: 'login', message: 'the last enabled administrator' }]);

const sameScope = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

type Change = { action: 'disable' | 'enable' | 'reset_password'; set: (at: string) => Partial<UserRow>; before: unknown; after: unknown; endSessions: boolean; guard?: (tx: Tx) => void };

/** A change of one account read at its current version, audited, ending its sessions when asked. */
function changeAccount(c: Context<AppEnv>, row: UserRow, change: Change) {
  const scope = scopeOf(row);
  runUpdate(c.var, {
    what: `The account ${row.login}`, entity: 'user', entityId: row.login, action: change.action, areaCode: accountArea({ role: row.role, scope }, scopeLookup(c)),
    expected: row.version, current: row.version,
    write: (tx, at) => {
      change.guard?.(tx);
      return tx.update(users).set({ ...change.set(at), version: row.version + 1, updatedAt: at }).where(and(eq(users.id, row.id), eq(users.version, row.version))).run().changes;
    },
    before: change.before, after: change.after,
    then: change.endSessions ? (tx) => deleteSessionsOf(tx, row.id) : undefined,
  });
}

export const accountsRoutes = new Hono<AppEnv>()
  /** Every account the caller manages: all for an administrator; an officer's area's, never an administrator. */
  .get('/', allow(roles('admin', 'municipality')), (c) => {
    const user = requireUser(c);
    const lookup = scopeLookup(c);
    const parent = parentOf(c);
    const rows = c.var.db.select().from(users).orderBy(users.login).all().filter((r) => manages(user, { role: r.role, scope: scopeOf(r) }, lookup, parent));
    const signIns = lastSignIns(c.var.db);
    return c.json({ accounts: rows.map((r) => accountView(r, lookup, signIns)) });
  })
  /** A new account with a password made here, shown only in this answer. */
  .post('/', allow(roles('admin', 'municipality')), validate('json', accountBody), async (c) => {
    const body = c.req.valid('json');
    const account = { login: body.login, role: body.role, scope: [...new Set(body.scope)] };
    asApi(() => checkAccountFields(account));
    const lookup = scopeLookup(c);
    authorizeAssigning(c, account, lookup);
    asApi(() => assertLoginFree(c.var.db, account.login));
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    asApi(() =>
      runCreate(c.var, {
        entity: 'user', action: 'create', areaCode: accountArea(account, lookup),
        write: (tx, at) => {
          // Taken meanwhile, while the hash ran: checked again where it is written.
          assertLoginFree(tx, account.login);
          tx.insert(users).values({ login: account.login, role: account.role, scope: JSON.stringify(account.scope), passwordHash, createdAt: at, updatedAt: at }).run();
          return { id: account.login, after: account };
        },
      }),
    );
    return c.json({ account: viewOf(c, account.login, lookup), password }, 201);
  })
  /** Assigns a role and scope (the organisation an account acts for). `version`, when sent, must be the one read. */
  .patch('/:login', validate('param', accountParams), allow(accountInPath), validate('json', accountPatch), (c) => {
    const { login } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = requireAccount(c.var.db, login);
    const before = { role: row.role, scope: scopeOf(row) };
    const role: Role = body.role ?? row.role;
    // An administrator has no scope: made one, its old scope goes unless another is given.
    const scope = body.scope ? [...new Set(body.scope)] : role === 'admin' ? [] : before.scope;
    asApi(() => checkAccountFields({ role, scope }));
    const lookup = scopeLookup(c);
    authorizeAssigning(c, { role, scope }, lookup);
    const expected = body.version ?? row.version;
    if (role === row.role && sameScope(scope, before.scope) && expected === row.version) return c.json({ account: viewOf(c, login, lookup) }, 200);
    runUpdate(c.var, {
      what: `The account ${login}`, entity: 'user', entityId: login, action: 'update', areaCode: accountArea({ role, scope }, lookup),
      expected, current: row.version,
      write: (tx, at) => {
        if (row.role === 'admin' && role !== 'admin' && row.disabledAt === null && enabledAdmins(tx) <= 1) throw lastAdmin(login, 'lose its role');
        return tx.update(users).set({ role, scope: JSON.stringify(scope), version: row.version + 1, updatedAt: at }).where(and(eq(users.id, row.id), eq(users.version, expected))).run().changes;
      },
      before, after: { role, scope },
    });
    return c.json({ account: viewOf(c, login, lookup) }, 200);
  })
  /** Disables an account: it cannot sign in, and its sessions end now. Not one's own, nor the last administrator. */
  .post('/:login/disable', validate('param', accountParams), allow(accountInPath), (c) => {
    const { login } = c.req.valid('param');
    const row = requireAccount(c.var.db, login);
    if (row.id === requireUser(c).id) throw new ApiFailure(409, 'own_account', `${login}: an account cannot disable itself; ask another administrator`, [{ path: 'login', message: 'your own account' }]);
    if (row.disabledAt === null) {
      changeAccount(c, row, {
        action: 'disable', set: (at) => ({ disabledAt: at }), before: { disabled: false }, after: { disabled: true }, endSessions: true,
        guard: (tx) => {
          if (row.role === 'admin' && enabledAdmins(tx) <= 1) throw lastAdmin(login, 'be disabled');
        },
      });
    }
    return c.json({ account: viewOf(c, login) }, 200);
  })
  /** Enables a disabled account again (its password is unchanged). */
  .post('/:login/enable', validate('param', accountParams), allow(accountInPath), (c) => {
    const { login } = c.req.valid('param');
    const row = requireAccount(c.var.db, login);
    if (row.disabledAt !== null) changeAccount(c, row, { action: 'enable', set: () => ({ disabledAt: null }), before: { disabled: true, disabledAt: row.disabledAt }, after: { disabled: false }, endSessions: false });
    return c.json({ account: viewOf(c, login) }, 200);
  })
  /** A new password, made here and shown only in this answer; the account's sessions end. */
  .post('/:login/reset-password', validate('param', accountParams), allow(accountInPath), async (c) => {
    const { login } = c.req.valid('param');
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    // Read after the hash, so the version guarded is the current one.
    const row = requireAccount(c.var.db, login);
    changeAccount(c, row, { action: 'reset_password', set: () => ({ passwordHash }), before: null, after: { sessionsEnded: true }, endSessions: true });
    return c.json({ account: viewOf(c, login), password }, 200);
  });
