import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { allow, facilityInPath, institutionInPath, on } from '../../auth/rules';
import { facilityParams, institutionParams } from '../../contracts/api';
import type { Db } from '../../db/client';
import { agreements, filingDeadlines, filings, partnershipRequests } from '../../db/schema';
import { holdsA253Basis } from '../../domain/a253';
import { daysFrom } from '../../domain/dates';
import { designatingAuthority } from '../../domain/designating-authority';
import { daysToBinding, facilityTypeOf } from '../../domain/facility-types';
import { fiscalYearOf } from '../../domain/kasan';
import { mayAdmit, remainingCapacity } from '../../domain/institution-offers';
import type { Requirement } from '../../domain/requirements';
import { notFound } from '../../errors';
import { validate } from '../../validate';
import type { EngineSnapshot } from '../engine/engine-store';
import { facilityPartners, municipalityRef, type FacilityRow } from '../shared/facility-queries';
import { institutionPartners, loadInstitutions } from '../shared/institution-view';
import { ofFacility } from '../shared/lookups';
import { namesFromSnapshot, pendingProposalsWhere, proposalView, type Side } from './agreement-changes';
import { kasanYear, meetingsOf } from './facility-year';
import { requestView } from './requests-routes';

/**
 * The landing pages ("desks") of a facility and of an institution: what is waiting for them and where
 * they stand, in one answer each. Every fact comes from the function that owns it — coverage from
 * the read model, partners, A253 and the confirmation from the shared views, the 加算 from the same
 * computation as GET /:id/kasan, the deadline countdowns from the domain.
 */

/** Pending proposals on the agreements `which` selects, marked `mine` when made by `side`. */
function pendingProposals(db: Db, snap: EngineSnapshot, which: Parameters<typeof pendingProposalsWhere>[1], side: Side) {
  return pendingProposalsWhere(db, which).map(({ proposal, agreement }) => ({ ...proposalView(proposal, agreement, namesFromSnapshot(snap, agreement)), mine: proposal.proposedBy === side }));
}

/** The facility's filing of the year: with whom, by when (days left, negative once past) and whether it is in. */
function filingStatus(db: Db, snap: EngineSnapshot, row: FacilityRow, fiscalYear: number, today: string) {
  const authority = designatingAuthority(facilityTypeOf(row.serviceCode), row.municipalityCode ? municipalityRef(snap, row.municipalityCode) : null);
  const deadline = authority ? (db.select().from(filingDeadlines).where(and(eq(filingDeadlines.authorityCode, authority.code), eq(filingDeadlines.fiscalYear, fiscalYear))).get()?.dueOn ?? null) : null;
  // One filing per facility and year (migration 0007).
  const filed = db.select({ filedOn: filings.filedOn, receivedOn: filings.receivedOn }).from(filings).where(and(ofFacility(filings, row), eq(filings.fiscalYear, fiscalYear))).get() ?? null;
  return { fiscalYear, authority, deadline, daysLeft: deadline ? daysFrom(today, deadline) : null, filed };
}

