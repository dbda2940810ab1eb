import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { facilities, institutions } from '../../db/schema';
import { facilityId } from '../../domain/identifiers';

/** Names by id, read in chunks below SQLite's parameter limit. */
function chunked<T>(items: readonly string[], read: (chunk: string[]) => T[]): T[] {
  const out: T[] = [];
  const unique = [...new Set(items)];
  for (let k = 0; k < unique.length; k += 500) out.push(...read(unique.slice(k, k + 500)));
  return out;
}

export function facilityNames(db: Db, ids: readonly string[]): Map<string, string> {
  const rows = chunked(ids.map((id) => id.split('-')[0]!), (chunk) =>
    db.select({ no: facilities.careOfficeNumber, sc: facilities.serviceCode, name: facilities.name }).from(facilities).where(inArray(facilities.careOfficeNumber, chunk)).all(),
  );
  return new Map(rows.map((r) => [facilityId(r.no, r.sc), r.name]));
}

export function institutionNames(db: Db, codes: readonly string[]): Map<string, string> {
  const rows = chunked(codes, (chunk) => db.select({ code: institutions.code, name: institutions.name }).from(institutions).where(inArray(institutions.code, chunk)).all());
  return new Map(rows.map((r) => [r.code, r.name]));
}
