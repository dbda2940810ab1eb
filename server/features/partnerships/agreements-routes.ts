import { and, desc, eq } from 'drizzle-orm';
import { allow, agreementParties, on, requireUser } from '../../auth/rules';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { agreementParams, agreementPatch, proposalAnswerBody, proposalDeclineBody, proposalParams } from '../../contracts/partnerships';
import type { Db, Tx } from '../../db/client';
import { agreementProposals, agreements, auditLog, coverColumns } from '../../db/schema';
import { DomainError } from '../../domain/errors';
import { twoPartyChanges, type TwoPartyChanges } from '../../domain/partnership';
import { validate } from '../../validate';
import { coversOf, type AgreementRow } from '../shared/agreements-query';
import { facilityArea, recordAudit } from '../../db/audit';
import { runCreate, runUpdate } from '../shared/command';
import {
  agreementAnswer,
  assertMayAnswer,
  assertProposalPending,
  changesOf,
  checkAgreement,
  loadAgreement,
  loadProposal,
  namesFromDb,
  pendingProposalOf,
  proposalView,
  sideOf,
  termColumns,
  twoPartyTermsOf,
  type ProposalRow,
} from './agreement-changes';

type Patch = typeof agreementPatch._output;

const ACT = allow(on('act', 'agreement', agreementParties));
const READ = allow(on('read', 'agreement', agreementParties));

/** An administrator's edit: every field applied at once, as the record's keeper corrects it. */
function adminColumns(row: AgreementRow, body: Patch, today: string): Partial<AgreementRow> {
  const status = body.status ?? row.status;
  const ended = status === 'ended';
  return {
    ...coverColumns(body.covers ?? coversOf(row)),
    agreedOn: body.agreedOn === undefined ? row.agreedOn : body.agreedOn,
    confirmedOn: body.confirmedOn === undefined ? row.confirmedOn : body.confirmedOn,
    infectionAgreement: body.infectionAgreement ?? row.infectionAgreement,
    specialRelationship: body.specialRelationship ?? row.specialRelationship,
    status,
    endedOn: ended ? (body.endedOn ?? row.endedOn ?? today) : null,
    endReason: ended ? body.endReason?.trim() || row.endReason : null,
  };
}

/**
 * What either party does alone, applied at once: the yearly confirmation (確認日), and ending the
 * agreement — on the day given (today by default), saying why (400 naming endReason without one).
 */
function partyColumns(row: AgreementRow, body: Patch, today: string): Partial<AgreementRow> {
  const cols: Partial<AgreementRow> = {};
  if (body.confirmedOn !== undefined) cols.confirmedOn = body.confirmedOn;
  if (body.status === 'ended') {
    const endReason = body.endReason?.trim() || (row.status === 'ended' ? row.endReason : null);
    if (!endReason) throw new DomainError('invalid', 'endReason: say why the agreement ends (a party ending an agreement gives the reason, up to 1000 characters)', 'endReason');
    Object.assign(cols, { status: 'ended', endedOn: body.endedOn ?? row.endedOn ?? today, endReason });
  }
  return cols;
}

/**
 * Editing an agreement. Either party confirms it (確認日) or ends it at once. What it covers, its
 * date, 特別の関係, the 第二種協定 flag and re-activating an ended one are terms both signed: a party's
 * change of them changes nothing yet — it becomes the agreement's one pending proposal (202), which the
 * other party accepts or declines and the proposer may withdraw. An administrator's PATCH applies
 * everything directly, as the record's keeper. Every write is checked against the version read
 * (409 when someone changed it first), done in one transaction and audited.
 */
