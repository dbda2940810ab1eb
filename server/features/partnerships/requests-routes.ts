import { and, eq } from 'drizzle-orm';
import { allow, facilityInBody, gate, on, requestParties } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { acceptBody, declineBody, requestBody, requestParams, withdrawBody } from '../../contracts/partnerships';
import type { Db } from '../../db/client';
import { agreements, coverColumns, facilities, institutions, partnershipRequests } from '../../db/schema';
import { assertAgreementEligible } from '../../domain/agreements';
import { DomainError } from '../../domain/errors';
import { facilityId } from '../../domain/identifiers';
import { checkAgreementDates, checkRequest } from '../../domain/partnership';
import { notFound } from '../../errors';
import { validate } from '../../validate';
import { facilityArea, recordAudit } from '../../db/audit';
import type { Tx } from '../../db/client';
import { ofFacility, requireFacility, requireInstitution } from '../shared/lookups';
import { runCreate, runUpdate } from '../shared/command';
import { asksOf, coversOf } from '../shared/agreements-query';
import type { FacilityRow } from '../shared/facility-queries';
import { subtractRequirements, type Requirement } from '../../domain/requirements';

type RequestRow = typeof partnershipRequests.$inferSelect;

const SEND_REQUEST = on('act', 'facility', facilityInBody);

/** A request as the API shows it, with both parties' names. */
export function requestView(db: Db, r: RequestRow) {
  const f = db.select({ name: facilities.name, address: facilities.address, phone: facilities.phone }).from(facilities).where(ofFacility(facilities, r)).get();
  const i = db.select({ name: institutions.name, kind: institutions.kind }).from(institutions).where(eq(institutions.code, r.institutionCode)).get();
  return {
    id: r.id,
    facility: { id: facilityId(r.careOfficeNumber, r.serviceCode), name: f?.name ?? null, address: f?.address ?? null, phone: f?.phone ?? null },
    institution: { code: r.institutionCode, name: i?.name ?? null, kind: i?.kind ?? null },
    requirements: asksOf(r),
    message: r.message,
    status: r.status,
    reason: r.reason,
    sentOn: r.sentOn,
    decidedOn: r.decidedOn,
    /** What the agreement made from it covers (an institution may grant less than asked); null until accepted. */
    granted: grantedBy(db, r.id),
    version: r.version,
  };
}

function grantedBy(db: Db, requestId: number): Requirement[] | null {
  const a = db.select({ coversConsult: agreements.coversConsult, coversExamine: agreements.coversExamine, coversAdmit: agreements.coversAdmit }).from(agreements).where(eq(agreements.requestId, requestId)).orderBy(agreements.id).get();
  return a ? coversOf(a) : null;
}

/**
 * The facility no longer seeks what its new agreement covers: those requirements leave its seeking
 * (null when none is left), its version bumped and the change audited — in the acceptance's transaction.
 */
function stopSeekingCovered(tx: Tx, at: string, actor: string, facility: FacilityRow, covers: readonly Requirement[]): void {
  const seeking = facility.seeking === null ? null : (JSON.parse(facility.seeking) as Requirement[]);
  if (!seeking || !seeking.some((r) => covers.includes(r))) return;
  const left = subtractRequirements(seeking, covers);
  const next = { seeking: left.length > 0 ? left : null, version: facility.version + 1 };
  const changed = tx
    .update(facilities)
    .set({ seeking: next.seeking && JSON.stringify(next.seeking), version: next.version, updatedAt: at })
    .where(and(ofFacility(facilities, facility), eq(facilities.version, facility.version)))
    .run().changes;
  if (changed === 0) throw new DomainError('conflict', 'The facility was changed meanwhile: reload it and try again', 'version');
  recordAudit(tx, { actor, entity: 'facility', entityId: facilityId(facility.careOfficeNumber, facility.serviceCode), action: 'seeking', before: { seeking, version: facility.version }, after: next, areaCode: facility.municipalityCode });
}

function loadRequest(db: Db, id: number): RequestRow {
  const row = db.select().from(partnershipRequests).where(eq(partnershipRequests.id, id)).get();
  if (!row) throw notFound('partnership request', String(id));
  return row;
}

function assertPending(row: RequestRow, version: number): void {
  if (row.status !== 'pending') throw new DomainError('conflict', `Request ${row.id} is already ${row.status}`, 'status');
  if (row.version !== version) throw new DomainError('conflict', `Request ${row.id} was changed since version ${version} (now ${row.version}): reload it and try again`, 'version');
}

/**
 * Partnership requests: a facility asks a candidate for chosen requirements; the institution accepts
 * (which creates the agreement) or declines with a reason; the facility may withdraw while pending.
 * Every change is checked first, written in one transaction and kept in the audit log.
 */
