import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { demoApp, tableCounts, type TestApp } from '../helpers/db';
import { signInAs, type Session } from '../helpers/session';

/**
 * Two-party changes of an agreement on the demo region: あじさい荘 (demo-facility) and 浜田記念病院
 * (demo-hospital) hold a ③-only agreement. What it covers, its date, 特別の関係, the 第二種協定 flag and
 * re-activation wait for the other party (a proposal); the 確認日 and ending apply at once.
 */
const FACILITY = '9971600862-510';
const HOSPITAL = '9910110130';
/** あじさい荘's partner for ①②, a 診療所. */
const CLINIC_AGREEMENT_CODE = '9910412734';

let db: Db;
let app: TestApp;
let facility: Session, hospital: Session, admin: Session, officer: Session;
let agreementId: number;

beforeEach(async () => {
  ({ db, app } = await demoApp());
  [facility, hospital, admin, officer] = await Promise.all([signInAs(app, 'facility'), signInAs(app, 'institution'), signInAs(app, 'admin'), signInAs(app, 'municipality')]);
  const sent = (await facility.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['admit'] })).body;
  agreementId = (await hospital.call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version, agreedOn: '2026-06-01' })).body.agreementId;
});

const partner = async (id = agreementId) => (await admin.call('GET', `/api/facilities/${FACILITY}`)).body.partners.find((p: any) => p.agreementId === id);
const patch = (who: Session, body: object, id = agreementId) => who.call('PATCH', `/api/agreements/${id}`, body);
const answer = (who: Session, proposalId: number, verb: 'accept' | 'decline' | 'withdraw', body: object) => who.call('POST', `/api/agreements/${agreementId}/proposals/${proposalId}/${verb}`, body);
const WIDEN = ['consult', 'examine', 'admit'];

