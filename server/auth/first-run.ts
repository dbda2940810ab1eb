import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';

/** The command that creates the first account (scripts/user.ts; the password is asked on standard input). */
export const FIRST_ACCOUNT_COMMAND = 'npm run user -- add --role admin --login admin';

/**
 * What `npm start` prints when the database has no account at all (LOAD_DEMO=0 on a new database):
 * how to create the first one. Empty when any account exists.
 */
export function firstRunLines(db: Db, databasePath: string): string[] {
  const n = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (n > 0) return [];
  const quoted = /^[\w./:-]+$/.test(databasePath) ? databasePath : `'${databasePath.replace(/'/g, `'\\''`)}'`;
  const dbOption = databasePath === 'data/renkei.db' ? '' : ` --db ${quoted}`;
  return [
    'No accounts yet (アカウントがまだありません). Create the first administrator in another terminal:',
    `  ${FIRST_ACCOUNT_COMMAND}${dbOption}`,
    '  (it asks for a password: 12 characters or more, not a common one; then sign in at the top right,',
    '   where マイページ → accounts creates the others)',
  ];
}
