import { beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../server/auth/accounts';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import type { Db } from '../../server/db/client';
import { dateInJapan } from '../../server/domain/dates';
import { demoApp, type TestApp } from '../helpers/db';
import { signIn, signInAs, type Session } from '../helpers/session';

/** GET /api/audit names each entry's record and actor, and filters by actor, dates and area. */
const FACILITY = '9971600862-510'; // あじさい荘, デモ市南区 (991031)
const AJISAI = '特別養護老人ホームあじさい荘';
const HOSPITAL = DEMO_ACCOUNTS.institution.scope[0];
let app: TestApp;
let db: Db;
let admin: Session;
let officer: Session;
let hospitalName: string;

beforeAll(async () => {
  ({ app, db } = await demoApp());
  admin = await signInAs(app, 'admin');
  officer = await signInAs(app, 'municipality');
  const facility = await signInAs(app, 'facility');
  hospitalName = (await admin.call('GET', `/api/institutions/${HOSPITAL}`)).body.name;
  const sent = (await facility.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['admit'] })).body;
  const { agreementId } = (await admin.call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version, agreedOn: '2026-06-01' })).body;
  await facility.call('PATCH', `/api/agreements/${agreementId}`, { version: 1, infectionAgreement: true });
  await facility.call('POST', `/api/facilities/${FACILITY}/meetings`, { institutionCode: HOSPITAL, heldOn: '2026-07-15', electronicSharing: false });
  await officer.call('PUT', '/api/filings/deadlines/991007/2026', { dueOn: '2027-01-31' });
  const xlsx = await (await officer.request(`/api/facilities/${FACILITY}/filing.xlsx?fiscalYear=2026`)).arrayBuffer();
  await officer.request('/api/filings?fileName=filing.xlsx', { method: 'POST', body: new Uint8Array(xlsx) });
  await officer.call('POST', '/api/accounts', { login: 'ajisai-staff', role: 'facility', scope: [FACILITY.slice(0, 10)] });
  const version = (await admin.call('GET', `/api/institutions/${HOSPITAL}`)).body.version;
  await admin.call('PUT', `/api/institutions/${HOSPITAL}/declaration`, { offers: null, willingness: 'accepting', maxPartners: 5, version });
  await admin.call('PUT', `/api/facilities/${FACILITY}/seeking`, { seeking: ['consult'], version: (await admin.call('GET', `/api/facilities/${FACILITY}`)).body.version });
});

const audit = async (s: Session, query = '') => {
  const res = await s.call('GET', `/api/audit?limit=500${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.entries as any[];
};

describe('audit entries carry names', () => {
  it("names each record: a facility, an institution, an account's login, a pair as facility ↔ institution, a deadline's authority", async () => {
    const entries = await audit(admin);
    const nameOf = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityName))];
    const pair = `${AJISAI} ↔ ${hospitalName}`;
    expect(nameOf('partnership_request')).toEqual([pair]);
    expect(nameOf('agreement')).toEqual([pair]);
    expect(nameOf('agreement_proposal')).toEqual([pair]);
    expect(nameOf('meeting')).toEqual([pair]);
    expect(nameOf('filing')).toEqual([AJISAI]);
    expect(nameOf('filing_deadline')).toEqual(['デモ市']);
    expect(nameOf('institution')).toEqual([hospitalName]);
    expect(nameOf('facility')).toEqual([AJISAI]);
    expect(entries.find((e) => e.entity === 'user' && e.entityId === 'ajisai-staff').entityName).toBe('ajisai-staff');
  });

  it("names each actor by login and role, or the command", async () => {
    const entries = await audit(admin);
    const actorOf = (entity: string, action: string) => entries.find((e) => e.entity === entity && e.action === action)?.actorName;
    expect(actorOf('partnership_request', 'create')).toBe('demo-facility (facility)');
    expect(actorOf('partnership_request', 'accept')).toBe('demo-admin (admin)');
    expect(actorOf('filing', 'receive')).toBe('demo-pref (municipality)');
    expect(entries.find((e) => e.entity === 'user' && e.entityId === 'demo-pref' && e.action === 'create').actorName).toBe('cli:demo');
  });
});

describe('audit filters', () => {
  it('by actor', async () => {
    const mine = await audit(admin, '&actor=demo-pref');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mine.map((e) => e.actor))).toEqual(new Set(['demo-pref']));
  });

  it('by days in Japan, from and to both included', async () => {
    const all = await audit(admin);
    const day = dateInJapan(new Date(all[0].at));
    expect((await audit(admin, `&from=${day}&to=${day}`)).map((e) => e.id)).toEqual(all.filter((e) => dateInJapan(new Date(e.at)) === day).map((e) => e.id));
    expect(await audit(admin, '&to=2000-01-01')).toEqual([]);
    expect(await audit(admin, '&from=2099-01-01')).toEqual([]);
    const bad = await admin.call('GET', '/api/audit?from=2026-02-30');
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'from']);
  });

  it('by area: a 政令市 takes in its wards; an officer stays within its own area', async () => {
    const city = await audit(admin, '&area=991007');
    expect(city.length).toBeGreaterThan(0);
    expect(new Set(city.map((e) => e.areaCode))).toEqual(new Set(['991007', '991031']));
    expect((await audit(admin, '&area=991031')).every((e) => e.areaCode === '991031')).toBe(true);
    expect(await audit(admin, '&area=992020')).toEqual([]);
    expect((await audit(officer, '&area=991007')).map((e) => e.id)).toEqual(city.map((e) => e.id));
    await addAccount(db, { login: 'tokyo-officer', role: 'municipality', scope: ['13'], password: 'tokyo-officer-pw' }, 'test');
    const tokyo = await signIn(app, 'tokyo-officer', 'tokyo-officer-pw');
    expect(await audit(tokyo, '&area=991007')).toEqual([]);
  });
});
