import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreements, facilities, institutions } from '../../db/schema';
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

/** What lists show of each facility (name, address, phone, 定員), and when its partners were last confirmed or filed. */
export function facilityListDetails(db: Db, ids: readonly string[]) {
  const numbers = ids.map((id) => id.split('-')[0]!);
  const rows = chunked(numbers, (chunk) =>
    db.select({ no: facilities.careOfficeNumber, sc: facilities.serviceCode, name: facilities.name, address: facilities.address, phone: facilities.phone, capacity: facilities.capacity, reported: facilities.partnersReportedOn })
      .from(facilities).where(inArray(facilities.careOfficeNumber, chunk)).all(),
  );
  const confirmed = chunked(numbers, (chunk) =>
    db.select({ no: agreements.careOfficeNumber, sc: agreements.serviceCode, on: agreements.confirmedOn }).from(agreements).where(inArray(agreements.careOfficeNumber, chunk)).all(),
  );
  const last = new Map<string, string>();
  for (const a of confirmed) {
    const id = facilityId(a.no, a.sc);
    if (a.on && a.on > (last.get(id) ?? '')) last.set(id, a.on);
  }
  return new Map(
    rows.map((r) => {
      const id = facilityId(r.no, r.sc);
      const dates = [last.get(id), r.reported].filter((d): d is string => !!d).sort();
      return [id, { name: r.name, address: r.address, phone: r.phone, capacity: r.capacity, lastConfirmedOn: dates.at(-1) ?? null }];
    }),
  );
}