describe('a party changing the terms both signed: a proposal, not a change', () => {
  it('widening ③ to ①②③ leaves the agreement as it is (same covers, same version) and makes a pending proposal (202)', async () => {
    const res = await patch(facility, { version: 1, covers: WIDEN });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: agreementId, covers: ['admit'], version: 1 });
    expect(res.body.proposal).toMatchObject({
      agreementId, proposedBy: 'facility', proposer: 'demo-facility', status: 'pending', changes: { covers: WIDEN }, reason: null, decidedOn: null, version: 1,
      current: { covers: ['admit'], agreedOn: '2026-06-01', specialRelationship: false, infectionAgreement: false, status: 'active' },
      facility: { id: FACILITY, name: '特別養護老人ホームあじさい荘' }, institution: { code: HOSPITAL, name: '浜田記念病院' },
    });
    expect(await partner()).toMatchObject({ covers: ['admit'], version: 1 });
    const audit = (await officer.call('GET', '/api/audit?entity=agreement_proposal')).body.entries;
    expect(audit.map((e: any) => [e.actor, e.action, e.entityId])).toEqual([['demo-facility', 'propose', String(res.body.proposal.id)]]);
    const listed = (await hospital.call('GET', `/api/agreements/${agreementId}/proposals`)).body;
    expect(listed.map((p: any) => [p.id, p.status])).toEqual([[res.body.proposal.id, 'pending']]);
    // The hospital declines: the agreement still covers ③ only.
    const declined = await answer(hospital, res.body.proposal.id, 'decline', { version: 1, reason: '①②は近隣の診療所にお願いしたい' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ covers: ['admit'], version: 1, proposal: { status: 'declined', reason: '①②は近隣の診療所にお願いしたい', decidedOn: '2026-11-22', version: 2 } });
    expect(await partner()).toMatchObject({ covers: ['admit'], version: 1 });
    // A decided proposal cannot be answered again.
    expect((await answer(hospital, res.body.proposal.id, 'accept', { version: 2 })).status).toBe(409);
  });

  it('the other side accepts: the change is applied, the version bumped, and the history shows it', async () => {
    const proposal = (await patch(facility, { version: 1, covers: WIDEN, infectionAgreement: true })).body.proposal;
    const accepted = await answer(hospital, proposal.id, 'accept', { version: proposal.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ covers: WIDEN, infectionAgreement: true, version: 2, proposal: { status: 'accepted', decidedOn: '2026-11-22' } });
    expect(await partner()).toMatchObject({ covers: WIDEN, infectionAgreement: true, version: 2, a253: { earns: true } });
    const history = (await facility.call('GET', `/api/agreements/${agreementId}/history`)).body;
    expect(history.map((h: any) => [h.actor, h.action])).toEqual([
      ['demo-hospital', 'create'],
      ['demo-hospital', 'amend'],
    ]);
    expect(history[1]).toMatchObject({ before: { coversConsult: false, version: 1 }, after: { coversConsult: true, coversExamine: true, version: 2, proposalId: proposal.id } });
    const log = (await officer.call('GET', '/api/audit?limit=3')).body.entries.map((e: any) => [e.actor, e.entity, e.action]);
    expect(log).toEqual([
      ['demo-hospital', 'agreement', 'amend'],
      ['demo-hospital', 'agreement_proposal', 'accept'],
      ['demo-facility', 'agreement_proposal', 'propose'],
    ]);
  });

  it('a facility re-activating an ended agreement makes a proposal; it stays ended until the hospital accepts', async () => {
    const ended = await patch(hospital, { version: 1, status: 'ended', endedOn: '2026-11-01', endReason: '病棟再編のため' });
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: '2026-11-01', endReason: '病棟再編のため', version: 2 });
    const res = await patch(facility, { version: 2, status: 'active' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'ended', version: 2, proposal: { changes: { status: 'active' }, current: { status: 'ended' } } });
    expect(await partner()).toMatchObject({ active: false, endedOn: '2026-11-01' });
    const accepted = await answer(hospital, res.body.proposal.id, 'accept', { version: 1 });
    expect(accepted.body).toMatchObject({ status: 'active', endedOn: null, endReason: null, version: 3 });
    expect(await partner()).toMatchObject({ active: true, version: 3 });
    expect((await admin.call('GET', `/api/agreements/${agreementId}/history`)).body.map((h: any) => h.action)).toEqual(['create', 'end', 'reactivate']);
  });

  it('refuses a party answering its own proposal (403), lets the proposer withdraw it, and the other side may not', async () => {
    const proposal = (await patch(hospital, { version: 1, specialRelationship: true })).body.proposal;
    expect(proposal.proposedBy).toBe('institution');
    const counts = tableCounts(db);
    for (const verb of ['accept', 'decline'] as const) {
      const own = await answer(hospital, proposal.id, verb, { version: 1 });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toMatch(new RegExp(`demo-hospital \\(institution\\) may not ${verb} proposal ${proposal.id}: the institution made it`));
    }
    const notTheirs = await answer(facility, proposal.id, 'withdraw', { version: 1 });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error.message).toContain('decline it instead');
    expect(tableCounts(db)).toEqual(counts);
    const withdrawn = await answer(hospital, proposal.id, 'withdraw', { version: 1 });
    expect(withdrawn.body).toMatchObject({ specialRelationship: false, version: 1, proposal: { status: 'withdrawn', version: 2 } });
    // Once withdrawn, a new proposal may be made.
    expect((await patch(facility, { version: 1, specialRelationship: true })).status).toBe(202);
  });

  it('allows one pending proposal per agreement: another gets 409 naming it', async () => {
    const first = (await patch(facility, { version: 1, infectionAgreement: true })).body.proposal;
    for (const [who, body] of [[facility, { version: 1, specialRelationship: true }], [hospital, { version: 1, covers: WIDEN }]] as const) {
      const again = await patch(who, body);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain(`proposal ${first.id}`);
      expect(again.body.error.issues[0].path).toBe('proposal');
    }
    expect((await hospital.call('GET', `/api/agreements/${agreementId}/proposals`)).body).toHaveLength(1);
  });

  it('checks the proposal as if applied: ③ from a 診療所 and future dates are refused, and nothing is written', async () => {
    const clinicAgreement = (await admin.call('GET', `/api/facilities/${FACILITY}`)).body.partners.find((p: any) => p.institution.code === CLINIC_AGREEMENT_CODE);
    const counts = tableCounts(db);
    const clinic = await patch(facility, { version: clinicAgreement.version, covers: WIDEN }, clinicAgreement.agreementId);
    expect(clinic.status).toBe(400);
    expect(clinic.body.error.issues[0].path).toBe('covers');
    const future = await patch(facility, { version: 1, agreedOn: '2027-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.issues[0].path).toBe('agreedOn');
    expect(tableCounts(db)).toEqual(counts);
  });

  it('answers 409 to a stale version of the agreement or of the proposal', async () => {
    expect((await patch(facility, { version: 2, covers: WIDEN })).status).toBe(409);
    const proposal = (await patch(facility, { version: 1, covers: WIDEN })).body.proposal;
    const stale = await answer(hospital, proposal.id, 'accept', { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.issues[0].path).toBe('version');
    // A proposal on another agreement's path is not found.
    expect((await hospital.call('POST', `/api/agreements/${agreementId + 1000}/proposals/${proposal.id}/accept`, { version: 1 })).status).toBe(404);
    expect((await answer(hospital, proposal.id + 1000, 'accept', { version: 1 })).status).toBe(404);
  });

  it('an administrator edits directly, as the record’s keeper: applied at once, no proposal (200)', async () => {
    const res = await patch(admin, { version: 1, covers: WIDEN, specialRelationship: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ covers: WIDEN, specialRelationship: true, version: 2, proposal: null });
    expect((await admin.call('GET', `/api/agreements/${agreementId}/proposals`)).body).toEqual([]);
  });

  it('an administrator may accept a party’s proposal', async () => {
    const proposal = (await patch(hospital, { version: 1, agreedOn: '2026-05-15' })).body.proposal;
    expect((await answer(admin, proposal.id, 'accept', { version: 1 })).body).toMatchObject({ agreedOn: '2026-05-15', version: 2, proposal: { status: 'accepted' } });
  });
});

describe('what either party does alone', () => {
  it('the 確認日 by either party applies at once, bumping the version', async () => {
    const byFacility = await patch(facility, { version: 1, confirmedOn: '2026-11-01' });
    expect(byFacility.status).toBe(200);
    expect(byFacility.body).toMatchObject({ confirmedOn: '2026-11-01', version: 2, proposal: null });
    const byHospital = await patch(hospital, { version: 2, confirmedOn: '2026-11-20' });
    expect(byHospital.body).toMatchObject({ confirmedOn: '2026-11-20', version: 3 });
    expect((await partner()).confirmation).toEqual({ dueOn: '2027-11-20', overdue: false });
  });

  it('a confirmation with a change of terms: the 確認日 applies, the rest waits as a proposal (202)', async () => {
    const res = await patch(facility, { version: 1, confirmedOn: '2026-11-01', infectionAgreement: true });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ confirmedOn: '2026-11-01', infectionAgreement: false, version: 2, proposal: { changes: { infectionAgreement: true } } });
    const log = (await officer.call('GET', '/api/audit?limit=2')).body.entries.map((e: any) => [e.entity, e.action]);
    expect(log).toEqual([['agreement_proposal', 'propose'], ['agreement', 'update']]);
  });

  it('ending requires a reason (400 naming endReason), is applied at once and audited', async () => {
    const counts = tableCounts(db);
    for (const body of [{ version: 1, status: 'ended' }, { version: 1, status: 'ended', endReason: '   ' }]) {
      const res = await patch(facility, body);
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('endReason');
    }
    expect((await patch(facility, { version: 1, status: 'ended', endReason: 'x'.repeat(1001) })).body.error.issues[0].path).toBe('endReason');
    expect(tableCounts(db)).toEqual(counts);
    const ended = await patch(facility, { version: 1, status: 'ended', endReason: ' 施設の移転のため ' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: '2026-11-22', endReason: '施設の移転のため', version: 2, proposal: null });
    const history = (await hospital.call('GET', `/api/agreements/${agreementId}/history`)).body;
    expect(history.at(-1)).toMatchObject({ actor: 'demo-facility', action: 'end', after: { status: 'ended', endReason: '施設の移転のため' } });
    expect((await admin.call('GET', `/api/facilities/${FACILITY}`)).body.coverage.missing).toContain('admit');
  });

  it('the parties’ fields that equal the agreement change nothing and make no proposal', async () => {
    const res = await patch(facility, { version: 1, covers: ['admit'], infectionAgreement: false, status: 'active' });
    expect(res).toMatchObject({ status: 200, body: { version: 1, proposal: null } });
  });
});
