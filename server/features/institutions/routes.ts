import { and, eq } from 'drizzle-orm';
import { accessTo, allow, institutionSubject, PUBLIC, institutionInPath, on } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { declarationBody, institutionParams, institutionsQuery, nearbyFacilitiesQuery } from '../../contracts/api';
import type { Db } from '../../db/client';
import { checkDeclaration } from '../../domain/declaration';
import { DomainError } from '../../domain/errors';
import { nearbyFacilities } from '../../domain/engine/nearby';
import { requirementsOf } from '../../domain/engine/masks';
import { reportedMissing, searchBasis } from '../../domain/engine/model';
import { holdsA253Basis } from '../../domain/a253';
import { institutionNotifications, institutions } from '../../db/schema';
import { facilityTypeOf } from '../../domain/facility-types';
import { isRelevantSymbol, notificationSymbol, remainingCapacity } from '../../domain/institution-offers';
import { notFound } from '../../errors';
import { validate } from '../../validate';
import type { EngineSnapshot } from '../engine/engine-store';
import { requireInstitution } from '../shared/lookups';
import { featureCollection, pointFeature } from '../shared/geojson';
import { institutionPartners, loadInstitutions } from '../shared/institution-view';
import { runUpdate } from '../shared/command';

export const institutionsRoutes = new Hono<AppEnv>()
  /** GeoJSON of institutions with what they offer. `offers=admit` keeps those offering every listed requirement. */
  .get('/', validate('query', institutionsQuery), allow(PUBLIC), (c) => {
    const q = c.req.valid('query');
    const { today } = c.var;
    const list = loadInstitutions(c.var.engine.get(today()), { bbox: q.bbox }).filter((i) => !q.offers || q.offers.every((r) => i.offers.offers.includes(r)));
    return c.json(
      featureCollection(
        list.map((i) =>
          pointFeature(i.row.lng, i.row.lat, {
            code: i.row.code,
            name: i.row.name,
            kind: i.row.kind,
            offers: i.offers.offers,
            offersSource: i.offers.source,
            eligible: i.offers.eligible,
            /** Compact form for map styling: "123", "12", "3" or "". */
            offersKey: i.offers.offers.map((r) => ({ consult: '1', examine: '2', admit: '3' })[r]).join(''),
            /** How the position was found: source (ナビイ), town, municipality or none. */
            precision: i.row.geocodePrecision,
            activePartners: i.activePartners,
          }),
        ),
      ),
    );
  })
  .get('/:code', validate('param', institutionParams), allow(PUBLIC), (c) => {
    const { code } = c.req.valid('param');
    const detail = institutionDetail(c.var.db, c.var.engine.get(c.var.today()), c.var.today(), code);
    // Who its partners are is for the institution, its area's officers and administrators; the count is public.
    const access = accessTo(c, institutionSubject(c, code));
    return c.json({ ...detail, partners: access.includes('read') ? detail.partners : null, access });
  })
  /**
   * What the institution declares of itself: the requirements it offers (null: not declared — then
   * its notifications speak), whether it takes new partners, and its maximum number of partner
   * facilities. `version` must be the one last read (else 409: someone changed it meanwhile).
   */
  .put('/:code/declaration', validate('param', institutionParams), allow(on('act', 'institution', institutionInPath)), validate('json', declarationBody), (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, today } = c.var;
    const row = requireInstitution(db, code);
    checkDeclaration(row.kind, body, { maxPartners: row.maxPartners, activePartners: c.var.engine.get(today()).activePartnersByInstitution.get(code) ?? 0 });
    if (row.withdrawnOn) throw new DomainError('conflict', `This institution left the 名簿 on ${row.withdrawnOn}; its declaration can no longer change`);
    const next = { declaredOffers: body.offers === null ? null : JSON.stringify(body.offers), willingness: body.willingness, maxPartners: body.maxPartners };
    runUpdate(c.var, {
      what: 'The institution', entity: 'institution', entityId: code, action: 'declare', areaCode: row.municipalityCode,
      expected: body.version, current: row.version,
      write: (tx, at) => tx.update(institutions).set({ ...next, version: row.version + 1, updatedAt: at }).where(and(eq(institutions.code, code), eq(institutions.version, body.version))).run().changes,
      before: { declaredOffers: row.declaredOffers, willingness: row.willingness, maxPartners: row.maxPartners, version: row.version },
      after: { ...next, version: row.version + 1 },
    });
    return c.json({ ...institutionDetail(db, c.var.engine.get(today()), today(), code), access: accessTo(c, institutionSubject(c, code)) });
  })
  /** Facilities near this institution that lack a requirement it could give: seeking ones first, then the A253-relevant. */
  .get('/:code/nearby-facilities', validate('param', institutionParams), validate('query', nearbyFacilitiesQuery), allow(PUBLIC), (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db, today, engine } = c.var;
    requireInstitution(db, code);
    const snap = engine.get(today());
    const ii = snap.institutionByCode.get(code);
    if (ii === undefined) return c.json({ code, reason: 'no_position' as const, maxMinutes: q.maxMinutes, total: 0, facilities: [] });
    const result = nearbyFacilities(snap.institutions[ii]!, snap.facilities, snap.facilityIndex, q);
    return c.json({
      code,
      reason: null,
      maxMinutes: q.maxMinutes,
      total: result.total,
      facilities: result.facilities.map((n) => {
        const f = snap.facilities[n.f]!;
        return {
          facilityId: f.id,
          name: snap.facilityInfo.get(f.id)?.name ?? f.id,
          /** 定員 (null when unknown). */
          capacity: snap.facilityInfo.get(f.id)?.capacity ?? null,
          serviceCode: f.serviceCode,
          typeJa: facilityTypeOf(f.serviceCode).shortJa,
          status: f.status,
          /** Known gaps; null when its partners are unknown (未把握 is not 不足). */
          missing: reportedMissing(f),
          basis: searchBasis(f),
          offered: requirementsOf(n.offered),
          eligibleOnly: requirementsOf(n.eligibleOnly),
          a253: n.a253,
          /** A type that brings A253, lacking ③, which this institution may give (listed after the seeking ones). */
          a253Relevant: n.a253Relevant,
          alreadyPartner: n.alreadyPartner,
          /** It has opted in as seeking something this institution could give (listed first). */
          seeking: n.seeking,
          seekingRequirements: requirementsOf(f.seeking ?? 0),
          minutes: Math.round(n.minutes * 10) / 10,
          distanceKm: Math.round(n.km * 100) / 100,
          position: [f.lng, f.lat] as [number, number],
        };
      }),
    });
  });

