import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { users } from '../db/schema';
import { prefectureByCode } from '../domain/prefectures';
import { ApiFailure, notFound } from '../errors';
import type { EngineSnapshot } from '../features/engine/engine-store';
import { inArea, type ParentOf } from './policy';
import type { Principal, Role } from './principal';
import { parentOf, requireUser, type Rule } from './rules';

/**
 * Which accounts an officer manages: those whose whole scope lies in the officer's area — staff of
 * facilities and institutions there, officers of municipalities (or the prefecture) within it —
 * never an administrator. An administrator manages every account. A scope entry the data does not
 * know (a 事業所番号 of no facility) lies in no area, so only an administrator can give it.
 */

/** One entry of an account's scope: its name in the data (the code when unknown) and the areas it stands in. */
export interface ScopeEntry {
  code: string;
  name: string;
  /** Municipality codes (or a 2-digit prefecture code); empty when unknown, null for a record without a municipality. */
  areas: (string | null)[];
}

export type ScopeLookup = (role: Role, code: string) => ScopeEntry;

/** Every 事業所番号's facilities (live ones first), kept per data version. */
function facilitiesByNumber(c: Context<AppEnv>, snap: EngineSnapshot) {
  return c.var.memo.get(c.var.today(), 'facilities-by-number', () => {
    const out = new Map<string, { name: string; municipalityCode: string | null; live: boolean }[]>();
    for (const f of snap.facilityRows.values()) {
      const list = out.get(f.careOfficeNumber) ?? [];
      list.push({ name: f.name, municipalityCode: f.municipalityCode, live: f.withdrawnOn === null });
      out.set(f.careOfficeNumber, list);
    }
    for (const list of out.values()) list.sort((a, b) => Number(b.live) - Number(a.live));
    return out;
  });
}

/** Names and areas of scope entries, from the read model. */
export function scopeLookup(c: Context<AppEnv>): ScopeLookup {
  const snap = c.var.engine.get(c.var.today());
  const byNumber = facilitiesByNumber(c, snap);
  return (role, code) => {
    if (role === 'facility') {
      const rows = byNumber.get(code) ?? [];
      const live = rows.filter((r) => r.live);
      return { code, name: rows[0]?.name ?? code, areas: [...new Set((live.length ? live : rows).map((r) => r.municipalityCode))] };
    }
    if (role === 'institution') {
      const row = snap.institutionRows.get(code);
      return { code, name: row?.name ?? code, areas: row ? [row.municipalityCode] : [] };
    }
    if (role === 'municipality' && code.length === 2) {
      const any = [...snap.municipalities.values()].find((m) => m.prefCode === code);
      return { code, name: any?.prefName ?? prefectureByCode(code)?.name ?? code, areas: any ? [code] : [] };
    }
    const m = snap.municipalities.get(code);
    return { code, name: m?.name ?? code, areas: m ? [code] : [] };
  };
}

/** Whether `who` manages an account of that role and scope. */
export function manages(who: Principal, account: { role: Role; scope: readonly string[] }, lookup: ScopeLookup, parent: ParentOf): boolean {
  if (who.role === 'admin') return true;
  if (who.role !== 'municipality' || account.role === 'admin' || account.scope.length === 0) return false;
  return account.scope.every((code) => {
    const { areas } = lookup(account.role, code);
    return areas.length > 0 && areas.every((a) => inArea(who.scope, a, parent));
  });
}

/** The scope entries an officer may not give (outside its area or unknown), for the refusal. */
export const outsideArea = (who: Principal, account: { role: Role; scope: readonly string[] }, lookup: ScopeLookup, parent: ParentOf) =>
  account.scope.filter((code) => !manages(who, { role: account.role, scope: [code] }, lookup, parent));

/** The area an account's changes are logged under (officers see their area's log): its first scope entry's. */
export function accountArea(account: { role: Role; scope: readonly string[] }, lookup: ScopeLookup): string | null {
  const first = account.scope[0];
  return first === undefined || account.role === 'admin' ? null : (lookup(account.role, first).areas[0] ?? null);
}

const forbidden = (p: Principal, what: string) => new ApiFailure(403, 'forbidden', `${p.login} (${p.role}) may not ${what}`);

/**
 * The rule of the routes about one account (`:login` in the path): an administrator, or an officer
 * whose area holds the account's whole scope. 404 for no such account (after the role is checked).
 */
export const accountInPath: Rule = {
  who: 'admin | municipality (an account in its area)',
  check(c) {
    const user = requireUser(c);
    if (user.role !== 'admin' && user.role !== 'municipality') throw forbidden(user, `call ${c.req.method} ${c.req.path}`);
    const { login } = (c.req.valid as (t: 'param') => { login: string })('param');
    const row = c.var.db.select({ role: users.role, scope: users.scope }).from(users).where(eq(users.login, login)).get();
    if (!row) throw notFound('account', login);
    if (!manages(user, { role: row.role, scope: JSON.parse(row.scope) as string[] }, scopeLookup(c), parentOf(c))) {
      throw forbidden(user, `manage the account ${login}: ${row.role === 'admin' ? 'it is an administrator' : 'its scope lies outside your area'}`);
    }
  },
};

/** Before an account is given a role and scope: 403 unless the caller manages such an account. */
export function authorizeAssigning(c: Context<AppEnv>, account: { role: Role; scope: readonly string[] }, lookup: ScopeLookup): void {
  const user = requireUser(c);
  if (user.role === 'admin') return;
  if (user.role !== 'municipality') throw forbidden(user, 'manage accounts');
  if (account.role === 'admin') throw forbidden(user, 'make an account an administrator');
  const outside = outsideArea(user, account, lookup, parentOf(c));
  if (outside.length > 0) throw forbidden(user, `give a ${account.role} account ${outside.join(', ')}: outside your area (${user.scope.join(', ')}) or not in the data`);
}
