import { beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../server/auth/accounts';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import type { Db } from '../../server/db/client';
import { demoApp, snapshot, type TestApp } from '../helpers/db';
import { anonymous, signIn, signInAs, type Session } from '../helpers/session';

/**
 * Every write route (and the reads of private records) tried as every role, on the role's own
 * record and on another's: the status must be the one the policy table (server/auth/policy.ts)
 * gives, and a refused call must change nothing. Each call runs inside a savepoint rolled back
 * after it, so every cell starts from the same data.
 */
const ROLES = ['anonymous', 'admin', 'officer', 'officerElsewhere', 'facility', 'facilityOther', 'institution', 'institutionOther'] as const;
type RoleName = (typeof ROLES)[number];
/** ok = 200/201/202; 401 = not signed in; 403 = signed in, not theirs. */
type Cell = 'ok' | 401 | 403;

const FACILITY = '9971600862-510'; // あじさい荘: demo-facility's own
const HOSPITAL = DEMO_ACCOUNTS.institution.scope[0]; // 浜田記念病院: demo-hospital's own
const AUTHORITY = '991007'; // デモ市: where あじさい荘 (南区) files

let app: TestApp;
let db: Db;
const as = {} as Record<RoleName, Session>;
let fixture: { otherFacility: string; pendingId: number; agreementId: number; proposalAgreementId: number; proposalId: number; otherInstitution: string; filing: Buffer; facilityVersion: number; hospitalVersion: number };

beforeAll(async () => {
  ({ app, db } = await demoApp());
  const admin = await signInAs(app, 'admin');
  const features = (await admin.call('GET', '/api/facilities?serviceCode=510')).body.features as { properties: { id: string } }[];
  const otherFacility = features.map((f) => f.properties.id).find((id) => !id.startsWith(FACILITY.slice(0, 10)))!;
  const clinics = (await admin.call('GET', '/api/institutions')).body.features as { properties: { code: string; kind: string } }[];
  const otherInstitution = clinics.find((f) => f.properties.kind === 'clinic')!.properties.code;
  await addAccount(db, { login: 'tokyo-officer', role: 'municipality', scope: ['13'], password: 'tokyo-officer-pw' }, 'test');
  await addAccount(db, { login: 'other-facility', role: 'facility', scope: [otherFacility.slice(0, 10)], password: 'other-facility-pw' }, 'test');
  await addAccount(db, { login: 'other-clinic', role: 'institution', scope: [otherInstitution], password: 'other-clinic-pw' }, 'test');
  // Accounts of デモ県 to manage: staff of another facility there, and one disabled (to enable).
  await addAccount(db, { login: 'matrix-staff', role: 'facility', scope: [otherFacility.slice(0, 10)], password: 'matrix-staff-pw' }, 'test');
  await addAccount(db, { login: 'matrix-disabled', role: 'facility', scope: [otherFacility.slice(0, 10)], password: 'matrix-disabled-pw' }, 'test');
  db.$client.prepare("update users set disabled_at = '2026-11-01T00:00:00.000Z' where login = 'matrix-disabled'").run();
  Object.assign(as, {
    anonymous: anonymous(app),
    admin,
    officer: await signInAs(app, 'municipality'),
    officerElsewhere: await signIn(app, 'tokyo-officer', 'tokyo-officer-pw'),
    facility: await signInAs(app, 'facility'),
    facilityOther: await signIn(app, 'other-facility', 'other-facility-pw'),
    institution: await signInAs(app, 'institution'),
    institutionOther: await signIn(app, 'other-clinic', 'other-clinic-pw'),
  });
  // A pending request and two agreements between あじさい荘 and 浜田記念病院 — the second with a change
  // the facility proposed, pending — and its 届出書.
  const agreed = (await admin.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['admit'] })).body;
  const { agreementId } = (await admin.call('POST', `/api/requests/${agreed.id}/accept`, { version: agreed.version, agreedOn: '2026-06-01' })).body;
  const second = (await admin.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['consult'] })).body;
  const proposalAgreementId = (await admin.call('POST', `/api/requests/${second.id}/accept`, { version: second.version, agreedOn: '2026-06-01' })).body.agreementId;
  const proposalId = (await as.facility.call('PATCH', `/api/agreements/${proposalAgreementId}`, { version: 1, infectionAgreement: true })).body.proposal.id;
  const pending = (await admin.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['consult'] })).body;
  const filing = Buffer.from(await (await admin.request(`/api/facilities/${FACILITY}/filing.xlsx?fiscalYear=2026`)).arrayBuffer());
  const facilityVersion = (await admin.call('GET', `/api/facilities/${FACILITY}`)).body.version;
  const hospitalVersion = (await admin.call('GET', `/api/institutions/${HOSPITAL}`)).body.version;
  fixture = { otherFacility, pendingId: pending.id, agreementId, proposalAgreementId, proposalId, otherInstitution, filing, facilityVersion, hospitalVersion };
});

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  /** Expected per role, in ROLES order. */
  expect: readonly Cell[];
}
//                                    anon admin officer elsewhere facility facOther inst  instOther
const FACILITY_ACT: Cell[] = /*    */ [401, 'ok', 403, 403, 'ok', 403, 403, 403];
const FACILITY_READ: Cell[] = /*   */ [401, 'ok', 'ok', 403, 'ok', 403, 403, 403];
const INSTITUTION_ACT: Cell[] = /* */ [401, 'ok', 403, 403, 403, 403, 'ok', 403];
const INSTITUTION_READ: Cell[] = /**/ [401, 'ok', 'ok', 403, 403, 403, 'ok', 403];
const EITHER_PARTY_ACT: Cell[] = /**/ [401, 'ok', 403, 403, 'ok', 403, 'ok', 403];
const EITHER_PARTY_READ: Cell[] = [401, 'ok', 'ok', 403, 'ok', 403, 'ok', 403];
const AUTHORITY_ADMIN: Cell[] = /* */ [401, 'ok', 'ok', 403, 403, 403, 403, 403];
const OFFICERS: Cell[] = /*        */ [401, 'ok', 'ok', 'ok', 403, 403, 403, 403];
const EVERYONE: Cell[] = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];

