import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { facilities, municipalities } from '../db/schema';
import { insertChunked } from './bulk-insert';
import { emptyCounts, differs, type WriteCounts } from './counts';
import { careOfficeCheckDigitError } from '../domain/identifiers';
import type { ProblemLog } from './problems';
import type { FacilityRecord, MunicipalityRecord } from './records';


/** Municipalities from boundaries: inserted, or updated when name, grouping or boundary changed. */
export function applyMunicipalities(tx: Tx, records: readonly MunicipalityRecord[]): WriteCounts {
  const counts = emptyCounts();
  const existing = new Map(tx.select().from(municipalities).all().map((m) => [m.code, m]));
  for (const r of records) {
    const row = { name: r.name, prefCode: r.prefCode, prefName: r.prefName, kind: r.kind, parentCode: r.parentCode, boundary: r.boundary ? JSON.stringify(r.boundary) : null };
    const prev = existing.get(r.code);
    if (!prev) {
      tx.insert(municipalities).values({ code: r.code, ...row }).run();
      counts.imported++;
    } else if (differs(prev, row)) {
      tx.update(municipalities).set({ ...row, version: sql`${municipalities.version} + 1` }).where(eq(municipalities.code, r.code)).run();
      counts.updated++;
    } else counts.unchanged++;
  }
  return counts;
}

/** Marks open-data facilities of the scope that the file did not list as withdrawn (never deletes). */
function withdrawFacilities(tx: Tx, listed: ReadonlySet<string>, scope: readonly { prefCode: string; serviceCode: string }[], asOf: string): number {
  let n = 0;
  for (const { prefCode, serviceCode } of scope) {
    const rows = tx
      .select({ careOfficeNumber: facilities.careOfficeNumber, municipalityCode: facilities.municipalityCode })
      .from(facilities)
      .where(and(eq(facilities.serviceCode, serviceCode), eq(facilities.source, 'kaigo_open_data'), isNull(facilities.withdrawnOn)))
      .all();
    for (const f of rows) {
      if ((f.municipalityCode ?? f.careOfficeNumber).slice(0, 2) !== prefCode || listed.has(`${f.careOfficeNumber}-${serviceCode}`)) continue;
      tx.update(facilities)
        .set({ withdrawnOn: asOf, version: sql`${facilities.version} + 1` })
        .where(and(eq(facilities.careOfficeNumber, f.careOfficeNumber), eq(facilities.serviceCode, serviceCode)))
        .run();
      n++;
    }
  }
  return n;
}

/** Municipalities by code and by prefecture + name, read once per file and kept current as rows are added. */
class MunicipalityLookup {
  private readonly codes = new Set<string>();
  private readonly byName = new Map<string, string>();
  constructor(private readonly tx: Tx) {
    for (const m of tx.select({ code: municipalities.code, prefName: municipalities.prefName, name: municipalities.name }).from(municipalities).all()) this.remember(m);
  }
  private remember(m: { code: string; prefName: string; name: string }): void {
    this.codes.add(m.code);
    if (!this.byName.has(`${m.prefName}|${m.name}`)) this.byName.set(`${m.prefName}|${m.name}`, m.code);
  }
  has = (code: string) => this.codes.has(code);
  named = (prefName: string, name: string) => this.byName.get(`${prefName}|${name}`);
  /** A code not yet known (no boundaries imported) gets a row without a boundary so nothing is lost. */
  add(code: string, name: string, prefName: string): void {
    this.tx.insert(municipalities).values({ code, name, prefCode: code.slice(0, 2), prefName, kind: 'municipality', parentCode: null, boundary: null }).run();
    this.remember({ code, prefName, name });
  }
}

/** Resolves a facility's municipality: the row's code, else its 市区町村名 within the prefecture. */
function resolveMunicipality(munis: MunicipalityLookup, r: FacilityRecord, log: ProblemLog): string | null | undefined {
  if (r.municipalityCode !== null) {
    if (munis.has(r.municipalityCode)) return r.municipalityCode;
    if (r.source === 'facility_template' || !r.municipalityName || !r.prefName) {
      log.error(r.line, '市区町村コード', `Unknown 市区町村コード ${r.municipalityCode}: import the region's boundaries first, or correct the code`);
      return undefined;
    }
    munis.add(r.municipalityCode, r.municipalityName, r.prefName);
    return r.municipalityCode;
  }
  const found = r.municipalityName && r.prefName ? munis.named(r.prefName, r.municipalityName) : undefined;
  if (found) return found;
  log.warn(r.line, '市区町村名', `Could not place 「${r.municipalityName ?? ''}」 in a known municipality; kept without one`);
  return null;
}

/**
 * Facilities from the open data or the facility template. The file's own coordinates are kept as
 * `source*`; the position used is decided afterwards (reconcile.ts). Rows of the file's scope (its
 * prefectures × services) that it no longer lists are marked withdrawn on `asOf`.
 */
export function applyFacilities(
  tx: Tx,
  records: readonly FacilityRecord[],
  scope: readonly { prefCode: string; serviceCode: string }[],
  asOf: string,
  log: ProblemLog,
  /** The import's clock (ISO instant), for updatedAt. */
  at: string,
): WriteCounts {
  const counts = emptyCounts();
  // Only the services the file holds: a national run of 14 files does not read the whole table 14 times.
  const services = [...new Set(records.map((r) => r.serviceCode))];
  const existing = new Map(tx.select().from(facilities).where(inArray(facilities.serviceCode, services)).all().map((f) => [`${f.careOfficeNumber}-${f.serviceCode}`, f]));
  const munis = new MunicipalityLookup(tx);
  const inserts: (typeof facilities.$inferInsert)[] = [];
  for (const r of records) {
    const prev = existing.get(`${r.careOfficeNumber}-${r.serviceCode}`);
    // A number typed into the template for a facility not yet known must pass its check digit; one
    // already in the database (or published, kaigo-open-data.ts) is kept with a warning (domain.md §6).
    const checkDigit = r.source === 'facility_template' ? careOfficeCheckDigitError(r.careOfficeNumber) : null;
    if (checkDigit && !prev) {
      log.error(r.line, '事業所番号', `${checkDigit}, and it matches no known facility: check the number typed in`);
      counts.rejected++;
      continue;
    }
    if (checkDigit) log.warn(r.line, '事業所番号', `check digit does not match; kept as the known facility's number (${checkDigit})`);
    const municipalityCode = resolveMunicipality(munis, r, log);
    if (municipalityCode === undefined) {
      counts.rejected++;
      continue;
    }
    const row = {
      name: r.name, kana: r.kana, address: r.address, municipalityCode, sourceLat: r.lat, sourceLng: r.lng, capacity: r.capacity,
      operatorName: r.operatorName, operatorNumber: r.operatorNumber, phone: r.phone, source: r.source, withdrawnOn: null,
    };
    if (!prev) {
      inserts.push({ careOfficeNumber: r.careOfficeNumber, serviceCode: r.serviceCode, ...row, updatedAt: at });
      counts.imported++;
    } else if (differs(prev, row)) {
      tx.update(facilities)
        .set({ ...row, version: sql`${facilities.version} + 1`, updatedAt: at })
        .where(and(eq(facilities.careOfficeNumber, r.careOfficeNumber), eq(facilities.serviceCode, r.serviceCode)))
        .run();
      counts.updated++;
    } else counts.unchanged++;
  }
  insertChunked(tx, facilities, inserts, 500);
  counts.withdrawn = withdrawFacilities(tx, new Set(records.map((r) => `${r.careOfficeNumber}-${r.serviceCode}`)), scope, asOf);
  return counts;
}
