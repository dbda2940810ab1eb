import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInput } from '../../server/errors';
import { createApp } from '../../server/app';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import { EngineStore } from '../../server/features/engine/engine-store';
import { VersionMemo } from '../../server/features/engine/version-memo';
import { demoApp, demoDb, tableCounts, TEST_NOW, type TestApp } from '../helpers/db';
import { signInAs } from '../helpers/session';

/**
 * No request can stall the server with its body: a body is capped before it is read (413), and it is
 * read only once the caller may make the call at all (401 for anonymous, 403 for the wrong role).
 */
describe('bodies are checked before they are read', () => {
  it('refuses anonymous writes and wrong roles before parsing the body', async () => {
    const { app } = await demoApp();
    const hospital = await signInAs(app, 'institution');
    const malformed = { method: 'PUT', body: '{', headers: { 'content-type': 'application/json' } };
    expect((await app.request('/api/facilities/9971600862-510/seeking', malformed)).status).toBe(401);
    expect((await app.request('/api/requests', { ...malformed, method: 'POST' })).status).toBe(401);
    // A hospital may not change what a facility seeks: 403, whatever the body.
    expect((await hospital.request('/api/facilities/9971600862-510/seeking', malformed)).status).toBe(403);
    // Answers to a signed-in user are never cached by anyone in between; public ones may be.
    expect((await hospital.request('/api/institutions/9910110130')).headers.get('cache-control')).toBe('no-store');
    expect((await hospital.request('/api/facilities/9971600862-510/filing.xlsx')).headers.get('cache-control')).toBe('no-store');
    // An officer can never act for a facility: refused before the body naming it is read.
    const officer = await signInAs(app, 'municipality');
    expect((await officer.request('/api/requests', { ...malformed, method: 'POST' })).status).toBe(403);
  });

  it('refuses a JSON body over 64 KB with 413 naming the body, and writes nothing', async () => {
    const { db, app } = await demoApp();
    const staff = await signInAs(app, 'facility');
    const counts = tableCounts(db);
    const big = JSON.stringify({ facilityId: '9971600862-510', institutionCode: '9910100015', requirements: ['admit'], message: 'x'.repeat(70_000) });
    const res = await staff.request('/api/requests', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', issues: [{ path: 'body' }] } });
    const login = await app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login: 'x'.repeat(80_000), password: 'y' }), headers: { 'content-type': 'application/json' } });
    expect(login.status).toBe(413);
    expect(tableCounts(db)).toEqual(counts);
  });
  it('lets a 届出書 workbook of a few hundred KB through to the intake', async () => {
    const { app } = await demoApp();
    const officer = await signInAs(app, 'admin');
    const res = await officer.request('/api/filings?fileName=big.xlsx', { method: 'POST', body: new Uint8Array(300_000) });
    // Not refused for its size: read, and refused as not a 届出書.
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('big.xlsx');
  });
});

describe('bounded inputs and short errors', () => {
  it('refuses a long array with a short error, and never lists more than 20 issues', async () => {
    const { app } = await demoApp();
    const staff = await signInAs(app, 'facility');
    const res = await staff.call('POST', '/api/requests', { facilityId: '9971600862-510', institutionCode: '9910110130', requirements: Array(5000).fill('admit') });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
    expect(res.body.error.message).toMatch(/at most 3 requirements/);
    const fifty = z.array(z.number()).safeParse(Array(50).fill('x'));
    const failure = invalidInput(fifty.error!, 'body');
    expect(failure.issues).toHaveLength(21);
    expect(failure.issues!.at(-1)).toEqual({ path: 'body', message: 'and 30 more issues' });
  });
});

describe('a 届出書 upload is checked before its workbook is parsed', () => {
  it('refuses a zip bomb, an archive of many entries and a sheet reaching A1048576 with 413', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const { app } = await demoApp();
    const officer = await signInAs(app, 'admin');
    const send = (bytes: Uint8Array) => officer.request('/api/filings?fileName=odd.xlsx', { method: 'POST', body: Buffer.from(bytes) });
    const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/big.bin': new Uint8Array(120 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1_000_000);
    const b = await send(bomb);
    expect(b.status).toBe(413);
    expect(JSON.stringify(await b.json())).toMatch(/unpacks to 120 MB/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`x/${i}.xml`, strToU8('<a/>')])));
    expect((await send(many)).status).toBe(413);
    const far = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>') });
    const f = await send(far);
    expect(f.status).toBe(413);
    expect(JSON.stringify(await f.json())).toMatch(/row 1048576/);
  }, 30_000);
});