const WRITES: Case[] = [
  { name: 'declare seeking', method: 'PUT', path: () => `/api/facilities/${FACILITY}/seeking`, body: () => ({ seeking: ['admit'], version: fixture.facilityVersion }), expect: FACILITY_ACT },
  { name: 'record a meeting', method: 'POST', path: () => `/api/facilities/${FACILITY}/meetings`, body: () => ({ institutionCode: HOSPITAL, heldOn: '2026-07-15', electronicSharing: false }), expect: FACILITY_ACT },
  { name: 'send a request', method: 'POST', path: () => '/api/requests', body: () => ({ facilityId: FACILITY, institutionCode: fixture.otherInstitution, requirements: ['consult'] }), expect: FACILITY_ACT },
  { name: 'accept a request', method: 'POST', path: () => `/api/requests/${fixture.pendingId}/accept`, body: () => ({ version: 1 }), expect: INSTITUTION_ACT },
  { name: 'decline a request', method: 'POST', path: () => `/api/requests/${fixture.pendingId}/decline`, body: () => ({ version: 1, reason: '病床逼迫' }), expect: INSTITUTION_ACT },
  { name: 'withdraw a request', method: 'POST', path: () => `/api/requests/${fixture.pendingId}/withdraw`, body: () => ({ version: 1 }), expect: FACILITY_ACT },
  // A party's change of the terms becomes a proposal (202), an administrator's is applied (200): both 'ok'.
  { name: 'edit an agreement', method: 'PATCH', path: () => `/api/agreements/${fixture.agreementId}`, body: () => ({ version: 1, infectionAgreement: true }), expect: EITHER_PARTY_ACT },
  { name: 'confirm an agreement', method: 'PATCH', path: () => `/api/agreements/${fixture.agreementId}`, body: () => ({ version: 1, confirmedOn: '2026-11-01' }), expect: EITHER_PARTY_ACT },
  { name: 'end an agreement', method: 'PATCH', path: () => `/api/agreements/${fixture.agreementId}`, body: () => ({ version: 1, status: 'ended', endReason: '閉院のため' }), expect: EITHER_PARTY_ACT },
  // The facility proposed it: the institution (or an administrator) answers; the facility itself gets 403.
  { name: "accept the facility's proposal", method: 'POST', path: () => `/api/agreements/${fixture.proposalAgreementId}/proposals/${fixture.proposalId}/accept`, body: () => ({ version: 1 }), expect: INSTITUTION_ACT },
  { name: "decline the facility's proposal", method: 'POST', path: () => `/api/agreements/${fixture.proposalAgreementId}/proposals/${fixture.proposalId}/decline`, body: () => ({ version: 1, reason: '内容を再検討します' }), expect: INSTITUTION_ACT },
  { name: "withdraw the facility's proposal", method: 'POST', path: () => `/api/agreements/${fixture.proposalAgreementId}/proposals/${fixture.proposalId}/withdraw`, body: () => ({ version: 1 }), expect: FACILITY_ACT },
  { name: "edit an institution's declaration", method: 'PUT', path: () => `/api/institutions/${HOSPITAL}/declaration`, body: () => ({ offers: null, willingness: 'accepting', maxPartners: 5, version: fixture.hospitalVersion }), expect: INSTITUTION_ACT },
  { name: 'receive a filing', method: 'POST', path: () => '/api/filings?fileName=filing.xlsx', body: () => fixture.filing, expect: AUTHORITY_ADMIN },
  { name: 'set a filing deadline', method: 'PUT', path: () => `/api/filings/deadlines/${AUTHORITY}/2026`, body: () => ({ dueOn: '2027-01-31' }), expect: AUTHORITY_ADMIN },
  { name: 'check a filing (writes nothing)', method: 'POST', path: () => '/api/filings?fileName=filing.xlsx&check=1', body: () => fixture.filing, expect: AUTHORITY_ADMIN },
  // Accounts of デモ県: managed by an administrator and by its officer, by no one else.
  { name: 'create an account', method: 'POST', path: () => '/api/accounts', body: () => ({ login: 'matrix-new', role: 'facility', scope: [FACILITY.slice(0, 10)] }), expect: AUTHORITY_ADMIN },
  { name: "change an account's scope", method: 'PATCH', path: () => '/api/accounts/matrix-staff', body: () => ({ scope: [fixture.otherFacility.slice(0, 10), FACILITY.slice(0, 10)] }), expect: AUTHORITY_ADMIN },
  { name: 'disable an account', method: 'POST', path: () => '/api/accounts/matrix-staff/disable', expect: AUTHORITY_ADMIN },
  { name: 'enable an account', method: 'POST', path: () => '/api/accounts/matrix-disabled/enable', expect: AUTHORITY_ADMIN },
  { name: "reset an account's password", method: 'POST', path: () => '/api/accounts/matrix-staff/reset-password', expect: AUTHORITY_ADMIN },
  { name: 'draw a plan', method: 'POST', path: () => '/api/plan', body: () => ({ prefecture: '99', maxMinutes: 30 }), expect: OFFICERS },
  { name: 'sign out', method: 'POST', path: () => '/api/auth/logout', expect: EVERYONE },
];

