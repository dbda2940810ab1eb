import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from '../db/client';


/**
 * Inserts rows in chunks of `perChunk`: one statement per row costs the query builder each time,
 * and SQLite caps the variables of one statement (keep perChunk × columns under 32,766).
 */
export function insertChunked<T extends SQLiteTable>(tx: Tx, table: T, rows: T['$inferInsert'][], perChunk: number): void {
  for (let i = 0; i < rows.length; i += perChunk) tx.insert(table).values(rows.slice(i, i + perChunk)).run();
}
