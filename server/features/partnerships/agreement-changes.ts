import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { requireUser } from '../../auth/rules';
import type { Principal } from '../../auth/principal';
import { proposalChanges, type ProposalChanges } from '../../contracts/partnerships';
import type { Db } from '../../db/client';
import { agreementProposals, agreements, coverColumns, facilities, institutions } from '../../db/schema';
import { assertAgreementEligible } from '../../domain/agreements';
import { DomainError } from '../../domain/errors';
import { facilityId } from '../../domain/identifiers';
import { checkAgreementDates, type TwoPartyTerms } from '../../domain/partnership';
import { ApiFailure, notFound } from '../../errors';
import type { EngineSnapshot } from '../engine/engine-store';
import { coversOf, type AgreementRow } from '../shared/agreements-query';
import { ofFacility } from '../shared/lookups';

/**
 * Changes of an agreement, and the proposals that carry a party's change of the terms both signed
 * until the other party answers (agreement_proposals).
 */
export type ProposalRow = typeof agreementProposals.$inferSelect;
export type Side = 'facility' | 'institution';

/** The side of the agreement a caller speaks for; null for an administrator, who is neither party. */
export const sideOf = (user: Principal): Side | null => (user.role === 'facility' ? 'facility' : user.role === 'institution' ? 'institution' : null);

export function loadAgreement(db: Db, id: number): AgreementRow {
  const row = db.select().from(agreements).where(eq(agreements.id, id)).get();
  if (!row) throw notFound('agreement', String(id));
  return row;
}

/** The proposal `proposalId` of agreement `agreementId`, or a 404 naming both. */
export function loadProposal(db: Db, agreementId: number, proposalId: number): ProposalRow {
  const row = db.select().from(agreementProposals).where(and(eq(agreementProposals.id, proposalId), eq(agreementProposals.agreementId, agreementId))).get();
  if (!row) throw notFound(`proposal on agreement ${agreementId}`, String(proposalId));
  return row;
}

/** The pending proposal of an agreement (there is at most one), or undefined. */
export const pendingProposalOf = (db: Db, agreementId: number): ProposalRow | undefined =>
  db.select().from(agreementProposals).where(and(eq(agreementProposals.agreementId, agreementId), eq(agreementProposals.status, 'pending'))).get();

/** The pending proposals on the agreements `which` selects, newest first, each with its agreement. */
export function pendingProposalsWhere(db: Db, which: SQL | undefined): { proposal: ProposalRow; agreement: AgreementRow }[] {
  return db
    .select({ proposal: agreementProposals, agreement: agreements })
    .from(agreementProposals)
    .innerJoin(agreements, eq(agreements.id, agreementProposals.agreementId))
    .where(and(which, eq(agreementProposals.status, 'pending')))
    .orderBy(desc(agreementProposals.id))
    .all();
}

/** A stored proposal's changes, read with the contract they were written with. */
export const changesOf = (p: ProposalRow): ProposalChanges => proposalChanges.parse(JSON.parse(p.changes));

export const twoPartyTermsOf = (a: AgreementRow): TwoPartyTerms => ({ covers: coversOf(a), agreedOn: a.agreedOn, specialRelationship: a.specialRelationship, infectionAgreement: a.infectionAgreement, status: a.status });

/** The agreement's columns a set of two-party changes writes; re-activating clears the end and its reason. */
export function termColumns(row: AgreementRow, changes: ProposalChanges): Partial<AgreementRow> {
  const cols: Partial<AgreementRow> = {};
  if (changes.covers) Object.assign(cols, coverColumns(changes.covers));
  if (changes.agreedOn !== undefined) cols.agreedOn = changes.agreedOn;
  if (changes.specialRelationship !== undefined) cols.specialRelationship = changes.specialRelationship;
  if (changes.infectionAgreement !== undefined) cols.infectionAgreement = changes.infectionAgreement;
  if (changes.status === 'active' && row.status === 'ended') Object.assign(cols, { status: 'active', endedOn: null, endReason: null });
  return cols;
}

