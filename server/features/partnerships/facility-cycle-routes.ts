import { and, desc, eq } from 'drizzle-orm';
import { allow, facilityInPath, institutionInPath, on } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { facilityParams, institutionParams } from '../../contracts/api';
import { kasanQuery, meetingBody, seekingBody } from '../../contracts/partnerships';
import { facilities, meetings, partnershipRequests } from '../../db/schema';
import { DomainError } from '../../domain/errors';
import { fiscalYearOf } from '../../domain/kasan';
import { checkMeetingDate } from '../../domain/partnership';
import { notFound } from '../../errors';
import { validate } from '../../validate';
import { facilityAgreements } from '../shared/agreements-query';
import { kasanYear, meetingsOf } from './facility-year';
import { ofFacility, requireFacility, requireInstitution } from '../shared/lookups';
import { requestView } from './requests-routes';
import { runCreate, runUpdate } from '../shared/command';

/** A facility's side of the cycle: what it seeks, its requests, its meetings and the 加算 they earn. */
export const facilityCycleRoutes = new Hono<AppEnv>()
  .put('/:id/seeking', validate('param', facilityParams), allow(on('act', 'facility', facilityInPath)), validate('json', seekingBody), (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.var;
    const row = requireFacility(db, id);
    const seeking = body.seeking === null ? null : JSON.stringify(body.seeking);
    runUpdate(c.var, {
      what: 'The facility', entity: 'facility', entityId: id.id, action: 'seeking', areaCode: row.municipalityCode,
      expected: body.version, current: row.version,
      write: (tx, at) => tx.update(facilities).set({ seeking, version: row.version + 1, updatedAt: at }).where(and(ofFacility(facilities, id), eq(facilities.version, body.version))).run().changes,
      before: { seeking: row.seeking && JSON.parse(row.seeking), version: row.version },
      after: { seeking: body.seeking, version: row.version + 1 },
    });
    return c.json({ id: id.id, seeking: body.seeking, version: row.version + 1 });
  })
  .get('/:id/requests', validate('param', facilityParams), allow(on('read', 'facility', facilityInPath)), (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var;
    requireFacility(db, id);
    const rows = db.select().from(partnershipRequests).where(ofFacility(partnershipRequests, id)).orderBy(desc(partnershipRequests.id)).all();
    return c.json(rows.map((r) => requestView(db, r)));
  })
  .get('/:id/meetings', validate('param', facilityParams), allow(on('read', 'facility', facilityInPath)), (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var;
    requireFacility(db, id);
    const rows = meetingsOf(db, id);
    return c.json(rows);
  })
  /** Records a 連携会議 that took place with a partner (never resident data). */
  .post('/:id/meetings', validate('param', facilityParams), allow(on('act', 'facility', facilityInPath)), validate('json', meetingBody), (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, today } = c.var;
    const facility = requireFacility(db, id);
    requireInstitution(db, body.institutionCode);
    checkMeetingDate(body.heldOn, today());
    const partners = facilityAgreements(db, id.careOfficeNumber, id.serviceCode).filter((a) => a.institutionCode === body.institutionCode);
    if (partners.length === 0) throw new DomainError('invalid', `institutionCode: ${body.institutionCode} has no agreement with this facility; a 連携会議 is held with a partner`, 'institutionCode');
    const { after: row } = runCreate(c.var, {
      entity: 'meeting', action: 'create', areaCode: facility.municipalityCode,
      write: (tx, at) => {
        const inserted = tx.insert(meetings).values({ careOfficeNumber: id.careOfficeNumber, serviceCode: id.serviceCode, ...body, updatedAt: at }).returning().get();
        return { id: inserted.id, after: inserted };
      },
    });
    return c.json(row, 201);
  })
  /** 協力医療機関連携加算 month by month for a fiscal year (default: the current one). */
  .get('/:id/kasan', validate('param', facilityParams), validate('query', kasanQuery), allow(on('read', 'facility', facilityInPath)), (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db, today } = c.var;
    const snap = c.var.engine.get(today());
    if (!snap.facilityRows.has(id.id)) throw notFound('facility', id.id);
    return c.json(kasanYear(db, snap, id, { fiscalYear: q.fiscalYear || fiscalYearOf(today()), unionCounts: q.unionCounts }, today()));
  });

/** An institution's side: the requests it has received, newest first. */
export const institutionCycleRoutes = new Hono<AppEnv>().get('/:code/requests', validate('param', institutionParams), allow(on('read', 'institution', institutionInPath)), (c) => {
  const { code } = c.req.valid('param');
  const { db } = c.var;
  requireInstitution(db, code);
  const rows = db.select().from(partnershipRequests).where(eq(partnershipRequests.institutionCode, code)).orderBy(desc(partnershipRequests.id)).all();
  return c.json(rows.map((r) => requestView(db, r)));
});
