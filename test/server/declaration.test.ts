import { beforeEach, describe, expect, it } from 'vitest';
import { validateMedicalInstitutionCode } from '../../server/domain/identifiers';
import { demoApp, type TestApp } from '../helpers/db';
import { signInAs, type Session } from '../helpers/session';

let app: TestApp;
/** An administrator edits any institution's declaration (its own staff too: test/server/access-matrix.test.ts). */
let admin: Session;

beforeEach(async () => {
  ({ app } = await demoApp());
  admin = await signInAs(app, 'admin');
});

const json = (body: unknown) => ({ method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
async function call(path: string, init?: RequestInit) {
  const res = await admin.request(path, init);
  return { status: res.status, body: (await res.json()) as any };
}
const institutionCode = async (kind: string) =>
  (await call('/api/institutions')).body.features.find((f: any) => f.properties.kind === kind && f.geometry).properties.code as string;

describe('PUT /api/institutions/:code/declaration', () => {
  it('saves what the institution declares, bumps its version, and the ranking follows', async () => {
    const code = await institutionCode('hospital');
    const before = (await call(`/api/institutions/${code}`)).body;
    const saved = await call(`/api/institutions/${code}/declaration`, json({ offers: ['admit', 'consult'], willingness: 'accepting', maxPartners: 4, version: before.version }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: before.version + 1, willingness: 'accepting', maxPartners: 4, offers: { source: 'declared', offers: ['consult', 'admit'] } });
    expect((await call(`/api/institutions/${code}`)).body.version).toBe(before.version + 1);

    // Declaring that it takes no new partners takes it out of every facility's candidates nearby.
    const near = (await call(`/api/institutions/${code}/nearby-facilities?maxMinutes=60`)).body.facilities.find((f: any) => !f.alreadyPartner);
    expect(near).toBeDefined();
    const listed = async () => (await call(`/api/facilities/${near.facilityId}/candidates?maxMinutes=60&limit=200`)).body.candidates.some((c: any) => c.code === code);
    expect(await listed()).toBe(true);
    await call(`/api/institutions/${code}/declaration`, json({ offers: null, willingness: 'not_accepting', maxPartners: null, version: before.version + 1 }));
    expect(await listed()).toBe(false);
  });

  it('refuses ③ from a clinic, naming offers, and writes nothing', async () => {
    const code = await institutionCode('clinic');
    const before = (await call(`/api/institutions/${code}`)).body;
    const res = await call(`/api/institutions/${code}/declaration`, json({ offers: ['admit'], willingness: null, maxPartners: null, version: before.version }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('offers');
    expect(res.body.error.message).toMatch(/診療所.*③/);
    expect((await call(`/api/institutions/${code}`)).body).toEqual(before);
  });

  it('refuses a maxPartners below the partners it has now, saying how many, and writes nothing', async () => {
    const code = await institutionCode('hospital');
    const before = (await call(`/api/institutions/${code}`)).body;
    const active = before.activePartners as number;
    expect(active).toBeGreaterThan(0);
    const res = await call(`/api/institutions/${code}/declaration`, json({ offers: null, willingness: 'accepting', maxPartners: active - 1, version: before.version }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('maxPartners');
    expect(res.body.error.message).toContain(`below the ${active} partner facilit`);
    expect((await call(`/api/institutions/${code}`)).body).toEqual(before);
    // As many as it has now is a full house, not an error.
    const full = await call(`/api/institutions/${code}/declaration`, json({ offers: null, willingness: 'accepting', maxPartners: active, version: before.version }));
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ maxPartners: active, remaining: 0 });
  });

  it('answers 409 to a stale version, so one person does not overwrite another', async () => {
    const code = await institutionCode('hospital');
    const { version } = (await call(`/api/institutions/${code}`)).body;
    expect((await call(`/api/institutions/${code}/declaration`, json({ offers: null, willingness: 'accepting', maxPartners: 2, version }))).status).toBe(200);
    // (A maximum the institution could keep: one below its active partners is a 400 before the version is looked at.)
    const stale = await call(`/api/institutions/${code}/declaration`, json({ offers: null, willingness: 'not_accepting', maxPartners: 9, version }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.issues[0].path).toBe('version');
    expect((await call(`/api/institutions/${code}`)).body.willingness).toBe('accepting');
  });

  it('answers 400 naming the field for malformed bodies, and 404 for an unknown institution', async () => {
    const code = await institutionCode('hospital');
    const bad = async (body: unknown) => (await call(`/api/institutions/${code}/declaration`, json(body))).body.error.issues[0].path;
    expect(await bad({ offers: null, willingness: null, maxPartners: '3', version: 1 })).toBe('maxPartners');
    expect(await bad({ offers: null, willingness: null, maxPartners: -1, version: 1 })).toBe('maxPartners');
    expect(await bad({ offers: ['surgery'], willingness: null, maxPartners: null, version: 1 })).toBe('offers.0');
    expect(await bad({ offers: null, willingness: 'maybe', maxPartners: null, version: 1 })).toBe('willingness');
    expect(await bad({ offers: null, willingness: null, maxPartners: null })).toBe('version');
    const notJson = await admin.request(`/api/institutions/${code}/declaration`, { method: 'PUT', body: '{', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    // Anonymous: refused before its body is read at all.
    expect((await app.request(`/api/institutions/${code}/declaration`, { method: 'PUT', body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    // A well-formed code (its check digit right) that no institution has.
    const unknown = Array.from({ length: 10 }, (_, d) => `${code.slice(0, 5)}999${code[8]}${d}`).find((c) => validateMedicalInstitutionCode(c) === null && c !== code)!;
    expect((await call(`/api/institutions/${unknown}/declaration`, json({ offers: null, willingness: null, maxPartners: null, version: 1 }))).status).toBe(404);
  });
});
