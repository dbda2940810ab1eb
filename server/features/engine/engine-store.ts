import type { MunicipalityRef } from '../../domain/designating-authority';
import type { Requirement } from '../../domain/requirements';
import type { Db } from '../../db/client';
import { agreements, facilities, institutionNotifications, institutions, municipalities } from '../../db/schema';
import { computeCoverage, type Coverage } from '../../domain/coverage';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import { institutionOffers, notificationSymbol } from '../../domain/institution-offers';
import { holdsA253Basis } from '../../domain/a253';
import { maskOf } from '../../domain/engine/masks';
import type { EngineFacility, EngineInstitution } from '../../domain/engine/model';
import { FacilityIndex, InstitutionIndex } from '../../domain/engine/spatial';
import { coversOf, isActiveOn } from '../shared/agreements-query';
import { parseDeclared } from '../shared/institution-view';

/**
 * The engine's view of the database: every live, placed facility and institution as engine records,
 * with their spatial indexes. Built once and reused until the data changes (the data_version counter,
 * bumped by triggers on the data tables only: migration 0006) or the date does — the version.
 */
export interface EngineSnapshot {
  /** Changes whenever the data (or the date) does: tile URLs carry it so caches never go stale. */
  version: string;
  institutions: EngineInstitution[];
  institutionIndex: InstitutionIndex;
  institutionByCode: Map<string, number>;
  /**
   * What a candidate list shows of each placed institution, aligned with `institutions`: built once
   * per snapshot, so a list of candidates refers to these rather than copying them.
   */
  institutionListing: InstitutionListing[];
  facilities: EngineFacility[];
  /** Live facilities without a position: counted in tallies, but out of every distance question. */
  unplaced: Omit<EngineFacility, 'lng' | 'lat'>[];
  facilityIndex: FacilityIndex;
  facilityById: Map<string, number>;
  municipalities: Map<string, { name: string; prefCode: string; prefName: string; parentCode: string | null; kind: MunicipalityRef['kind'] }>;
  /** What lists show of every live facility (placed or not), by id. */
  facilityInfo: Map<string, FacilityInfo>;
  /** What lists show of every live institution (placed or not), by 医療機関コード. */
  institutionInfo: Map<string, InstitutionInfo>;
  /**
   * Every facility's coverage (withdrawn ones too), by id: the one place its inputs are gathered and
   * computeCoverage is called — list, detail, tiles, gaps and exports all read it.
   */
  coverageById: Map<string, Coverage>;
  /** The records themselves, withdrawn ones too, for lists and pages (no query per request). */
  facilityRows: Map<string, FacilityRow>;
  institutionRows: Map<string, InstitutionRow>;
  agreementsByFacility: Map<string, AgreementRow[]>;
  /** The notifications that matter (NOTIFICATION_SYMBOLS) of each institution. */
  symbolsByInstitution: Map<string, string[]>;
  /** Agreements in force today, per institution (placed or not): how many, and which (oldest first). */
  activePartnersByInstitution: Map<string, number>;
  activeAgreementsByInstitution: Map<string, AgreementRow[]>;
}

type FacilityRow = typeof facilities.$inferSelect;
type InstitutionRow = typeof institutions.$inferSelect;
type AgreementRow = typeof agreements.$inferSelect;

export interface InstitutionInfo {
  name: string;
  kind: typeof institutions.$inferSelect.kind;
  address: string | null;
  phone: string | null;
}

export interface InstitutionListing {
  code: string;
  name: string;
  kind: InstitutionInfo['kind'];
  phone: string | null;
  lng: number;
  lat: number;
  activePartners: number;
  maxPartners: number | null;
}

export interface FacilityInfo {
  name: string;
  address: string | null;
  phone: string | null;
  /** 定員; null when unknown. */
  capacity: number | null;
  /** When its partners were last confirmed (an agreement's 確認日) or reported; null = never. */
  lastConfirmedOn: string | null;
  /** Why its published coordinates are in doubt (reconcile.ts), with the km outside its municipality. */
  positionFlag: 'outside_japan' | 'outside_municipality' | null;
  positionOffsetKm: number | null;
}

export class EngineStore {
  private cached: { version: string; snapshot: EngineSnapshot } | null = null;
  /** When this store started: versions never repeat, even across restarts. */
  private readonly started = Date.now().toString(36);
  /** Asked on every request: prepared once. */
  private readonly versionQuery;
  constructor(private readonly db: Db) {
    // Bumped by triggers on every data table (migration 0006), by any connection; sessions, sign-ins
    // and audit rows are not data and leave it alone.
    this.versionQuery = db.$client.prepare('select n from data_version where id = 1');
  }

  /** The data version, without building anything: it changes whenever the data or the date does. */
  version(today: string): string {
    const { n } = this.versionQuery.get() as { n: number };
    return `${this.started}.${n}.${today}`;
  }

  get(today: string): EngineSnapshot {
    const version = this.version(today);
    if (this.cached?.version !== version) this.cached = { version, snapshot: { ...buildSnapshot(this.db, today), version } };
    return this.cached.snapshot;
  }
}

