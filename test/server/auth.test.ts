import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { addAccount, AccountError } from '../../server/auth/accounts';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { LOGIN_LIMITS } from '../../server/auth/routes';
import { openDb, type Db } from '../../server/db/client';
import { demoDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

let db: Db;
let clock: Date;
const now = () => clock;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  clock = new Date('2026-11-22T08:00:00+09:00');
  db = await demoDb();
  app = createApp({ db, now });
});

const login = (body: unknown, headers: Record<string, string> = {}, url = 'http://127.0.0.1/api/auth/login') =>
  app.request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const demo = DEMO_ACCOUNTS.facility;
const SEEKING = `/api/facilities/9971600862-510/seeking`;

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('accounts are checked before anything is written', async () => {
    const tries: [Parameters<typeof addAccount>[1], RegExp][] = [
      [{ login: 'a', role: 'admin', scope: [], password: 'long enough pw' }, /--login/],
      [{ login: 'officer', role: 'municipality', scope: [], password: 'long enough pw' }, /needs a scope/],
      [{ login: 'officer', role: 'municipality', scope: ['991008'], password: 'long enough pw' }, /check digit.*prefecture code/],
      [{ login: 'staff', role: 'facility', scope: ['12345'], password: 'long enough pw' }, /事業所番号/],
      [{ login: 'doctor', role: 'institution', scope: ['9910110131'], password: 'long enough pw' }, /医療機関コード.*check digit/],
      [{ login: 'root', role: 'admin', scope: ['99'], password: 'long enough pw' }, /no scope/],
      [{ login: 'root', role: 'admin', scope: [], password: 'short pass' }, /at least 12/],
      [{ login: 'root', role: 'admin', scope: [], password: 'Qwerty123456' }, /most often guessed/],
      [{ login: DEMO_ACCOUNTS.admin.login, role: 'admin', scope: [], password: 'long enough pw' }, /already exists/],
    ];
    const users = () => db.$client.prepare('select count(*) n from users').get();
    const before = users();
    for (const [account, message] of tries) await expect(addAccount(db, account, 'test')).rejects.toThrow(message);
    await expect(addAccount(db, tries[0]![0], 'test')).rejects.toBeInstanceOf(AccountError);
    expect(users()).toEqual(before);
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie (Secure behind https) and returns the CSRF token', async () => {
    const res = await login({ login: demo.login, password: demo.password });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ user: { login: demo.login, role: 'facility', scope: ['9971600862'] }, csrfToken: expect.any(String) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^renkei_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const https = await login({ login: demo.login, password: demo.password }, {}, 'https://renkei.example.jp/api/auth/login');
    expect(https.headers.get('set-cookie')).toContain('Secure');
    // Behind a proxy only when told to trust it.
    expect((await login({ login: demo.login, password: demo.password }, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).not.toContain('Secure');
    const proxied = createApp({ db, now, trustProxy: true });
    const res2 = await proxied.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login: demo.login, password: demo.password }), headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' } });
    expect(res2.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers a wrong password and an unknown login alike', async () => {
    const wrong = await login({ login: demo.login, password: 'not-the-password' });
    const unknown = await login({ login: 'nobody', password: 'not-the-password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await login({ login: demo.login })).status).toBe(400);
  });

  it(`stops a login after ${LOGIN_LIMITS.perLogin} failures, even with the right password, until the window passes`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.perLogin; i++) expect((await login({ login: demo.login, password: `guess-${i}` })).status).toBe(401);
    const blocked = await login({ login: demo.login, password: demo.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same place still may (up to the per-address limit).
    expect((await login({ login: DEMO_ACCOUNTS.admin.login, password: DEMO_ACCOUNTS.admin.password })).status).toBe(200);
    clock = new Date(clock.getTime() + LOGIN_LIMITS.windowMs + 1000);
    expect((await login({ login: demo.login, password: demo.password })).status).toBe(200);
  });

  it('ends at sign-out and after 12 hours', async () => {
    const s = await signInAs(app, 'facility');
    expect((await s.call('GET', '/api/auth/me')).body.user.login).toBe(demo.login);
    expect((await s.call('GET', '/api/facilities/9971600862-510/requests')).status).toBe(200);
    clock = new Date(clock.getTime() + 12 * 3600_000 + 1);
    expect((await s.call('GET', '/api/auth/me')).body).toEqual({ user: null });
    expect((await s.call('GET', '/api/facilities/9971600862-510/requests')).status).toBe(401);
    const again = await signInAs(app, 'facility');
    expect((await again.call('POST', '/api/auth/logout')).status).toBe(200);
    expect((await again.call('GET', '/api/facilities/9971600862-510/requests')).status).toBe(401);
  });
});

describe('cross-site protection', () => {
  it('refuses an unsafe request of a session without its CSRF token, or from another site', async () => {
    const s = await signInAs(app, 'facility');
    const version = (await s.call('GET', '/api/facilities/9971600862-510')).body.version;
    const put = (headers: Record<string, string>) => app.request(SEEKING, { method: 'PUT', body: JSON.stringify({ seeking: ['admit'], version }), headers: { 'content-type': 'application/json', ...headers } });
    const missing = await put({ cookie: s.headers.cookie! });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as any).error).toMatchObject({ code: 'csrf', issues: [{ path: 'x-csrf-token' }] });
    expect((await put({ cookie: s.headers.cookie!, 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await put({ ...s.headers, origin: 'https://evil.example' })).status).toBe(403);
    expect((await put({ ...s.headers, origin: 'http://localhost' })).status).toBe(200);
  });

  it('sends secure headers, and no CORS headers unless an origin is configured', async () => {
    const res = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const open = createApp({ db, now, corsOrigins: ['https://partner.example.jp'] });
    const pre = await open.request('/api/health', { method: 'OPTIONS', headers: { origin: 'https://partner.example.jp', 'access-control-request-method': 'PUT' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://partner.example.jp');
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await open.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('npm run user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-user-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], input = '') => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], { input, encoding: 'utf8', env: { ...process.env, DATABASE_PATH: join(dir, 'u.db') } });

  it('adds an account with the password from standard input, lists it, and the account can sign in', async () => {
    const added = run(['add', '--role', 'municipality', '--scope', '31', '--login', 'tottori-pref'], 'a long secret phrase\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added municipality account "tottori-pref" for 31');
    expect(run(['list']).stdout).toMatch(/tottori-pref\s+municipality\s+31/);
    const bad = run(['add', '--role', 'facility', '--scope', '123', '--login', 'x-staff'], 'a long secret phrase\n');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--scope');
    const userDb = openDb(join(dir, 'u.db'));
    const res = await createApp({ db: userDb }).request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login: 'tottori-pref', password: 'a long secret phrase' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    const audit = userDb.$client.prepare("select actor, entity, action from audit_log where entity = 'user'").all();
    expect(audit).toEqual([
      { actor: expect.stringMatching(/^cli:/), entity: 'user', action: 'create' },
      { actor: 'tottori-pref', entity: 'user', action: 'sign_in' },
    ]);
    userDb.$client.close();
    expect(run(['remove', '--login', 'tottori-pref']).stdout).toContain('Removed');
    expect(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', 'list'], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: join(dir, 'u.db') } })).not.toContain('tottori-pref');
  }, 60_000);
});
