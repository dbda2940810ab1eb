import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { facilities, institutions, municipalities } from '../../db/schema';
import { computeCoverage, type Coverage, type CoverageStatus } from '../../domain/coverage';
import { daysUntilBinding, facilityTypeOf, serviceCodeInfo } from '../../domain/facility-types';
import type { BBox } from '../../domain/geo';
import { facilityId } from '../../domain/identifiers';
import { activeAgreements, agreementFacilityKey, coversOf, facilityAgreements, isActiveOn } from '../shared/agreements-query';
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

/** Facilities matching the filters, each with its coverage from the agreements active on `today`. */
export function listFacilitiesWithCoverage(db: Db, filters: FacilityFilters, today: string): FacilityWithCoverage[] {
  const coversByFacility = new Map<string, ReturnType<typeof coversOf>[]>();
  for (const a of activeAgreements(db, today)) {
    const key = agreementFacilityKey(a);
    coversByFacility.set(key, [...(coversByFacility.get(key) ?? []), coversOf(a)]);
  }
  const out: FacilityWithCoverage[] = [];
  for (const row of db.select().from(facilities).all()) {
    if (!inBBox(row.lng, row.lat, filters.bbox)) continue;
    if (filters.municipalities && !(row.municipalityCode && filters.municipalities.has(row.municipalityCode))) continue;
    if (filters.serviceCodes && !filters.serviceCodes.includes(row.serviceCode)) continue;
    const coverage = computeCoverage(
      facilityTypeOf(row.serviceCode).required,
      coversByFacility.get(facilityId(row.careOfficeNumber, row.serviceCode)) ?? [],
      row.partnersReportedOn !== null,
    );
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

/** One facility with its rule, partners (active and ended) and coverage. */
export function facilityDetail(db: Db, row: FacilityRow, today: string) {
  const agreementsRows = facilityAgreements(db, row.careOfficeNumber, row.serviceCode);
  const partners = agreementsRows.map((a) => {
    const inst = db.select().from(institutions).where(eq(institutions.code, a.institutionCode)).get();
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
      version: a.version,
    };
  });
  const type = facilityTypeView(row.serviceCode, today);
  const coverage = computeCoverage(type.required, partners.filter((p) => p.active).map((p) => p.covers), row.partnersReportedOn !== null);
  const municipality = row.municipalityCode
    ? db.select({ code: municipalities.code, name: municipalities.name, prefName: municipalities.prefName }).from(municipalities).where(eq(municipalities.code, row.municipalityCode)).get()
    : undefined;
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
    municipality: municipality ?? null,
    partnersReportedOn: row.partnersReportedOn,
    version: row.version,
    type,
    coverage,
    partners,
  };
}
