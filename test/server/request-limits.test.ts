import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInput } from '../../server/errors';
import { demoApp, tableCounts } from '../helpers/db';
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