describe('parallel password guessing', () => {
  it('checks at most 5 of 60 parallel wrong passwords for one login; the rest wait with 429', async () => {
    const { app } = await demoApp();
    const tries = await Promise.all(
      Array.from({ length: 60 }, () => app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login: 'demo-admin', password: 'not-the-password' }), headers: { 'content-type': 'application/json' } })),
    );
    const statuses = tries.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(55);
  }, 60_000);
});

describe('over a real socket', () => {
  it('answers a 20 MB body with 413 before reading it, while /api/health keeps answering; refuses a foreign Host with 421', async () => {
    const { request } = await import('node:http');
    const { startServer } = await import('../../server/main');
    const { parseConfig } = await import('../../server/env');
    const server = await startServer(parseConfig({ DATABASE_PATH: ':memory:', PORT: '0', LOAD_DEMO: '0', WEB_DIST: 'no-web-build', PUBLIC_HOSTS: 'renkei.example.jp' }), () => {});
    try {
      const { hostname, port } = new URL(server.url);
      /** One request; with `stream`, a 20 MB body written a megabyte at a time, as a slow client would. */
      const send = (path: string, init: { method?: string; headers?: Record<string, string> }, stream = false) =>
        new Promise<{ status: number; sentBeforeAnswer: number; body: string }>((resolve, reject) => {
          let sent = 0;
          // A connection of its own each: a kept-alive one could still owe the server a refused body.
          const req = request({ hostname, port, path, method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
            const sentBeforeAnswer = sent;
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => {
              // The client hangs up once answered: the server is never left waiting for the rest of a body.
              req.destroy();
              resolve({ status: res.statusCode!, sentBeforeAnswer, body: text });
            });
          });
          req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
          if (!stream) return void req.end();
          void (async () => {
            const chunk = Buffer.alloc(1024 * 1024, 0x5b);
            for (let i = 0; i < 20 && !req.destroyed; i++) {
              sent += chunk.length;
              if (!req.write(chunk)) await new Promise((r) => req.once('drain', r).once('close', r));
            }
            req.end();
          })();
        });
      const twentyMb = send('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, true);
      const health = await send('/api/health', {});
      const big = await twentyMb;
      expect(big.status).toBe(413);
      expect(big.sentBeforeAnswer).toBeLessThan(20 * 1024 * 1024);
      expect(health.status).toBe(200);
      // The same with a declared length: refused from the header alone.
      const declared = await send('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(20 * 1024 * 1024) } });
      expect(declared.status).toBe(413);
      // DNS rebinding: a page on another site whose name points here is not served.
      const foreign = await send('/api/health', { headers: { host: 'attacker.example' } });
      expect(foreign.status).toBe(421);
      expect(foreign.body).toMatch(/PUBLIC_HOSTS/);
      expect((await send('/', { headers: { host: 'attacker.example:8787' } })).status).toBe(421);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'renkei.example.jp']) expect((await send('/api/health', { headers: { host } })).status).toBe(200);
      // The server's own requests (its start-up warm-up, through app.request) carry no Host header.
      const { createApp: make } = await import('../../server/app');
      const { memoryDb } = await import('../helpers/db');
      expect((await make({ db: memoryDb(), hosts: ['127.0.0.1', 'localhost'] }).request('/api/health')).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('what the tool cannot hold is refused', () => {
  it('refuses the year 0000, deadlines of authorities that do not exist and text with a lone surrogate', async () => {
    const { db, app } = await demoApp();
    const staff = await signInAs(app, 'facility');
    const admin = await signInAs(app, 'admin');
    const counts = tableCounts(db);
    const meeting = await staff.call('POST', '/api/facilities/9971600862-510/meetings', { institutionCode: '9910110130', heldOn: '0000-01-01', electronicSharing: true });
    expect(meeting.status).toBe(400);
    expect(meeting.body.error.message).toMatch(/heldOn: Expected a date YYYY-MM-DD from 1900 to 2099, got "0000-01-01"/);
    // 東京都 (130001) is a real code, but no 東京都 facility is loaded; a ward files with its city.
    const tokyo = await admin.call('PUT', '/api/filings/deadlines/130001/2026', { dueOn: '2026-10-31' });
    expect(tokyo.status).toBe(404);
    expect(tokyo.body.error.message).toMatch(/designating authority.*130001/);
    // JSON can carry half of a surrogate pair ("\ud83d" alone): no file, screen or database can hold it.
    const broken = await staff.request('/api/requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"facilityId":"9971600862-510","institutionCode":"9910110130","requirements":["admit"],"message":"ご相談\\ud83d"}' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { issues: [{ path: 'message', message: expect.stringMatching(/lone surrogate/) }] } });
    expect(tableCounts(db)).toEqual(counts);
    // A whole pair (an emoji) is ordinary text.
    const fine = await staff.call('POST', '/api/requests', { facilityId: '9971600862-510', institutionCode: '9910110130', requirements: ['admit'], message: 'ご相談 🙏' });
    expect(fine.status).toBe(201);
    expect((await admin.call('PUT', `/api/filings/deadlines/${(await admin.call('GET', '/api/facilities/9971600862-510')).body.authority.code}/2026`, { dueOn: '2026-10-31' })).status).toBe(200);
  }, 30_000);
});

describe('sign-ins', () => {
  const post = (app: TestApp, body: object, headers: Record<string, string> = {}) =>
    app.request('/api/auth/login', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  it('behind a trusted proxy, counts failures per client (the address the proxy appended), not one lockout for all', async () => {
    const db = await demoDb();
    const proxied = createApp({ db, now: TEST_NOW, trustProxy: true });
    const wrong = { login: 'demo-admin', password: 'not-the-password' };
    // One client fails five times (claiming other addresses in front does not help it) and is locked out…
    for (let i = 0; i < 5; i++) expect((await post(proxied, wrong, { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.7` })).status).toBe(401);
    expect((await post(proxied, wrong, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    // …another client behind the same proxy still signs in.
    expect((await post(proxied, { login: 'demo-admin', password: DEMO_ACCOUNTS.admin.password }, { 'x-forwarded-for': '198.51.100.20' })).status).toBe(200);
    // Without a trusted proxy the header is not believed: everyone is the one socket address.
    const direct = createApp({ db, now: TEST_NOW });
    for (let i = 0; i < 5; i++) await post(direct, wrong, { 'x-forwarded-for': `192.0.2.${i}` });
    expect((await post(direct, wrong, { 'x-forwarded-for': '192.0.2.99' })).status).toBe(429);
  }, 60_000);

  it('audits each sign-in, failure and lockout without moving the data version', async () => {
    const { db, app } = await demoApp();
    const version = (await (await app.request('/api/meta')).json()).dataVersion;
    for (let i = 0; i < 5; i++) await post(app, { login: 'demo-pref', password: `wrong-${i}-password` });
    await post(app, { login: 'demo-facility', password: DEMO_ACCOUNTS.facility.password });
    const admin = await signInAs(app, 'admin');
    const entries = (await admin.call('GET', '/api/audit?entity=user&limit=50')).body.entries as { actor: string; entityId: string; action: string; after: { address: string } }[];
    const of = (login: string) => entries.filter((e) => e.entityId === login && e.action !== 'create').map((e) => e.action);
    expect(of('demo-pref')).toEqual(['locked_out', ...Array(5).fill('sign_in_failed')]);
    expect(of('demo-facility')).toEqual(['sign_in']);
    expect(of('demo-admin')).toEqual(['sign_in']);
    expect(entries.find((e) => e.entityId === 'demo-facility')).toMatchObject({ actor: 'demo-facility', after: { address: 'local' } });
    expect((await (await app.request('/api/meta')).json()).dataVersion).toBe(version);
    expect(db.$client.prepare("select count(*) n from audit_log where action like '%sign_in%' or action like '%locked%'").get()).toEqual({ n: 8 });
  }, 60_000);
});

describe('the per-version cache', () => {
  it('keeps at most its size, dropping the least recently used', async () => {
    const db = await demoDb();
    const memo = new VersionMemo(new EngineStore(db), 3);
    const builds: string[] = [];
    const get = (key: string) => memo.get('2026-11-22', key, () => (builds.push(key), key));
    for (const key of ['a', 'b', 'c', 'a', 'd', 'a', 'b']) get(key);
    // d pushed out b (a had just been used); b came back and pushed out c.
    expect(builds).toEqual(['a', 'b', 'c', 'd', 'b']);
    expect(memo.size).toBe(3);
    for (let m = 1; m <= 180; m++) memo.get('2026-11-22', `reach:${m}`, () => new Map());
    expect(memo.size).toBe(3);
  });
});
