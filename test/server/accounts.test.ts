import { beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../server/auth/accounts';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import { passwordProblem } from '../../server/auth/password';
import type { Db } from '../../server/db/client';
import { demoApp, tableCounts, type TestApp } from '../helpers/db';
import { signIn, signInAs, type Session } from '../helpers/session';

/**
 * Accounts managed in the app (issue 20): made with a password shown once, disabled and enabled,
 * given a new password, given a role and scope — by an administrator, or by an officer within its
 * area only. Every test starts from a fresh demo database.
 */
let app: TestApp;
let db: Db;
let admin: Session;
beforeEach(async () => {
  ({ app, db } = await demoApp());
  admin = await signInAs(app, 'admin');
});

const AJISAI = '9971600862'; // 特別養護老人ホームあじさい荘, デモ市南区
const HOSPITAL = DEMO_ACCOUNTS.institution.scope[0];
const login = (name: string, password: string) => app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login: name, password }), headers: { 'content-type': 'application/json' } });
const userRows = () => db.$client.prepare('select count(*) n from users').get();
const auditOf = (login: string) => db.$client.prepare("select action, before, after from audit_log where entity = 'user' and entity_id = ? order by id").all(login) as { action: string; before: string | null; after: string | null }[];

describe('creating an account', () => {
  it('answers a generated password once; the account signs in with it and is listed with its scope named', async () => {
    const res = await admin.call('POST', '/api/accounts', { login: 'ajisai-staff', role: 'facility', scope: [AJISAI] });
    expect(res.status).toBe(201);
    const { account, password } = res.body;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(passwordProblem(password)).toBeNull();
    expect(account).toEqual({
      login: 'ajisai-staff', role: 'facility', scope: [AJISAI], scopeNames: ['特別養護老人ホームあじさい荘'],
      disabled: false, disabledAt: null, createdAt: expect.any(String), lastSignInAt: null, version: 1,
    });
    // Each account gets its own password.
    const other = (await admin.call('POST', '/api/accounts', { login: 'ajisai-staff2', role: 'facility', scope: [AJISAI] })).body.password;
    expect(other).not.toBe(password);

    const staff = await signIn(app, 'ajisai-staff', password);
    expect((await staff.call('GET', '/api/auth/me')).body.user).toMatchObject({ login: 'ajisai-staff', role: 'facility', scope: [AJISAI] });
    const listed = (await admin.call('GET', '/api/accounts')).body.accounts.find((a: any) => a.login === 'ajisai-staff');
    expect(listed.lastSignInAt).toEqual(expect.any(String));
    // The audit says who made it and what it is, never the password.
    expect(auditOf('ajisai-staff').map((r) => r.action)).toEqual(['create', 'sign_in']);
    expect(JSON.stringify(db.$client.prepare('select * from audit_log').all())).not.toContain(password);
  });

  it('names each entry of a scope from the data, and shows an unknown code as itself', async () => {
    const unknown = '9999999999';
    await admin.call('POST', '/api/accounts', { login: 'nowhere', role: 'facility', scope: [unknown] });
    const accounts = (await admin.call('GET', '/api/accounts')).body.accounts as any[];
    const names = Object.fromEntries(accounts.map((a) => [a.login, a.scopeNames]));
    expect(names).toMatchObject({ 'demo-pref': ['デモ県'], 'demo-facility': ['特別養護老人ホームあじさい荘'], 'demo-admin': [], nowhere: [unknown] });
    expect(names['demo-hospital']).toEqual([expect.stringContaining('浜田記念病院')]);
    const city = (await admin.call('POST', '/api/accounts', { login: 'city-officer', role: 'municipality', scope: ['991007', '992020'] })).body.account;
    expect(city.scopeNames).toEqual(['デモ市', '東浜市']);
  });

  it('refuses a bad login or scope naming the field, and a login taken with 409, writing nothing', async () => {
    const before = tableCounts(db);
    const tries: [unknown, number, string][] = [
      [{ login: 'A', role: 'facility', scope: [AJISAI] }, 400, 'login'],
      [{ login: 'has space', role: 'facility', scope: [AJISAI] }, 400, 'login'],
      [{ login: 'staff', role: 'facility', scope: ['12345'] }, 400, 'scope'],
      [{ login: 'staff', role: 'facility', scope: [] }, 400, 'scope'],
      [{ login: 'staff', role: 'institution', scope: ['9910110131'] }, 400, 'scope'],
      [{ login: 'root', role: 'admin', scope: ['99'] }, 400, 'scope'],
      [{ login: 'staff', role: 'boss', scope: [] }, 400, 'role'],
      [{ login: 'demo-pref', role: 'facility', scope: [AJISAI] }, 409, 'login'],
    ];
    for (const [body, status, field] of tries) {
      const res = await admin.call('POST', '/api/accounts', body);
      expect([res.status, res.body.error.issues?.[0]?.path], JSON.stringify(res.body)).toEqual([status, field]);
    }
    expect((await admin.call('POST', '/api/accounts', tries.at(-1)![0])).body.error.message).toContain('"demo-pref" already exists');
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('disabling and enabling', () => {
  it('a disabled account cannot sign in (403 after the password check) and its sessions end at once; enabled, it signs in again', async () => {
    const facility = await signInAs(app, 'facility');
    const demo = DEMO_ACCOUNTS.facility;
    const res = await admin.call('POST', `/api/accounts/${demo.login}/disable`);
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ login: demo.login, disabled: true, disabledAt: expect.any(String), version: 2 });
    // Its session is gone: the same cookie is anonymous now, and its writes are refused.
    expect((await facility.call('GET', '/api/auth/me')).body.user).toBeNull();
    expect(db.$client.prepare('select count(*) n from sessions join users on users.id = sessions.user_id where login = ?').get(demo.login)).toEqual({ n: 0 });
    const refused = await login(demo.login, demo.password);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toEqual({ code: 'account_disabled', message: 'This account is disabled: ask your administrator' });
    // A wrong password learns nothing more than for any account.
    expect((await login(demo.login, 'wrong password here')).status).toBe(401);
    // Disabling again changes nothing.
    expect((await admin.call('POST', `/api/accounts/${demo.login}/disable`)).body.account.version).toBe(2);

    expect((await admin.call('POST', `/api/accounts/${demo.login}/enable`)).body.account).toMatchObject({ disabled: false, disabledAt: null, version: 3 });
    expect((await login(demo.login, demo.password)).status).toBe(200);
    expect(auditOf(demo.login).map((r) => r.action)).toEqual(['create', 'sign_in', 'disable', 'sign_in_refused', 'sign_in_failed', 'enable', 'sign_in']);
  });

  it('an account cannot disable itself, and the last enabled administrator cannot lose its role', async () => {
    const self = await admin.call('POST', `/api/accounts/${DEMO_ACCOUNTS.admin.login}/disable`);
    expect([self.status, self.body.error.code]).toEqual([409, 'own_account']);
    const demote = await admin.call('PATCH', `/api/accounts/${DEMO_ACCOUNTS.admin.login}`, { role: 'municipality', scope: ['99'] });
    expect([demote.status, demote.body.error.code]).toEqual([409, 'last_admin']);
    expect(demote.body.error.message).toContain('last enabled administrator');

    // With a second administrator, one may go; then the other is the last.
    const second = (await admin.call('POST', '/api/accounts', { login: 'second-admin', role: 'admin', scope: [] })).body;
    const root2 = await signIn(app, 'second-admin', second.password);
    expect((await root2.call('PATCH', `/api/accounts/${DEMO_ACCOUNTS.admin.login}`, { role: 'municipality', scope: ['99'] })).status).toBe(200);
    expect((await root2.call('PATCH', '/api/accounts/second-admin', { role: 'facility', scope: [AJISAI] })).status).toBe(409);
    // A disabled administrator is not one who can still sign in.
    expect((await root2.call('PATCH', `/api/accounts/${DEMO_ACCOUNTS.admin.login}`, { role: 'admin' })).body.account).toMatchObject({ role: 'admin', scope: [] });
    expect((await root2.call('POST', `/api/accounts/${DEMO_ACCOUNTS.admin.login}/disable`)).status).toBe(200);
    expect((await root2.call('PATCH', '/api/accounts/second-admin', { role: 'municipality', scope: ['99'] })).status).toBe(409);
  });
});

describe('a new password', () => {
  it('replaces the old one, which fails from then on, and ends the sessions', async () => {
    const demo = DEMO_ACCOUNTS.institution;
    const hospital = await signInAs(app, 'institution');
    const res = await admin.call('POST', `/api/accounts/${demo.login}/reset-password`);
    expect(res.status).toBe(200);
    expect(passwordProblem(res.body.password)).toBeNull();
    expect((await hospital.call('GET', '/api/auth/me')).body.user).toBeNull();
    expect((await login(demo.login, demo.password)).status).toBe(401);
    expect((await login(demo.login, res.body.password)).status).toBe(200);
    const audit = auditOf(demo.login).filter((r) => r.action === 'reset_password');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(res.body.password);
  });
});

describe('assigning a role and scope', () => {
  it('changes them, guarded by the version when one is sent, and audits before and after', async () => {
    const res = await admin.call('PATCH', '/api/accounts/demo-facility', { role: 'institution', scope: [HOSPITAL], version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ role: 'institution', scope: [HOSPITAL], version: 2 });
    expect((await admin.call('PATCH', '/api/accounts/demo-facility', { role: 'facility', scope: [AJISAI], version: 1 })).status).toBe(409);
    // A role whose scope the old one does not fit names the scope.
    const misfit = await admin.call('PATCH', '/api/accounts/demo-facility', { role: 'municipality' });
    expect([misfit.status, misfit.body.error.issues[0].path]).toEqual([400, 'scope']);
    expect((await admin.call('PATCH', '/api/accounts/demo-facility', {})).status).toBe(400);
    expect((await admin.call('PATCH', '/api/accounts/nobody', { scope: [AJISAI] })).status).toBe(404);
    const update = auditOf('demo-facility').find((r) => r.action === 'update')!;
    expect(JSON.parse(update.before!)).toEqual({ role: 'facility', scope: [AJISAI] });
    expect(JSON.parse(update.after!)).toEqual({ role: 'institution', scope: [HOSPITAL] });
  });
});

describe('an officer manages the accounts of its area only', () => {
  it('creates facility, institution and municipality accounts within its area, never an administrator or one outside', async () => {
    const officer = await signInAs(app, 'municipality');
    const made = async (body: object) => (await officer.call('POST', '/api/accounts', body)).status;
    expect(await made({ login: 'ajisai-2', role: 'facility', scope: [AJISAI] })).toBe(201);
    expect(await made({ login: 'hamada-2', role: 'institution', scope: [HOSPITAL] })).toBe(201);
    expect(await made({ login: 'city-2', role: 'municipality', scope: ['991007'] })).toBe(201);
    expect(await made({ login: 'pref-2', role: 'municipality', scope: ['99'] })).toBe(201);
    const users = userRows();
    const admin403 = await officer.call('POST', '/api/accounts', { login: 'root-2', role: 'admin', scope: [] });
    expect([admin403.status, admin403.body.error.message]).toEqual([403, 'demo-pref (municipality) may not make an account an administrator']);
    expect(await made({ login: 'tokyo-2', role: 'municipality', scope: ['13'] })).toBe(403);
    expect(await made({ login: 'tokyo-3', role: 'municipality', scope: ['131016'] })).toBe(403);
    // A 事業所番号 the data does not know lies in no area.
    expect(await made({ login: 'nowhere-2', role: 'facility', scope: ['9999999999'] })).toBe(403);
    expect(userRows()).toEqual(users);

    // A city's officer manages its own city's accounts, not the prefecture's.
    const city = await signIn(app, 'city-2', (await admin.call('POST', '/api/accounts/city-2/reset-password')).body.password);
    expect((await city.call('POST', '/api/accounts', { login: 'ajisai-3', role: 'facility', scope: [AJISAI] })).status).toBe(201);
    expect((await city.call('POST', '/api/accounts', { login: 'pref-3', role: 'municipality', scope: ['99'] })).status).toBe(403);
    expect((await city.call('POST', '/api/accounts', { login: 'town-3', role: 'municipality', scope: ['992020'] })).status).toBe(403);
    expect((await city.call('POST', '/api/accounts/demo-pref/disable')).status).toBe(403);
  });

  it('lists the accounts whose whole scope lies in its area, never an administrator, and may not change others', async () => {
    await addAccount(db, { login: 'tokyo-officer', role: 'municipality', scope: ['13'], password: 'tokyo-officer-pw' }, 'test');
    await addAccount(db, { login: 'two-places', role: 'municipality', scope: ['991007', '131016'], password: 'two-places-pw' }, 'test');
    const officer = await signInAs(app, 'municipality');
    const listed = (await officer.call('GET', '/api/accounts')).body.accounts.map((a: any) => a.login);
    expect(listed).toEqual(['demo-facility', 'demo-hospital', 'demo-pref']);
    const tokyo = await signIn(app, 'tokyo-officer', 'tokyo-officer-pw');
    // 東京都 is not in the demo data: its area holds no account the data can place, not even its own.
    expect((await tokyo.call('GET', '/api/accounts')).body.accounts).toEqual([]);
    for (const path of ['/api/accounts/demo-facility/disable', '/api/accounts/demo-facility/reset-password', '/api/accounts/demo-facility/enable']) {
      expect((await tokyo.call('POST', path)).status, path).toBe(403);
    }
    expect((await tokyo.call('PATCH', '/api/accounts/demo-facility', { scope: [AJISAI] })).status).toBe(403);
    // The demo officer may not touch an administrator, nor move an account of its area out of it.
    expect((await officer.call('POST', '/api/accounts/demo-admin/reset-password')).status).toBe(403);
    expect((await officer.call('PATCH', '/api/accounts/demo-facility', { role: 'municipality', scope: ['13'] })).status).toBe(403);
    expect((await officer.call('PATCH', '/api/accounts/demo-facility', { role: 'admin' })).status).toBe(403);
    expect((await officer.call('POST', '/api/accounts/demo-facility/disable')).status).toBe(200);
  });

  it('refuses facility and institution staff and anonymous callers', async () => {
    const facility = await signInAs(app, 'facility');
    expect((await facility.call('GET', '/api/accounts')).status).toBe(403);
    expect((await facility.call('POST', '/api/accounts', { login: 'x-staff', role: 'facility', scope: [AJISAI] })).status).toBe(403);
    expect((await facility.call('POST', '/api/accounts/demo-facility/reset-password')).status).toBe(403);
    expect((await app.request('/api/accounts')).status).toBe(401);
  });
});
