import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { facilities } from '../../db/schema';
import { a253ForAgreement, holdsA253Basis } from '../../domain/a253';
import type { Coverage, CoverageStatus } from '../../domain/coverage';
import type { EngineSnapshot } from '../engine/engine-store';
import { designatingAuthority, type MunicipalityRef } from '../../domain/designating-authority';
import { daysUntilBinding, facilityTypeOf, serviceCodeInfo } from '../../domain/facility-types';
import type { BBox } from '../../domain/geo';
import { facilityId } from '../../domain/identifiers';
import { confirmationDue } from '../../domain/partnership';
import type { Requirement } from '../../domain/requirements';
import { coversOf, isActiveOn } from '../shared/agreements-query';
import { inBBox } from '../shared/geojson';

export type FacilityRow = typeof facilities.$inferSelect;

/** What these reads take from the read model (engine-store.ts). */
type ReadModel = Pick<EngineSnapshot, 'coverageById' | 'facilityRows' | 'institutionRows' | 'agreementsByFacility' | 'symbolsByInstitution' | 'municipalities'>;

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
export function listFacilitiesWithCoverage(snap: ReadModel, filters: FacilityFilters): FacilityWithCoverage[] {
  const out: FacilityWithCoverage[] = [];
  for (const row of snap.facilityRows.values()) {
    if (row.withdrawnOn !== null) continue;
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

/** A municipality as the authority rule sees it, from the read model. */
export function municipalityRef(snap: Pick<EngineSnapshot, 'municipalities'>, code: string): MunicipalityRef | null {
  const m = snap.municipalities.get(code);
  if (!m) return null;
  const parent = m.parentCode ? snap.municipalities.get(m.parentCode) : undefined;
  return toMunicipalityRef({ code, ...m }, parent && m.parentCode ? { code: m.parentCode, name: parent.name } : null);
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
export function coLocated(snap: ReadModel, row: FacilityRow) {
  if (!row.operatorName) return [];
  const sameSpot = (f: FacilityRow) =>
    (row.address !== null && f.address === row.address) || (row.sourceLat !== null && row.sourceLng !== null && f.sourceLat === row.sourceLat && f.sourceLng === row.sourceLng);
  const out = [];
  for (const f of snap.facilityRows.values()) {
    if (f.operatorName !== row.operatorName || f.withdrawnOn !== null || !sameSpot(f) || (f.careOfficeNumber === row.careOfficeNumber && f.serviceCode === row.serviceCode)) continue;
    out.push({ id: facilityId(f.careOfficeNumber, f.serviceCode), name: f.name, serviceCode: f.serviceCode, typeJa: facilityTypeOf(f.serviceCode).shortJa, capacity: f.capacity });
  }
  return out;
}

/** A facility's partners, every agreement (active and ended) oldest first, as its page and desk show them. */
export function facilityPartners(snap: ReadModel, row: FacilityRow, today: string) {
  const facilityType = facilityTypeOf(row.serviceCode);
  return (snap.agreementsByFacility.get(facilityId(row.careOfficeNumber, row.serviceCode)) ?? []).map((a) => {
    const inst = snap.institutionRows.get(a.institutionCode);
    const symbols = snap.symbolsByInstitution.get(a.institutionCode) ?? [];
    return {
      agreementId: a.id,
      institution: inst
        ? { code: inst.code, name: inst.name, kind: inst.kind, address: inst.address, phone: inst.phone, lat: inst.lat, lng: inst.lng }
        : { code: a.institutionCode, name: a.institutionCode, kind: 'unknown' as const, address: null, phone: null, lat: null, lng: null },
      covers: coversOf(a),
      agreedOn: a.agreedOn,
      confirmedOn: a.confirmedOn,
      endedOn: a.endedOn,
      /** Why a party ended it (null while active). */
      endReason: a.endReason,
      status: a.status,
      active: isActiveOn(a, today),
      specialRelationship: a.specialRelationship,
      infectionAgreement: a.infectionAgreement,
      /** Whether this partner earns A253 with the facility, and if not why (domain/a253.ts). */
      a253: a253ForAgreement({ facilityType, covers: coversOf(a), institutionKind: inst?.kind ?? 'unknown', basis: holdsA253Basis(inst?.kind ?? 'unknown', symbols), specialRelationship: a.specialRelationship }),
      /** The yearly confirmation: when it falls due, and whether that has passed. */
      confirmation: confirmationDue(a, today),
      version: a.version,
    };
  });
}

/** One facility with its rule, partners (active and ended) and coverage. */
export function facilityDetail(snap: ReadModel, row: FacilityRow, today: string) {
  const id = facilityId(row.careOfficeNumber, row.serviceCode);
  const partners = facilityPartners(snap, row, today);
  const type = facilityTypeView(row.serviceCode, today);
  const coverage = snap.coverageById.get(id)!;
  const municipality = row.municipalityCode ? municipalityRef(snap, row.municipalityCode) : null;
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
    coLocated: coLocated(snap, row),
    partnersReportedOn: row.partnersReportedOn,
    /** What it says it is seeking partners for; null = not said. */
    seeking: row.seeking === null ? null : (JSON.parse(row.seeking) as Requirement[]),
    version: row.version,
    type,
    coverage,
    partners,
  };
}
