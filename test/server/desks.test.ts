import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, TEST_NOW, type TestApp } from '../helpers/db';
import { anonymous, signInAs, type Session } from '../helpers/session';
import { dateInJapan } from '../../server/domain/dates';

/**
 * The landing pages ("desks") of あじさい荘 (demo-facility) and 浜田記念病院 (demo-hospital): each fact
 * the same as the route that owns it (the facility's page, /kasan, the institution's card).
 */
const FACILITY = '9971600862-510';
const HOSPITAL = '9910110130';
/** A 特定施設 of the demo region: 努力義務, no binding date. */
const TOKUTEI = '9974500358-331';
const TODAY = dateInJapan(TEST_NOW());

let app: TestApp;
let facility: Session, hospital: Session, admin: Session, officer: Session;
let agreementId: number, endedId: number, proposalId: number, pendingRequestId: number;

/** Whole days between two ISO dates, counted here on their own (not with the server's helper). */
const daysBetween = (from: string, to: string) => (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000;

beforeAll(async () => {
  ({ app } = await demoApp());
  [facility, hospital, admin, officer] = await Promise.all([signInAs(app, 'facility'), signInAs(app, 'institution'), signInAs(app, 'admin'), signInAs(app, 'municipality')]);
  // Two agreements with the hospital: one ③ (met with, a proposal on it pending), one ended.
  const accept = async (requirements: string[]) => {
    const sent = (await facility.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements })).body;
    return (await hospital.call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version, agreedOn: '2026-06-01' })).body.agreementId as number;
  };
  agreementId = await accept(['admit']);
  endedId = await accept(['consult']);
  await hospital.call('PATCH', `/api/agreements/${endedId}`, { version: 1, status: 'ended', endedOn: '2026-10-31', endReason: '外来縮小のため' });
  for (const [heldOn, electronicSharing] of [['2026-07-15', false], [TODAY, true]] as const) {
    expect((await facility.call('POST', `/api/facilities/${FACILITY}/meetings`, { institutionCode: HOSPITAL, heldOn, electronicSharing })).status).toBe(201);
  }
  proposalId = (await facility.call('PATCH', `/api/agreements/${agreementId}`, { version: 1, infectionAgreement: true })).body.proposal.id;
  pendingRequestId = (await facility.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['examine'] })).body.id;
  const { version } = (await hospital.call('GET', `/api/institutions/${HOSPITAL}`)).body;
  await hospital.call('PUT', `/api/institutions/${HOSPITAL}/declaration`, { offers: null, willingness: 'accepting', maxPartners: 5, version });
  expect((await officer.call('PUT', '/api/filings/deadlines/991007/2026', { dueOn: '2026-12-31' })).status).toBe(200);
});