/** The institution card: identity, what it offers and why, its notifications, partners and load. */
function institutionDetail(db: Db, snap: EngineSnapshot, today: string, code: string) {
  const found = loadInstitutions(snap, { code })[0];
  if (!found) throw notFound('institution', code);
  const { row, offers, activePartners } = found;
  // Every notification (the read model keeps only those that matter): read for this one card.
  const notes = db.select().from(institutionNotifications).where(eq(institutionNotifications.institutionCode, code)).all();
  const basis = holdsA253Basis(row.kind, found.symbols);
  const partners = institutionPartners(snap, row, basis, today);
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    postalCode: row.postalCode,
    address: row.address,
    phone: row.phone,
    lat: row.lat,
    lng: row.lng,
    precision: row.geocodePrecision,
    naviiId: row.naviiId,
    withdrawnOn: row.withdrawnOn,
    beds: row.beds,
    bedsDetail: row.bedsDetail,
    offers,
    /** Holds a basis for A253 (a 病院 with 在支病, 在後病 or a 地包ケア ward). */
    a253Basis: basis,
    willingness: row.willingness,
    maxPartners: row.maxPartners,
    activePartners,
    remaining: remainingCapacity(row.maxPartners, activePartners),
    notifications: notes
      .map((n) => ({ symbol: n.symbol, name: n.name, acceptedNumber: n.acceptedNumber, startDate: n.startDate, relevant: isRelevantSymbol(n.symbol), offers: notificationSymbol(n.symbol)?.offers ?? [] }))
      .sort((a, b) => Number(b.relevant) - Number(a.relevant) || a.symbol.localeCompare(b.symbol)),
    partners,
    version: row.version,
  };
}
