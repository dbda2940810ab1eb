import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { facilities, institutionNotifications, institutions, municipalities } from '../../db/schema';
import { a253ForAgreement, holdsA253Basis } from '../../domain/a253';
import type { Coverage, CoverageStatus } from '../../domain/coverage';
import type { EngineSnapshot } from '../engine/engine-store';
import { designatingAuthority, type MunicipalityRef } from '../../domain/designating-authority';
import { daysUntilBinding, facilityTypeOf, serviceCodeInfo } from '../../domain/facility-types';
import type { BBox } from '../../domain/geo';
import { facilityId } from '../../domain/identifiers';
import { confirmationDue } from '../../domain/partnership';
import type { Requirement } from '../../domain/requirements';
import { coversOf, facilityAgreements, isActiveOn } from '../shared/agreements-query';
import { inBBox } from '../shared/geojson';

export type FacilityRow = typeof facilities.$inferSelect;

export interface FacilityWithCoverage {
  row: FacilityRow;
  coverage: Coverage;
}

export interface FacilityFilters {
  bbox?: BBox;
  municipalities?: Set<string>;
  serviceCodes?: string[];
  statuses?: CoverageStatus[];
}

/** Facilities matching the filters, each with its coverage as the read model holds it. */
export function listFacilitiesWithCoverage(db: Db, snap: Pick<EngineSnapshot, 'coverageById'>, filters: FacilityFilters): FacilityWithCoverage[] {
  const out: FacilityWithCoverage[] = [];
  for (const row of db.select().from(facilities).where(isNull(facilities.withdrawnOn)).all()) {
    if (!inBBox(row.lng, row.lat, filters.bbox)) continue;
    if (filters.municipalities && !(row.municipalityCode && filters.municipalities.has(row.municipalityCode))) continue;
    if (filters.serviceCodes && !filters.serviceCodes.includes(row.serviceCode)) continue;
    const coverage = snap.coverageById.get(facilityId(row.careOfficeNumber, row.serviceCode))!;
    if (filters.statuses && !filters.statuses.includes(coverage.status)) continue;
    out.push({ row, coverage });
  }
  return out;
}

export function findFacility(db: Db, careOfficeNumber: string, serviceCode: string): FacilityRow | undefined {
  return db
    .select()
    .from(facilities)
    .where(and(eq(facilities.careOfficeNumber, careOfficeNumber), eq(facilities.serviceCode, serviceCode)))
    .get();
}

/** A municipality as the authority rule sees it, from its row and its city's (for a ward). */
export const toMunicipalityRef = (m: Omit<MunicipalityRef, 'parent'>, parent: { code: string; name: string } | null): MunicipalityRef => ({
  code: m.code, name: m.name, prefCode: m.prefCode, prefName: m.prefName, kind: m.kind, parent: parent ? { code: parent.code, name: parent.name } : null,
});

export function municipalityRef(db: Db, code: string): MunicipalityRef | null {
  const m = db.select().from(municipalities).where(eq(municipalities.code, code)).get();
  if (!m) return null;
  const parent = m.parentCode ? (db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(eq(municipalities.code, m.parentCode)).get() ?? null) : null;
  return toMunicipalityRef(m, parent);
}

/** Type and rule of a facility as the API shows them. */
export function facilityTypeView(serviceCode: string, today: string) {
  const type = facilityTypeOf(serviceCode);
  return {
    key: type.key,
    nameJa: type.nameJa,
    shortJa: type.shortJa,
    nameEn: type.nameEn,
    serviceName: serviceCodeInfo(serviceCode)?.openDataName ?? type.nameJa,
    required: [...type.required],
    level: type.level,
    bindingFrom: type.bindingFrom,
    daysUntilBinding: daysUntilBinding(type, today),
    designatedBy: type.designatedBy,
  };
}

/**
 * Other services at the same site: same operator, same address (or the same coordinates). The open
 * data lists 従来型 and ユニット型 wings of one 特養 with different 事業所番号 — one site for the user.
 */
