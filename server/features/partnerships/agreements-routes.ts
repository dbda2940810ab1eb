import { and, eq } from 'drizzle-orm';
import { allow, agreementParties, on } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { agreementParams, agreementPatch } from '../../contracts/partnerships';
import { agreements, auditLog, coverColumns, institutions } from '../../db/schema';
import { assertAgreementEligible } from '../../domain/agreements';
import { checkAgreementDates } from '../../domain/partnership';
import { notFound } from '../../errors';
import { validate } from '../../validate';
import { coversOf } from '../shared/agreements-query';
import { facilityArea } from '../../db/audit';
import { runUpdate } from '../shared/command';

/**
 * Editing an agreement: what it covers, its dates, the 第二種協定 and 特別の関係 flags, ending it.
 * Checked against the row's version (409 when someone else changed it first), one transaction, audited.
 */
export const agreementsRoutes = new Hono<AppEnv>()
  .patch('/:id', validate('param', agreementParams), allow(on('act', 'agreement', agreementParties)), validate('json', agreementPatch), (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, today } = c.var;
    const row = db.select().from(agreements).where(eq(agreements.id, id)).get();
    if (!row) throw notFound('agreement', String(id));
    const inst = db.select({ kind: institutions.kind }).from(institutions).where(eq(institutions.code, row.institutionCode)).get();
    const covers = body.covers ?? coversOf(row);
    assertAgreementEligible(inst?.kind ?? 'unknown', covers, row.institutionCode);
    const status = body.status ?? row.status;
    const endedOn = status === 'ended' ? (body.endedOn ?? row.endedOn ?? today()) : null;
    const next = {
      ...coverColumns(covers),
      agreedOn: body.agreedOn === undefined ? row.agreedOn : body.agreedOn,
      confirmedOn: body.confirmedOn === undefined ? row.confirmedOn : body.confirmedOn,
      infectionAgreement: body.infectionAgreement ?? row.infectionAgreement,
      specialRelationship: body.specialRelationship ?? row.specialRelationship,
      status,
      endedOn,
      version: row.version + 1,
    };
    checkAgreementDates(next, today());
    runUpdate(c.var, {
      what: `Agreement ${id}`, entity: 'agreement', entityId: id, action: status === 'ended' && row.status !== 'ended' ? 'end' : 'update', areaCode: facilityArea(db, row),
      expected: body.version, current: row.version,
      write: (tx, at) => tx.update(agreements).set({ ...next, updatedAt: at }).where(and(eq(agreements.id, id), eq(agreements.version, body.version))).run().changes,
      before: row, after: { ...row, ...next },
    });
    return c.json({ ...db.select().from(agreements).where(eq(agreements.id, id)).get()!, covers });
  })
  /** Every change to the agreement, oldest first: who, when, before and after. */
  .get('/:id/history', validate('param', agreementParams), allow(on('read', 'agreement', agreementParties)), (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var;
    if (!db.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, id)).get()) throw notFound('agreement', String(id));
    const rows = db.select().from(auditLog).where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, String(id)))).orderBy(auditLog.id).all();
    return c.json(rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) })));
  });
