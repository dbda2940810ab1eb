import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { filingDeadlines, filings } from '../../db/schema';
import { designatingAuthority, type Authority, type MunicipalityRef } from '../../domain/designating-authority';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import type { EngineSnapshot } from '../engine/engine-store';
import type { VersionMemo } from '../engine/version-memo';
import { toMunicipalityRef, type FacilityRow } from './facility-queries';

/**
 * Who has filed with which designating authority (指定権者) for a fiscal year: the one computation
 * the tracker (GET /api/filings/tracker) and the officer's desk (GET /api/officer/desk) share.
 */

/** The designating authority of a facility, with municipalities looked up by `refOf`. */
export const authorityOf = (refOf: (code: string) => MunicipalityRef | null, f: { serviceCode: string; municipalityCode: string | null }): Authority | null =>
  designatingAuthority(facilityTypeOf(f.serviceCode), f.municipalityCode ? refOf(f.municipalityCode) : null);

/** Municipalities as the engine's snapshot already holds them (no second read of the table). */
export function snapshotRefs(munis: EngineSnapshot['municipalities']): (code: string) => MunicipalityRef | null {
  return (code) => {
    const m = munis.get(code);
    if (!m) return null;
    const parent = m.parentCode ? { code: m.parentCode, name: munis.get(m.parentCode)?.name ?? m.parentCode } : null;
    return toMunicipalityRef({ code, ...m }, parent);
  };
}

/** Every live facility with its designating authority, kept per data version. */
export function designatedFacilities(memo: VersionMemo, today: string, snap: EngineSnapshot): { id: string; row: FacilityRow; authority: Authority | null }[] {
  return memo.get(today, 'designated-facilities', () => {
    const refs = snapshotRefs(snap.municipalities);
    return [...snap.facilityRows.entries()].filter(([, f]) => f.withdrawnOn === null).map(([id, row]) => ({ id, row, authority: authorityOf(refs, row) }));
  });
}

export const FILING_STATUSES = ['filed', 'not_filed', 'overdue'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export interface FacilityFiling {
  id: string;
  row: FacilityRow;
  authority: Authority;
  status: FilingStatus;
  filing: { filedOn: string; receivedOn: string; fileName: string | null } | null;
}

/** The deadlines set for a fiscal year, by authority code (all authorities, or those given). */
export function deadlinesOf(db: Db, fiscalYear: number, authorityCodes?: readonly string[]): Map<string, string> {
  const where = authorityCodes ? and(eq(filingDeadlines.fiscalYear, fiscalYear), inArray(filingDeadlines.authorityCode, [...authorityCodes])) : eq(filingDeadlines.fiscalYear, fiscalYear);
  return new Map(db.select().from(filingDeadlines).where(where).all().map((d) => [d.authorityCode, d.dueOn]));
}

/**
 * The facilities designated by one of `authorityCodes`, each with its filing of the year (the latest
 * received with that authority) and its status: filed; overdue once the authority's deadline has
 * passed; else not filed. Sorted by status, then id.
 */
export function filingStatuses(db: Db, designated: ReturnType<typeof designatedFacilities>, authorityCodes: readonly string[], fiscalYear: number, today: string): { facilities: FacilityFiling[]; deadlines: Map<string, string>; filedWith: Set<string> } {
  const codes = new Set(authorityCodes);
  const deadlines = deadlinesOf(db, fiscalYear, authorityCodes);
  const filed = new Map<string, { filedOn: string; receivedOn: string; fileName: string | null }>();
  const filedWith = new Set<string>();
  for (const f of db.select().from(filings).where(and(inArray(filings.authorityCode, [...codes]), eq(filings.fiscalYear, fiscalYear))).all()) {
    filedWith.add(f.authorityCode);
    const key = `${f.authorityCode} ${facilityId(f.careOfficeNumber, f.serviceCode)}`;
    const prev = filed.get(key);
    if (!prev || prev.receivedOn < f.receivedOn) filed.set(key, { filedOn: f.filedOn, receivedOn: f.receivedOn, fileName: f.fileName });
  }
  const facilities: FacilityFiling[] = [];
  for (const { id, row, authority } of designated) {
    if (!authority || !codes.has(authority.code)) continue;
    const filing = filed.get(`${authority.code} ${id}`) ?? null;
    const deadline = deadlines.get(authority.code);
    const status: FilingStatus = filing ? 'filed' : deadline && deadline < today ? 'overdue' : 'not_filed';
    facilities.push({ id, row, authority, status, filing });
  }
  facilities.sort((a, b) => a.status.localeCompare(b.status) || a.id.localeCompare(b.id));
  return { facilities, deadlines, filedWith };
}

/** Filed, not filed and overdue among `rows`. */
export function filingCounts(rows: readonly { status: FilingStatus }[]): { filed: number; notFiled: number; overdue: number } {
  const out = { filed: 0, notFiled: 0, overdue: 0 };
  for (const r of rows) out[r.status === 'filed' ? 'filed' : r.status === 'overdue' ? 'overdue' : 'notFiled']++;
  return out;
}
