import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzRoute } from '../fuzz/route-fuzz';
import { FACILITY, HOSPITAL, made, ROUTE_SPECS } from '../fuzz/route-specs';
import { demoApp } from '../helpers/db';
import { anonymous, signInAs, type Session } from '../helpers/session';
import { routeRules } from './route-rules.test';

/**
 * Property-based tests of every route's parameters and bodies (fast-check): about 200 generated
 * calls a route here; `npm run fuzz` runs 10,000 (FUZZ_RUNS). No 500, and every 400 names its field.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
let sessions: { admin: Session; anonymous: Session };
let xlsx: Uint8Array;

beforeAll(async () => {
  const { app } = await demoApp();
  const admin = await signInAs(app, 'admin');
  sessions = { admin, anonymous: anonymous(app) };
  const agreed = (await admin.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['admit'] })).body;
  made.agreementId = String((await admin.call('POST', `/api/requests/${agreed.id}/accept`, { version: agreed.version })).body.agreementId);
  made.requestId = String((await admin.call('POST', '/api/requests', { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['consult'] })).body.id);
  // A change the facility proposes (an administrator's edit would be applied, not proposed).
  const facility = await signInAs(app, 'facility');
  made.proposalId = String((await facility.call('PATCH', `/api/agreements/${made.agreementId}`, { version: 1, infectionAgreement: true })).body.proposal.id);
  xlsx = new Uint8Array(await (await admin.request(`/api/facilities/${FACILITY}/filing.xlsx?fiscalYear=2026`)).arrayBuffer());
});

describe(`every route under generated input (${RUNS} calls each)`, () => {
  it('has a generator for every route of the app', () => {
    const specified = new Set(ROUTE_SPECS.map((s) => `${s.method} ${s.path}`));
    expect(routeRules().map((r) => `${r.method} ${r.path}`).filter((r) => !specified.has(r))).toEqual([]);
  });

  it.each(ROUTE_SPECS.map((s) => [`${s.method} ${s.path}`, s] as const))('%s: no 500, every 400 names its field', async (_name, spec) => {
    await fuzzRoute(spec, sessions, xlsx, RUNS);
  }, 60_000 + RUNS * 200);
});
