import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { addAccount } from './accounts';
import type { Role } from './principal';

/**
 * One account per role on the demo region (デモ県, fictional), created with it and printed by
 * `npm start`. The passwords are public: never load the demo into a database real users share.
 *   demo-pref      officer of デモ県 (prefecture 99): its whole area
 *   demo-facility  staff of 特別養護老人ホームあじさい荘 (9971600862, デモ市南区), lacking ③
 *   demo-hospital  staff of 浜田記念病院 (9910110130), among its candidates
 */
export const DEMO_ACCOUNTS = {
  admin: { login: 'demo-admin', password: 'demo-admin-2027', role: 'admin', scope: [] },
  municipality: { login: 'demo-pref', password: 'demo-pref-2027', role: 'municipality', scope: ['99'] },
  facility: { login: 'demo-facility', password: 'demo-facility-2027', role: 'facility', scope: ['9971600862'] },
  institution: { login: 'demo-hospital', password: 'demo-hospital-2027', role: 'institution', scope: ['9910110130'] },
} as const satisfies Record<Role, { login: string; password: string; role: Role; scope: readonly string[] }>;

export async function addDemoAccounts(db: Db): Promise<void> {
  for (const a of Object.values(DEMO_ACCOUNTS)) await addAccount(db, { ...a, scope: [...a.scope] }, 'cli:demo');
}

/** The demo accounts present in the database, as lines to print. */
export function demoAccountLines(db: Db): string[] {
  const present = new Set(db.select({ login: users.login }).from(users).where(inArray(users.login, Object.values(DEMO_ACCOUNTS).map((a) => a.login))).all().map((u) => u.login));
  return Object.values(DEMO_ACCOUNTS)
    .filter((a) => present.has(a.login))
    .map((a) => `  ${a.role.padEnd(13)} ${a.login.padEnd(14)} ${a.password.padEnd(19)} ${a.scope.join(',') || '(all)'}`);
}