const READS: Case[] = [
  { name: "a facility's requests", method: 'GET', path: () => `/api/facilities/${FACILITY}/requests`, expect: FACILITY_READ },
  { name: "a facility's meetings", method: 'GET', path: () => `/api/facilities/${FACILITY}/meetings`, expect: FACILITY_READ },
  { name: "a facility's 加算", method: 'GET', path: () => `/api/facilities/${FACILITY}/kasan?fiscalYear=2026`, expect: FACILITY_READ },
  { name: "a facility's 届出書", method: 'GET', path: () => `/api/facilities/${FACILITY}/filing.html?fiscalYear=2026`, expect: FACILITY_READ },
  { name: "an institution's inbox", method: 'GET', path: () => `/api/institutions/${HOSPITAL}/requests`, expect: INSTITUTION_READ },
  { name: 'a request', method: 'GET', path: () => `/api/requests/${fixture.pendingId}`, expect: EITHER_PARTY_READ },
  { name: "an agreement's history", method: 'GET', path: () => `/api/agreements/${fixture.agreementId}/history`, expect: EITHER_PARTY_READ },
  { name: "an agreement's proposals", method: 'GET', path: () => `/api/agreements/${fixture.proposalAgreementId}/proposals`, expect: EITHER_PARTY_READ },
  { name: "a facility's desk", method: 'GET', path: () => `/api/facilities/${FACILITY}/desk`, expect: FACILITY_READ },
  { name: "an institution's desk", method: 'GET', path: () => `/api/institutions/${HOSPITAL}/desk`, expect: INSTITUTION_READ },
  { name: "an authority's filing tracker", method: 'GET', path: () => `/api/filings/tracker?authority=${AUTHORITY}&fiscalYear=2026`, expect: AUTHORITY_ADMIN },
  { name: 'the audit log', method: 'GET', path: () => '/api/audit', expect: OFFICERS },
  { name: 'the accounts one manages', method: 'GET', path: () => '/api/accounts', expect: OFFICERS },
  { name: "the officer's desk", method: 'GET', path: () => '/api/officer/desk?fiscalYear=2026', expect: OFFICERS },
];