export const facilityDeskRoutes = new Hono<AppEnv>().get('/:id/desk', validate('param', facilityParams), allow(on('read', 'facility', facilityInPath)), (c) => {
  const { id } = c.req.valid('param');
  const { db } = c.var;
  const today = c.var.today();
  const snap = c.var.engine.get(today);
  const row = snap.facilityRows.get(id.id);
  if (!row) throw notFound('facility', id.id);
  const type = facilityTypeOf(row.serviceCode);
  const fiscalYear = fiscalYearOf(today);
  const all = facilityPartners(snap, row, today);
  const partnerOf = (p: (typeof all)[number]) => ({
    agreementId: p.agreementId,
    version: p.version,
    institution: { code: p.institution.code, name: p.institution.name, kind: p.institution.kind },
    covers: p.covers,
    agreedOn: p.agreedOn,
    confirmedOn: p.confirmedOn,
    confirmation: p.confirmation,
    specialRelationship: p.specialRelationship,
    infectionAgreement: p.infectionAgreement,
    a253: p.a253,
  });
  // Ended: ended by a party, or past its end date; an agreement not yet begun stays with the partners.
  const ended = (p: (typeof all)[number]) => !p.active && (p.status === 'ended' || p.endedOn !== null);
  const held = meetingsOf(db, id).filter((m) => fiscalYearOf(m.heldOn) === fiscalYear);
  const kasan = kasanYear(db, snap, id, { fiscalYear }, today);
  const pending = db.select().from(partnershipRequests).where(and(ofFacility(partnershipRequests, id), eq(partnershipRequests.status, 'pending'))).orderBy(desc(partnershipRequests.id)).all();
  return c.json({
    facility: {
      id: id.id,
      name: row.name,
      typeKey: type.key,
      typeJa: type.shortJa,
      level: type.level,
      bindingFrom: type.bindingFrom,
      /** Days until its 義務 binds (0 once it does); null for 努力義務 types. */
      daysToBinding: daysToBinding(type, today),
      coverageStatus: snap.coverageById.get(id.id)!.status,
      seeking: row.seeking === null ? null : (JSON.parse(row.seeking) as Requirement[]),
    },
    partners: all.filter((p) => !ended(p)).map(partnerOf),
    endedPartners: all.filter(ended).map((p) => ({ ...partnerOf(p), endedOn: p.endedOn, endReason: p.endReason })),
    requests: pending.map((r) => requestView(db, r)),
    proposals: pendingProposals(db, snap, ofFacility(agreements, id), 'facility'),
    meetings: { fiscalYear, held, electronicCount: held.filter((m) => m.electronicSharing).length },
    kasan: {
      fiscalYear,
      units: kasan.units,
      totalUnits: kasan.totalUnits,
      eligibleMonths: kasan.months.filter((m) => m.eligible).length,
      thisMonth: kasan.months.find((m) => m.month === today.slice(0, 7)) ?? null,
    },
    filing: filingStatus(db, snap, row, fiscalYear, today),
  });
});

export const institutionDeskRoutes = new Hono<AppEnv>().get('/:code/desk', validate('param', institutionParams), allow(on('read', 'institution', institutionInPath)), (c) => {
  const { code } = c.req.valid('param');
  const { db } = c.var;
  const today = c.var.today();
  const snap = c.var.engine.get(today);
  const found = loadInstitutions(snap, { code })[0];
  if (!found) throw notFound('institution', code);
  const { row, offers, activePartners } = found;
  const pending = db.select().from(partnershipRequests).where(and(eq(partnershipRequests.institutionCode, code), eq(partnershipRequests.status, 'pending'))).orderBy(desc(partnershipRequests.id)).all();
  return c.json({
    institution: {
      code: row.code,
      name: row.name,
      kind: row.kind,
      maxPartners: row.maxPartners,
      activePartners,
      remaining: remainingCapacity(row.maxPartners, activePartners),
      /** Declared, else likely from its notifications — as its card shows. */
      offers,
      willingness: row.willingness,
      /** It may give ③: a 病院 that declared it, or has not declared (domain/institution-offers.ts mayAdmit). */
      canAdmit: mayAdmit(offers),
    },
    requests: pending.map((r) => requestView(db, r)),
    proposals: pendingProposals(db, snap, eq(agreements.institutionCode, code), 'institution'),
    partners: institutionPartners(snap, row, holdsA253Basis(row.kind, found.symbols), today).map((p) => ({
      agreementId: p.agreementId,
      version: p.version,
      facility: { id: p.facilityId, name: p.facilityName, typeJa: p.typeJa },
      covers: p.covers,
      agreedOn: p.agreedOn,
      confirmedOn: p.confirmedOn,
      confirmation: p.confirmation,
      specialRelationship: p.specialRelationship,
      infectionAgreement: p.infectionAgreement,
      a253: p.a253,
    })),
  });
});