export function coLocated(db: Db, row: FacilityRow) {
  if (!row.operatorName) return [];
  const sameSpot = [
    row.address ? eq(facilities.address, row.address) : undefined,
    row.sourceLat !== null && row.sourceLng !== null ? and(eq(facilities.sourceLat, row.sourceLat), eq(facilities.sourceLng, row.sourceLng)) : undefined,
  ].filter((c) => c !== undefined);
  if (sameSpot.length === 0) return [];
  return db
    .select({ careOfficeNumber: facilities.careOfficeNumber, serviceCode: facilities.serviceCode, name: facilities.name, capacity: facilities.capacity })
    .from(facilities)
    .where(and(eq(facilities.operatorName, row.operatorName), or(...sameSpot), isNull(facilities.withdrawnOn), or(ne(facilities.careOfficeNumber, row.careOfficeNumber), ne(facilities.serviceCode, row.serviceCode))))
    .all()
    .map((f) => ({ id: facilityId(f.careOfficeNumber, f.serviceCode), name: f.name, serviceCode: f.serviceCode, typeJa: facilityTypeOf(f.serviceCode).shortJa, capacity: f.capacity }));
}

/** One facility with its rule, partners (active and ended) and coverage. */
export function facilityDetail(db: Db, snap: Pick<EngineSnapshot, 'coverageById'>, row: FacilityRow, today: string) {
  const agreementsRows = facilityAgreements(db, row.careOfficeNumber, row.serviceCode);
  const partners = agreementsRows.map((a) => {
    const inst = db.select().from(institutions).where(eq(institutions.code, a.institutionCode)).get();
    const symbols = db.select({ symbol: institutionNotifications.symbol }).from(institutionNotifications).where(eq(institutionNotifications.institutionCode, a.institutionCode)).all().map((n) => n.symbol);
    return {
      agreementId: a.id,
      institution: inst
        ? { code: inst.code, name: inst.name, kind: inst.kind, address: inst.address, phone: inst.phone, lat: inst.lat, lng: inst.lng }
        : { code: a.institutionCode, name: a.institutionCode, kind: 'unknown' as const, address: null, phone: null, lat: null, lng: null },
      covers: coversOf(a),
      agreedOn: a.agreedOn,
      confirmedOn: a.confirmedOn,
      endedOn: a.endedOn,
      active: isActiveOn(a, today),
      specialRelationship: a.specialRelationship,
      infectionAgreement: a.infectionAgreement,
      /** Whether this partner earns A253 with the facility, and if not why (domain/a253.ts). */
      a253: a253ForAgreement({ facilityType: facilityTypeOf(row.serviceCode), covers: coversOf(a), institutionKind: inst?.kind ?? 'unknown', basis: holdsA253Basis(inst?.kind ?? 'unknown', symbols), specialRelationship: a.specialRelationship }),
      /** The yearly confirmation: when it falls due, and whether that has passed. */
      confirmation: confirmationDue(a, today),
      version: a.version,
    };
  });
  const type = facilityTypeView(row.serviceCode, today);
  const coverage = snap.coverageById.get(facilityId(row.careOfficeNumber, row.serviceCode))!;
  const municipality = row.municipalityCode ? municipalityRef(db, row.municipalityCode) : null;
  return {
    id: facilityId(row.careOfficeNumber, row.serviceCode),
    careOfficeNumber: row.careOfficeNumber,
    serviceCode: row.serviceCode,
    name: row.name,
    kana: row.kana,
    address: row.address,
    phone: row.phone,
    operatorName: row.operatorName,
    capacity: row.capacity,
    lat: row.lat,
    lng: row.lng,
    /** How the position was found, and why the file's own coordinates were set aside (if they were). */
    precision: row.geocodePrecision,
    positionFlag: row.positionFlag,
    /** For `outside_municipality`: km from the own municipality's polygon. */
    positionOffsetKm: row.positionOffsetKm,
    withdrawnOn: row.withdrawnOn,
    municipality,
    authority: designatingAuthority(facilityTypeOf(row.serviceCode), municipality),
    coLocated: coLocated(db, row),
    partnersReportedOn: row.partnersReportedOn,
    /** What it says it is seeking partners for; null = not said. */
    seeking: row.seeking === null ? null : (JSON.parse(row.seeking) as Requirement[]),
    version: row.version,
    type,
    coverage,
    partners,
  };
}