export const requestsRoutes = new Hono<AppEnv>()
  // The record is named in the body: the role is checked before it is read, the facility after.
  .post('/', gate(SEND_REQUEST), validate('json', requestBody), allow(SEND_REQUEST), (c) => {
    const body = c.req.valid('json');
    const { db, today } = c.var;
    const { careOfficeNumber, serviceCode } = body.facilityId;
    const facility = requireFacility(db, body.facilityId);
    const inst = requireInstitution(db, body.institutionCode);
    checkRequest({ careOfficeNumber, institutionCode: inst.code, institutionKind: inst.kind, requirements: body.requirements });
    if (inst.willingness === 'not_accepting') throw new DomainError('conflict', `${inst.name} has declared it takes no new partner facilities`, 'institutionCode');
    const pending = db
      .select({ id: partnershipRequests.id })
      .from(partnershipRequests)
      .where(and(ofFacility(partnershipRequests, body.facilityId), eq(partnershipRequests.institutionCode, inst.code), eq(partnershipRequests.status, 'pending')))
      .get();
    if (pending) throw new DomainError('conflict', `A request from this facility to ${inst.name} is already pending (request ${pending.id})`, 'institutionCode');
    const { id } = runCreate(c.var, {
      entity: 'partnership_request', action: 'create', areaCode: facility.municipalityCode,
      write: (tx, at) => {
        const row = tx
          .insert(partnershipRequests)
          .values({
            careOfficeNumber,
            serviceCode,
            institutionCode: inst.code,
            asksConsult: body.requirements.includes('consult'),
            asksExamine: body.requirements.includes('examine'),
            asksAdmit: body.requirements.includes('admit'),
            message: body.message ?? null,
            sentOn: today(),
            updatedAt: at,
          })
          .returning()
          .get();
        return { id: row.id, after: row };
      },
    });
    return c.json(requestView(db, loadRequest(db, id)), 201);
  })
  .get('/:id', validate('param', requestParams), allow(on('read', 'request', requestParties('either'))), (c) => c.json(requestView(c.var.db, loadRequest(c.var.db, c.req.valid('param').id))))
  .post('/:id/accept', validate('param', requestParams), allow(on('act', 'request', requestParties('institution'))), validate('json', acceptBody), (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, today, actor } = c.var;
    const row = loadRequest(db, id);
    assertPending(row, body.version);
    const inst = requireInstitution(db, row.institutionCode);
    const facility = requireFacility(db, { careOfficeNumber: row.careOfficeNumber, serviceCode: row.serviceCode, id: facilityId(row.careOfficeNumber, row.serviceCode) });
    const covers = body.covers ?? asksOf(row);
    assertAgreementEligible(inst.kind, covers, inst.code);
    const agreedOn = body.agreedOn ?? today();
    const confirmedOn = body.confirmedOn ?? agreedOn;
    checkAgreementDates({ agreedOn, confirmedOn, endedOn: null }, today());
    let agreementId = 0;
    runUpdate(c.var, {
      ...settleCommand(db, row, { status: 'accepted' }, today()),
      // The agreement is made in the same transaction, with its own audit entry.
      then: (tx, at) => {
        const agreement = tx
          .insert(agreements)
          .values({
            careOfficeNumber: row.careOfficeNumber,
            serviceCode: row.serviceCode,
            institutionCode: row.institutionCode,
            ...coverColumns(covers),
            agreedOn,
            confirmedOn,
            infectionAgreement: body.infectionAgreement ?? false,
            specialRelationship: body.specialRelationship ?? false,
            requestId: id,
            updatedAt: at,
          })
          .returning()
          .get();
        recordAudit(tx, { actor, entity: 'agreement', entityId: agreement.id, action: 'create', before: null, after: agreement, areaCode: facilityArea(tx, row) });
        agreementId = agreement.id;
        stopSeekingCovered(tx, at, actor, facility, covers);
      },
    });
    return c.json({ request: requestView(db, loadRequest(db, id)), agreementId }, 201);
  })
  .post('/:id/decline', validate('param', requestParams), allow(on('act', 'request', requestParties('institution'))), validate('json', declineBody), (c) => c.json(decide(c.var, c.req.valid('param').id, c.req.valid('json'), 'declined')))
  .post('/:id/withdraw', validate('param', requestParams), allow(on('act', 'request', requestParties('facility'))), validate('json', withdrawBody), (c) => c.json(decide(c.var, c.req.valid('param').id, c.req.valid('json'), 'withdrawn')));

const SETTLE_ACTION = { accepted: 'accept', declined: 'decline', withdrawn: 'withdraw' } as const;

/** Moving a pending request on: the update guarded by the version read, and its audit (command.ts). */
function settleCommand(db: Db, row: RequestRow, next: { status: keyof typeof SETTLE_ACTION; reason?: string }, today: string) {
  const after = { status: next.status, reason: next.reason ?? null, decidedOn: today, version: row.version + 1 };
  return {
    what: `Request ${row.id}`, entity: 'partnership_request', entityId: row.id, action: SETTLE_ACTION[next.status], areaCode: facilityArea(db, row),
    expected: row.version, current: row.version,
    write: (tx: Tx, at: string) => tx.update(partnershipRequests).set({ ...after, updatedAt: at }).where(and(eq(partnershipRequests.id, row.id), eq(partnershipRequests.version, row.version))).run().changes,
    before: row, after: { ...row, ...after },
  };
}

/** Declining (with a reason) or withdrawing: the request ends, nothing else changes. */
function decide(v: AppEnv['Variables'], id: number, body: { version: number; reason?: string }, status: 'declined' | 'withdrawn') {
  const { db, today } = v;
  const row = loadRequest(db, id);
  assertPending(row, body.version);
  runUpdate(v, settleCommand(db, row, { status, reason: body.reason }, today()));
  return requestView(db, loadRequest(db, id));
}