/** Runs one call inside a savepoint and rolls it back: the status, and whether any table changed. */
async function tryAs(role: RoleName, c: Case): Promise<{ status: number; changed: boolean; message: string }> {
  const before = snapshot(db);
  db.$client.exec('SAVEPOINT matrix');
  try {
    const body = c.body?.();
    const init: RequestInit = { method: c.method };
    if (Buffer.isBuffer(body)) init.body = Uint8Array.from(body);
    else if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const res = await as[role].request(c.path(), init);
    const text = await res.text();
    const changed = snapshot(db) !== before;
    return { status: res.status, changed, message: text.slice(0, 200) };
  } finally {
    db.$client.exec('ROLLBACK TO matrix; RELEASE matrix');
  }
}

/** 202: a party's change of an agreement's terms, accepted as a proposal to the other party. */
const statusOf = (s: number): Cell | number => (s === 200 || s === 201 || s === 202 ? 'ok' : s);

describe.each([
  ['write', WRITES],
  ['read', READS],
] as const)('every %s route as every role', (_kind, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const got: Record<string, Cell | number> = {};
    const want: Record<string, Cell> = {};
    for (const [i, role] of ROLES.entries()) {
      const r = await tryAs(role, c);
      got[role] = statusOf(r.status);
      want[role] = c.expect[i]!;
      // A refused call writes nothing, not even a log line.
      if (r.status === 401 || r.status === 403) expect(r.changed, `${role}: ${r.message}`).toBe(false);
    }
    expect(got).toEqual(want);
  });
});

describe('what a record tells its reader they may do', () => {
  it('gives each role its access to あじさい荘 and 浜田記念病院, and their partners only to readers', async () => {
    const got: Record<string, [string[], boolean, string[], boolean]> = {};
    for (const role of ROLES) {
      const f = (await as[role].call('GET', `/api/facilities/${FACILITY}`)).body;
      const i = (await as[role].call('GET', `/api/institutions/${HOSPITAL}`)).body;
      got[role] = [f.access, f.partners !== null, i.access, i.partners !== null];
    }
    expect(got).toEqual({
      anonymous: [[], false, [], false],
      admin: [['read', 'act', 'administer'], true, ['read', 'act', 'administer'], true],
      officer: [['read', 'administer'], true, ['read'], true],
      officerElsewhere: [[], false, [], false],
      facility: [['read', 'act'], true, [], false],
      facilityOther: [[], false, [], false],
      institution: [[], false, ['read', 'act'], true],
      institutionOther: [[], false, [], false],
    });
  });
});

describe('what a refusal says', () => {
  it('401 asks to sign in; 403 names who and what', async () => {
    const anon = await tryAs('anonymous', WRITES[0]!);
    expect(anon.message).toContain('Sign in first');
    const other = await tryAs('facilityOther', WRITES[0]!);
    expect(other.message).toMatch(/other-facility \(facility\) may not act this facility/);
  });
});
