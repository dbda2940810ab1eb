import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions, meetings } from '../../db/schema';
import { facilityTypeOf } from '../../domain/facility-types';
import { KASAN_DEFAULT_SETTINGS, kasanByMonth, kasanUnitsFor } from '../../domain/kasan';
import type { EngineSnapshot } from '../engine/engine-store';
import { agreementTerms } from '../shared/agreements-query';
import { ofFacility } from '../shared/lookups';

/** A facility's key as validated from a path: 事業所番号, service code and the joined id. */
interface FacilityKey {
  careOfficeNumber: string;
  serviceCode: string;
  id: string;
}

/** A facility's 連携会議, newest first, with the partner's name. */
export function meetingsOf(db: Db, id: FacilityKey) {
  return db
    .select({ id: meetings.id, institutionCode: meetings.institutionCode, institutionName: institutions.name, heldOn: meetings.heldOn, electronicSharing: meetings.electronicSharing })
    .from(meetings)
    .leftJoin(institutions, eq(institutions.code, meetings.institutionCode))
    .where(ofFacility(meetings, id))
    .orderBy(desc(meetings.heldOn))
    .all();
}

/**
 * 協力医療機関連携加算 of a facility for a fiscal year, month by month (domain/kasan.ts): what
 * GET /:id/kasan answers and the desk sums up — one computation. Agreements from the read model;
 * meetings (not held there) from the database.
 */
export function kasanYear(db: Db, snap: Pick<EngineSnapshot, 'agreementsByFacility'>, id: FacilityKey, opts: { fiscalYear: number; unionCounts?: boolean }, today: string) {
  const type = facilityTypeOf(id.serviceCode);
  const settings = { unionCounts: opts.unionCounts ?? KASAN_DEFAULT_SETTINGS.unionCounts };
  const held = db.select().from(meetings).where(ofFacility(meetings, id)).all();
  const terms = (snap.agreementsByFacility.get(id.id) ?? []).map((a) => ({ institutionCode: a.institutionCode, ...agreementTerms(a) }));
  const months = kasanByMonth({ type, fiscalYear: opts.fiscalYear, meetings: held, agreements: terms, settings, today });
  return {
    facilityId: id.id,
    fiscalYear: opts.fiscalYear,
    settings,
    units: kasanUnitsFor(type, opts.fiscalYear),
    totalUnits: months.reduce((s, m) => s + m.units, 0),
    months,
  };
}
