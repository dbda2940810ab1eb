import { describe, expect, it } from 'vitest';
import { demoApp } from '../helpers/db';
import { signInAs } from '../helpers/session';

/** The data version counts changes to data only: a sign-in never rebuilds the read model or moves tile URLs. */
describe('the data version', () => {
  it('stays the same through a sign-in and a sign-out, and moves with a change to the data', async () => {
    const { app } = await demoApp();
    const meta = async () => (await (await app.request('/api/meta')).json()) as { dataVersion: string; tiles?: unknown };
    const before = await meta();
    const staff = await signInAs(app, 'facility');
    await signInAs(app, 'admin');
    expect(await meta()).toEqual(before);
    await staff.call('POST', '/api/auth/logout');
    expect(await meta()).toEqual(before);
    // A wrong password writes an audit entry: still not data.
    await app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login: 'demo-admin', password: 'wrong-password-1' }), headers: { 'content-type': 'application/json' } });
    expect((await meta()).dataVersion).toBe(before.dataVersion);
    const facility = (await (await app.request('/api/facilities?serviceCode=510')).json()) as { features: { properties: { id: string } }[] };
    const id = facility.features[0]!.properties.id;
    const detail = (await (await app.request(`/api/facilities/${id}`)).json()) as { version: number };
    const admin = await signInAs(app, 'admin');
    const res = await admin.call('PUT', `/api/facilities/${id}/seeking`, { seeking: ['admit'], version: detail.version });
    expect(res.status).toBe(200);
    expect((await meta()).dataVersion).not.toBe(before.dataVersion);
  });

  it('is the version of what the read model reads: a request, a meeting or a deadline leaves it, an agreement moves it', async () => {
    const { app } = await demoApp();
    const version = async () => ((await (await app.request('/api/meta')).json()) as { dataVersion: string }).dataVersion;
    const staff = await signInAs(app, 'facility');
    const hospital = await signInAs(app, 'institution');
    const officer = await signInAs(app, 'admin');
    const before = await version();
    const partner = (await staff.call('GET', '/api/facilities/9971600862-510')).body.partners[0].institution.code;
    expect((await staff.call('POST', '/api/facilities/9971600862-510/meetings', { institutionCode: partner, heldOn: '2026-10-01', electronicSharing: true })).status).toBe(201);
    const sent = await staff.call('POST', '/api/requests', { facilityId: '9971600862-510', institutionCode: '9910110130', requirements: ['admit'] });
    expect(sent.status).toBe(201);
    const authority = (await staff.call('GET', '/api/facilities/9971600862-510')).body.authority.code;
    expect((await officer.call('PUT', `/api/filings/deadlines/${authority}/2026`, { dueOn: '2026-10-31' })).status).toBe(200);
    expect(await version()).toBe(before);
    // The acceptance makes an agreement (and changes what the facility seeks): coverage moves, so does the version.
    expect((await hospital.call('POST', `/api/requests/${sent.body.id}/accept`, { version: sent.body.version })).status).toBe(201);
    expect(await version()).not.toBe(before);
  }, 30_000);
});
