import { describe, expect, it } from 'vitest';
import { demoApp, tableCounts } from '../helpers/db';
import { signInAs } from '../helpers/session';

/** One filing per facility and year: a corrected upload replaces it through the command path, by version. */
describe('replacing a received 届出書', () => {
  it('asks for the version of the filing it replaces, refuses a stale one, and keeps one filing', async () => {
    const { db, app } = await demoApp();
    const officer = await signInAs(app, 'admin');
    const id = '9971600862-510';
    const xlsx = Buffer.from(await (await officer.request(`/api/facilities/${id}/filing.xlsx?fiscalYear=2026&submittedOn=2026-11-20`)).arrayBuffer());
    const upload = (query = '') => officer.request(`/api/filings?fileName=ajisai.xlsx${query}`, { method: 'POST', body: xlsx });
    const first = await upload();
    expect(first.status).toBe(201);
    const made = (await first.json()) as { id: number; version: number };
    expect(made.version).toBe(1);
    // Again without saying what it replaces: 409, naming the filing and its version.
    const again = await upload();
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain(`replaces=${made.id}&version=1`);
    const replaced = await upload(`&replaces=${made.id}&version=1`);
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: made.id, version: 2, replaced: true });
    // Someone else's stale copy: 409, nothing changed.
    const counts = tableCounts(db);
    expect((await upload(`&replaces=${made.id}&version=1`)).status).toBe(409);
    expect(tableCounts(db)).toEqual(counts);
    expect(db.$client.prepare("select count(*) n from filings where care_office_number = '9971600862'").get()).toEqual({ n: 1 });
    expect((await upload('&replaces=5')).status).toBe(400);
  });
});