describe('GET /api/facilities/:id/desk', () => {
  it('shows the 特養 its countdown to 2027-04-01, its coverage, partners, ended partners and what waits', async () => {
    const { status, body } = await facility.call('GET', `/api/facilities/${FACILITY}/desk`);
    expect(status).toBe(200);
    const detail = (await facility.call('GET', `/api/facilities/${FACILITY}`)).body;
    expect(body.facility).toEqual({
      id: FACILITY, name: detail.name, typeKey: 'tokuyo', typeJa: '特養', level: 'mandatory', bindingFrom: '2027-04-01',
      daysToBinding: daysBetween(TODAY, '2027-04-01'), coverageStatus: detail.coverage.status, seeking: detail.seeking,
    });
    expect(body.partners.map((p: any) => p.agreementId)).toEqual(detail.partners.filter((p: any) => p.active).map((p: any) => p.agreementId));
    const mine = body.partners.find((p: any) => p.agreementId === agreementId);
    const fromDetail = detail.partners.find((p: any) => p.agreementId === agreementId);
    expect(mine).toEqual({
      agreementId, version: 1, institution: { code: HOSPITAL, name: '浜田記念病院', kind: 'hospital' }, covers: ['admit'], agreedOn: '2026-06-01', confirmedOn: '2026-06-01',
      confirmation: fromDetail.confirmation, specialRelationship: false, infectionAgreement: false, a253: fromDetail.a253,
    });
    expect(body.endedPartners).toEqual([expect.objectContaining({ agreementId: endedId, covers: ['consult'], endedOn: '2026-10-31', endReason: '外来縮小のため' })]);
    expect(body.requests.map((r: any) => [r.id, r.status])).toEqual([[pendingRequestId, 'pending']]);
    expect(body.proposals).toEqual([expect.objectContaining({ id: proposalId, agreementId, proposedBy: 'facility', status: 'pending', mine: true, changes: { infectionAgreement: true } })]);
  });

  it('gives the 加算 exactly as GET /kasan does, and the year’s meetings', async () => {
    const { body } = await facility.call('GET', `/api/facilities/${FACILITY}/desk`);
    const kasan = (await facility.call('GET', `/api/facilities/${FACILITY}/kasan`)).body;
    expect(body.kasan).toEqual({
      fiscalYear: kasan.fiscalYear, units: kasan.units, totalUnits: kasan.totalUnits,
      eligibleMonths: kasan.months.filter((m: any) => m.eligible).length,
      thisMonth: kasan.months.find((m: any) => m.month === TODAY.slice(0, 7)),
    });
    expect(body.kasan.totalUnits).toBeGreaterThan(0);
    expect(body.kasan.thisMonth.eligible).toBe(true);
    expect(body.meetings).toMatchObject({ fiscalYear: 2026, electronicCount: 1 });
    expect(body.meetings.held.map((m: any) => [m.heldOn, m.institutionName])).toEqual([[TODAY, '浜田記念病院'], ['2026-07-15', '浜田記念病院']]);
  });

  it('counts the days left to the filing deadline its authority set, and shows nothing filed yet', async () => {
    const { body } = await facility.call('GET', `/api/facilities/${FACILITY}/desk`);
    const detail = (await facility.call('GET', `/api/facilities/${FACILITY}`)).body;
    expect(body.filing).toEqual({ fiscalYear: 2026, authority: detail.authority, deadline: '2026-12-31', daysLeft: daysBetween(TODAY, '2026-12-31'), filed: null });
  });

  it('gives a 特定施設 (努力義務) no countdown', async () => {
    const { body } = await admin.call('GET', `/api/facilities/${TOKUTEI}/desk`);
    expect(body.facility).toMatchObject({ level: 'best_effort', bindingFrom: null, daysToBinding: null });
  });

  it('is for those who may read the facility: 401 anonymous, 403 another account', async () => {
    expect((await anonymous(app).call('GET', `/api/facilities/${FACILITY}/desk`)).status).toBe(401);
    expect((await hospital.call('GET', `/api/facilities/${FACILITY}/desk`)).status).toBe(403);
    expect((await officer.call('GET', `/api/facilities/${FACILITY}/desk`)).status).toBe(200);
  });
});

describe('GET /api/institutions/:code/desk', () => {
  it('counts its load as its card does, and lists partners, requests and proposals', async () => {
    const { status, body } = await hospital.call('GET', `/api/institutions/${HOSPITAL}/desk`);
    expect(status).toBe(200);
    const card = (await hospital.call('GET', `/api/institutions/${HOSPITAL}`)).body;
    expect(body.institution).toEqual({
      code: HOSPITAL, name: card.name, kind: 'hospital', maxPartners: card.maxPartners, activePartners: card.activePartners, remaining: card.remaining,
      offers: card.offers, willingness: 'accepting', canAdmit: true,
    });
    expect(body.institution).toMatchObject({ maxPartners: 5, activePartners: 1, remaining: 4 });
    expect(body.partners.map((p: any) => p.agreementId)).toEqual(card.partners.map((p: any) => p.agreementId));
    expect(body.partners[0]).toMatchObject({ agreementId, version: 1, facility: { id: FACILITY, name: '特別養護老人ホームあじさい荘', typeJa: '特養' }, covers: ['admit'], a253: card.partners[0].a253, confirmation: { dueOn: '2027-06-01', overdue: false } });
    expect(body.requests.map((r: any) => r.id)).toEqual([pendingRequestId]);
    // The facility proposed it: not the hospital's own.
    expect(body.proposals.map((p: any) => [p.id, p.mine])).toEqual([[proposalId, false]]);
  });

  it('is for those who may read the institution: 401 anonymous, 403 another account', async () => {
    expect((await anonymous(app).call('GET', `/api/institutions/${HOSPITAL}/desk`)).status).toBe(401);
    expect((await facility.call('GET', `/api/institutions/${HOSPITAL}/desk`)).status).toBe(403);
  });
});
