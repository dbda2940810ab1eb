import { createApp } from '../../server/app';
import { openDb, type Db } from '../../server/db/client';
import { importPaths } from '../../server/import/run-import';
import { addDemoAccounts } from '../../server/auth/demo-accounts';

/** A fresh in-memory database with the committed migrations applied. */
export const memoryDb = (): Db => openDb(':memory:');

/** An in-memory database with the demo region imported through the real import path. */
export async function demoDb(): Promise<Db> {
  const db = memoryDb();
  const summary = await importPaths(db, ['data/demo'], { now: new Date('2026-10-15T00:00:00Z') });
  if (!summary.ok) throw new Error(`demo import had problems: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  await addDemoAccounts(db);
  return db;
}

/** The API's clock in tests: 2026-11-22, morning in Japan. */
export const TEST_NOW = () => new Date('2026-11-22T08:00:00+09:00');

export type TestApp = ReturnType<typeof createApp>;

/** The API over a fresh demo database, with the test clock. */
export async function demoApp(now = TEST_NOW): Promise<{ db: Db; app: TestApp }> {
  const db = await demoDb();
  return { db, app: createApp({ db, now }) };
}

/** Row counts of every table, to check that a failed import changed nothing. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like '%migrations%' and name not like 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.$client.prepare(`select count(*) n from "${name}"`).get() as { n: number }).n]));
}

/** Every row of every table (but the import time of datasets), to check that nothing changed at all. */
export function snapshot(db: Db): string {
  const tables = Object.keys(tableCounts(db)).sort();
  return JSON.stringify(
    tables.map((name) => [name, (db.$client.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]).map((r) => ({ ...r, imported_at: undefined, updated_at: undefined })).map((r) => JSON.stringify(r)).sort()]),
  );
}