/** The agreement as it would be, checked as any agreement is: ③ from a 病院 only, its dates in order and not ahead. */
export function checkAgreement(db: Db, next: AgreementRow, today: string): void {
  const inst = db.select({ kind: institutions.kind }).from(institutions).where(eq(institutions.code, next.institutionCode)).get();
  assertAgreementEligible(inst?.kind ?? 'unknown', coversOf(next), next.institutionCode);
  checkAgreementDates(next, today);
}

/** The parties' names a proposal shows. */
export interface PartyNames {
  facility: { id: string; name: string | null };
  institution: { code: string; name: string | null };
}

export function namesFromDb(db: Db, a: AgreementRow): PartyNames {
  const f = db.select({ name: facilities.name }).from(facilities).where(ofFacility(facilities, a)).get();
  const i = db.select({ name: institutions.name }).from(institutions).where(eq(institutions.code, a.institutionCode)).get();
  return { facility: { id: facilityId(a.careOfficeNumber, a.serviceCode), name: f?.name ?? null }, institution: { code: a.institutionCode, name: i?.name ?? null } };
}

export function namesFromSnapshot(snap: Pick<EngineSnapshot, 'facilityRows' | 'institutionRows'>, a: AgreementRow): PartyNames {
  const id = facilityId(a.careOfficeNumber, a.serviceCode);
  return { facility: { id, name: snap.facilityRows.get(id)?.name ?? null }, institution: { code: a.institutionCode, name: snap.institutionRows.get(a.institutionCode)?.name ?? null } };
}

/** A proposal as the API shows it: what it changes, and the agreement's terms now beside it. */
export function proposalView(p: ProposalRow, agreement: AgreementRow, names: PartyNames) {
  const current = twoPartyTermsOf(agreement);
  return {
    id: p.id,
    agreementId: p.agreementId,
    proposedBy: p.proposedBy,
    proposer: p.proposer,
    changes: changesOf(p),
    current: { covers: [...current.covers], agreedOn: current.agreedOn, specialRelationship: current.specialRelationship, infectionAgreement: current.infectionAgreement, status: current.status },
    status: p.status,
    reason: p.reason,
    proposedOn: p.proposedOn,
    decidedOn: p.decidedOn,
    version: p.version,
    facility: names.facility,
    institution: names.institution,
  };
}
export type ProposalView = ReturnType<typeof proposalView>;

/** What the agreement's writes answer: the agreement (its columns and covers) and a proposal (or null). */
export function agreementAnswer(db: Db, id: number, proposal: ProposalRow | null | undefined) {
  const row = loadAgreement(db, id);
  return { ...row, covers: coversOf(row), proposal: proposal ? proposalView(proposal, row, namesFromDb(db, row)) : null };
}

const OTHER: Record<Side, Side> = { facility: 'institution', institution: 'facility' };

/**
 * Who may answer a proposal: the other party accepts or declines it, the proposer's side withdraws
 * it; an administrator may do any (that the caller is a party, the route's rule has checked).
 */
export function assertMayAnswer(c: Context<AppEnv>, p: ProposalRow, verb: 'accept' | 'decline' | 'withdraw'): void {
  const user = requireUser(c);
  const side = sideOf(user);
  if (side === null) return;
  const own = side === p.proposedBy;
  if (verb === 'withdraw' ? own : !own) return;
  const why = own
    ? `the ${p.proposedBy} made it, and the other party (the ${OTHER[p.proposedBy]}) answers it; withdraw it instead`
    : `the ${p.proposedBy} made it, and only the side that made it withdraws it; decline it instead`;
  throw new ApiFailure(403, 'forbidden', `${user.login} (${user.role}) may not ${verb} proposal ${p.id}: ${why}`);
}

/** A proposal still to be answered, at the version the client read (409 otherwise). */
export function assertProposalPending(p: ProposalRow, version: number): void {
  if (p.status !== 'pending') throw new DomainError('conflict', `Proposal ${p.id} is already ${p.status}`, 'status');
  if (p.version !== version) throw new DomainError('conflict', `Proposal ${p.id} was changed since version ${version} (now ${p.version}): reload it and try again`, 'version');
}
