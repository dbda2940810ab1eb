import { describe, expect, it } from 'vitest';
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