export const agreementsRoutes = new Hono<AppEnv>()
  .patch('/:id', validate('param', agreementParams), ACT, validate('json', agreementPatch), (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, today, actor } = c.var;
    const row = loadAgreement(db, id);
    const side = sideOf(requireUser(c));
    const direct = side === null ? adminColumns(row, body, today()) : partyColumns(row, body, today());
    const proposed: TwoPartyChanges = side === null ? {} : twoPartyChanges(twoPartyTermsOf(row), body);
    const afterDirect = { ...row, ...direct };
    // Checked as if everything asked were applied, the proposal too.
    checkAgreement(db, { ...afterDirect, ...termColumns(afterDirect, proposed) }, today());
    if (body.version !== row.version) throw new DomainError('conflict', `Agreement ${id} was changed since version ${body.version} (now ${row.version}): reload it and try again`, 'version');
    const proposing = side !== null && Object.keys(proposed).length > 0;
    if (proposing) {
      const pending = pendingProposalOf(db, id);
      if (pending) throw new DomainError('conflict', `Agreement ${id} already has a pending proposal (proposal ${pending.id}, by the ${pending.proposedBy}): it is answered or withdrawn before another is made`, 'proposal');
    }
    const areaCode = facilityArea(db, row);
    const propose = (tx: Tx, at: string) => {
      const p = tx.insert(agreementProposals).values({ agreementId: id, proposedBy: side!, proposer: actor, changes: JSON.stringify(proposed), proposedOn: today(), updatedAt: at }).returning().get();
      return { id: p.id, after: p };
    };
    if (Object.keys(direct).length > 0) {
      runUpdate(c.var, {
        what: `Agreement ${id}`, entity: 'agreement', entityId: id, action: direct.status === 'ended' && row.status !== 'ended' ? 'end' : direct.status === 'active' && row.status === 'ended' ? 'reactivate' : 'update', areaCode,
        expected: body.version, current: row.version,
        write: (tx, at) => tx.update(agreements).set({ ...direct, version: row.version + 1, updatedAt: at }).where(and(eq(agreements.id, id), eq(agreements.version, body.version))).run().changes,
        before: row, after: { ...afterDirect, version: row.version + 1 },
        // With a change of terms besides: its proposal, in the same transaction, with its own audit entry.
        then: proposing
          ? (tx, at) => {
              const p = propose(tx, at);
              recordAudit(tx, { actor, entity: 'agreement_proposal', entityId: p.id, action: 'propose', before: null, after: p.after, areaCode });
            }
          : undefined,
      });
    } else if (proposing) {
      // The agreement itself is not written: its version stays, and the read model is not rebuilt.
      runCreate(c.var, { entity: 'agreement_proposal', action: 'propose', areaCode, write: (tx, at) => propose(tx, at) });
    }
    return c.json(agreementAnswer(db, id, pendingProposalOf(db, id)), proposing ? 202 : 200);
  })
  /** Every change to the agreement, oldest first: who, when, before and after. */
  .get('/:id/history', validate('param', agreementParams), READ, (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var;
    loadAgreement(db, id);
    const rows = db.select().from(auditLog).where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, String(id)))).orderBy(auditLog.id).all();
    return c.json(rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) })));
  })
  /** The agreement's proposals, newest first, whatever became of them. */
  .get('/:id/proposals', validate('param', agreementParams), READ, (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var;
    const row = loadAgreement(db, id);
    const names = namesFromDb(db, row);
    const rows = db.select().from(agreementProposals).where(eq(agreementProposals.agreementId, id)).orderBy(desc(agreementProposals.id)).all();
    return c.json(rows.map((p) => proposalView(p, row, names)));
  })
  /**
   * The other party (or an administrator) accepts: the changes are applied onto the agreement as it is
   * now — checked again — its version bumped, and the proposal marked accepted, in one transaction.
   */
  .post('/:id/proposals/:proposalId/accept', validate('param', proposalParams), ACT, validate('json', proposalAnswerBody), (c) => {
    const { id, proposalId } = c.req.valid('param');
    const { version } = c.req.valid('json');
    const { db, today, actor } = c.var;
    const row = loadAgreement(db, id);
    const p = loadProposal(db, id, proposalId);
    assertMayAnswer(c, p, 'accept');
    assertProposalPending(p, version);
    const cols = termColumns(row, changesOf(p));
    const next = { ...row, ...cols, version: row.version + 1 };
    checkAgreement(db, next, today());
    runUpdate(c.var, {
      ...settleCommand(db, row, p, { status: 'accepted' }, today()),
      then: (tx, at) => {
        const changed = tx.update(agreements).set({ ...cols, version: next.version, updatedAt: at }).where(and(eq(agreements.id, id), eq(agreements.version, row.version))).run().changes;
        if (changed === 0) throw new DomainError('conflict', `Agreement ${id} was changed meanwhile: reload it and try again`, 'version');
        const action = cols.status === 'active' ? 'reactivate' : 'amend';
        recordAudit(tx, { actor, entity: 'agreement', entityId: id, action, before: row, after: { ...next, proposalId: p.id }, areaCode: facilityArea(tx, row) });
      },
    });
    return c.json(agreementAnswer(db, id, loadProposal(db, id, proposalId)));
  })
  /** The other party declines (a reason is optional): the agreement stays as it is. */
  .post('/:id/proposals/:proposalId/decline', validate('param', proposalParams), ACT, validate('json', proposalDeclineBody), (c) => {
    const { id, proposalId } = c.req.valid('param');
    return c.json(decide(c, id, proposalId, c.req.valid('json'), 'declined'));
  })
  /** The proposer's side takes its proposal back. */
  .post('/:id/proposals/:proposalId/withdraw', validate('param', proposalParams), ACT, validate('json', proposalAnswerBody), (c) => {
    const { id, proposalId } = c.req.valid('param');
    return c.json(decide(c, id, proposalId, c.req.valid('json'), 'withdrawn'));
  });

const SETTLE_ACTION = { accepted: 'accept', declined: 'decline', withdrawn: 'withdraw' } as const;

/** Moving a pending proposal on: the update guarded by the version read, and its audit (command.ts). */
function settleCommand(db: Db, agreement: AgreementRow, p: ProposalRow, next: { status: keyof typeof SETTLE_ACTION; reason?: string }, today: string) {
  const after = { status: next.status, reason: next.reason ?? null, decidedOn: today, version: p.version + 1 };
  return {
    what: `Proposal ${p.id}`, entity: 'agreement_proposal', entityId: p.id, action: SETTLE_ACTION[next.status], areaCode: facilityArea(db, agreement),
    expected: p.version, current: p.version,
    write: (tx: Tx, at: string) => tx.update(agreementProposals).set({ ...after, updatedAt: at }).where(and(eq(agreementProposals.id, p.id), eq(agreementProposals.version, p.version))).run().changes,
    before: p, after: { ...p, ...after },
  };
}

/** Declining or withdrawing: the proposal ends, the agreement does not change. */
function decide(c: Context<AppEnv>, id: number, proposalId: number, body: { version: number; reason?: string }, status: 'declined' | 'withdrawn') {
  const { db, today } = c.var;
  const row = loadAgreement(db, id);
  const p = loadProposal(db, id, proposalId);
  assertMayAnswer(c, p, status === 'declined' ? 'decline' : 'withdraw');
  assertProposalPending(p, body.version);
  runUpdate(c.var, settleCommand(db, row, p, { status, reason: body.reason }, today()));
  return agreementAnswer(db, id, loadProposal(db, id, p.id));
}