export function buildSnapshot(db: Db, today: string): Omit<EngineSnapshot, 'version'> {
  const allAgreements = db.select().from(agreements).all();
  const active = allAgreements.filter((a) => isActiveOn(a, today));
  const lastConfirmed = new Map<string, string>();
  for (const a of allAgreements) {
    const key = facilityId(a.careOfficeNumber, a.serviceCode);
    if (a.confirmedOn && a.confirmedOn > (lastConfirmed.get(key) ?? '')) lastConfirmed.set(key, a.confirmedOn);
  }
  const activeCount = new Map<string, number>();
  const byFacility = new Map<string, typeof active>();
  const activeByInstitution = new Map<string, AgreementRow[]>();
  for (const a of active) {
    activeCount.set(a.institutionCode, (activeCount.get(a.institutionCode) ?? 0) + 1);
    activeByInstitution.set(a.institutionCode, [...(activeByInstitution.get(a.institutionCode) ?? []), a]);
    const key = facilityId(a.careOfficeNumber, a.serviceCode);
    byFacility.set(key, [...(byFacility.get(key) ?? []), a]);
  }
  const recorded = new Set(allAgreements.map((a) => facilityId(a.careOfficeNumber, a.serviceCode)));
  // Every agreement of a facility, in force or not, oldest first: what its page lists.
  const agreementsByFacility = new Map<string, AgreementRow[]>();
  for (const a of [...allAgreements].sort((x, y) => x.id - y.id)) {
    const key = facilityId(a.careOfficeNumber, a.serviceCode);
    const list = agreementsByFacility.get(key);
    if (list) list.push(a);
    else agreementsByFacility.set(key, [a]);
  }

  const symbols = new Map<string, string[]>();
  for (const n of db.select({ code: institutionNotifications.institutionCode, symbol: institutionNotifications.symbol }).from(institutionNotifications).all()) {
    if (notificationSymbol(n.symbol)) symbols.set(n.code, [...(symbols.get(n.code) ?? []), n.symbol]);
  }
  const insts: EngineInstitution[] = [];
  const institutionInfo = new Map<string, InstitutionInfo>();
  const institutionRows = new Map<string, InstitutionRow>();
  for (const row of db.select().from(institutions).all()) {
    institutionRows.set(row.code, row);
    if (row.withdrawnOn !== null) continue;
    institutionInfo.set(row.code, { name: row.name, kind: row.kind, address: row.address, phone: row.phone });
    if (row.lat === null || row.lng === null) continue;
    const s = symbols.get(row.code) ?? [];
    const offers = institutionOffers({ kind: row.kind, symbols: s, declared: parseDeclared(row.declaredOffers) });
    insts.push({
      code: row.code,
      kind: row.kind,
      lng: row.lng,
      lat: row.lat,
      offers: maskOf(offers.offers),
      eligible: maskOf(offers.eligible),
      declared: offers.source === 'declared',
      a253Basis: holdsA253Basis(row.kind, s),
      willingness: row.willingness,
      maxPartners: row.maxPartners,
      activePartners: activeCount.get(row.code) ?? 0,
      landmass: row.landmass,
    });
  }

  const munis = new Map(db.select().from(municipalities).all().map((m) => [m.code, { name: m.name, prefCode: m.prefCode, prefName: m.prefName, parentCode: m.parentCode, kind: m.kind }]));
  const facs: EngineFacility[] = [];
  const unplaced: EngineSnapshot['unplaced'] = [];
  const facilityInfo = new Map<string, FacilityInfo>();
  const coverageById = new Map<string, Coverage>();
  const facilityRows = new Map<string, FacilityRow>();
  for (const row of db.select().from(facilities).all()) {
    const id = facilityId(row.careOfficeNumber, row.serviceCode);
    facilityRows.set(id, row);
    const confirmed = [lastConfirmed.get(id), row.partnersReportedOn].filter((d): d is string => !!d).sort().at(-1) ?? null;
    facilityInfo.set(id, { name: row.name, address: row.address, phone: row.phone, capacity: row.capacity, lastConfirmedOn: confirmed, positionFlag: row.positionFlag, positionOffsetKm: row.positionOffsetKm });
    const type = facilityTypeOf(row.serviceCode);
    const mine = byFacility.get(id) ?? [];
    const coverage = computeCoverage(type.required, mine.map(coversOf), row.partnersReportedOn !== null || recorded.has(id));
    // Withdrawn facilities keep their coverage (their page still opens) but leave the engine.
    coverageById.set(id, coverage);
    if (row.withdrawnOn !== null) continue;
    const record = {
      id,
      serviceCode: row.serviceCode,
      municipalityCode: row.municipalityCode,
      prefCode: row.municipalityCode?.slice(0, 2) ?? row.careOfficeNumber.slice(0, 2),
      required: maskOf(type.required),
      // Unknown: nothing met, so every search covers the whole required set (model.ts searchMask).
      met: maskOf(coverage.met ?? []),
      status: coverage.status,
      a253Type: type.a253,
      landmass: row.landmass,
      partnerCodes: mine.map((a) => a.institutionCode),
      specialRelationshipCodes: mine.filter((a) => a.specialRelationship).map((a) => a.institutionCode),
      seeking: row.seeking ? maskOf(JSON.parse(row.seeking) as Requirement[]) : 0,
    };
    if (row.lat === null || row.lng === null) unplaced.push(record);
    else facs.push({ ...record, lng: row.lng, lat: row.lat });
  }
  return {
    institutions: insts,
    institutionIndex: new InstitutionIndex(insts),
    institutionByCode: new Map(insts.map((x, i) => [x.code, i])),
    institutionListing: insts.map((x) => {
      const info = institutionInfo.get(x.code)!;
      return { code: x.code, name: info.name, kind: info.kind, phone: info.phone, lng: x.lng, lat: x.lat, activePartners: x.activePartners, maxPartners: x.maxPartners };
    }),
    facilities: facs,
    unplaced,
    facilityIndex: new FacilityIndex(facs),
    facilityById: new Map(facs.map((f, i) => [f.id, i])),
    municipalities: munis,
    facilityInfo,
    institutionInfo,
    coverageById,
    facilityRows,
    institutionRows,
    agreementsByFacility,
    symbolsByInstitution: symbols,
    activePartnersByInstitution: activeCount,
    activeAgreementsByInstitution: activeByInstitution,
  };
}
