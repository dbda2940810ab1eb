import { describe, expect, it } from 'vitest';
import { demoApp } from '../helpers/db';
import { signInAs, type Session } from '../helpers/session';

type Counts = Record<'covered' | 'partial' | 'none' | 'unknown', number> & { total: number };
const empty = (): Counts => ({ covered: 0, partial: 0, none: 0, unknown: 0, total: 0 });

/**
 * One truth (issue 17): the list, each detail, /api/gaps and the municipality counts agree for every
 * facility of the demo region — right after a request is accepted, and again after the agreement ends.
 */
async function expectAgreement(admin: Session) {
  const list = (await admin.call('GET', '/api/facilities')).body.features as { properties: { id: string; status: string; missing: string[] | null; municipalityCode: string | null } }[];
  const byId = new Map(list.map((f) => [f.properties.id, f.properties]));
  for (const [id, f] of byId) {
    const { coverage } = (await admin.call('GET', `/api/facilities/${id}`)).body;
    expect({ status: coverage.status, missing: coverage.missing }, id).toEqual({ status: f.status, missing: f.missing });
  }
  const perMunicipality = new Map<string, Counts>();
  const all = empty();
  for (const f of byId.values()) {
    for (const c of [all, ...(f.municipalityCode ? [perMunicipality.get(f.municipalityCode) ?? perMunicipality.set(f.municipalityCode, empty()).get(f.municipalityCode)!] : [])]) {
      c[f.status as keyof Counts]++;
      c.total++;
    }
  }
  const gaps = (await admin.call('GET', '/api/gaps?prefecture=99')).body;
  expect(gaps.summary.counts).toEqual(all);
  for (const m of gaps.municipalities) expect(m.counts, m.code).toEqual(perMunicipality.get(m.code) ?? empty());
  const munis = (await admin.call('GET', '/api/municipalities?geometry=false')).body.features as { properties: { code: string; kind: string; counts: Counts } }[];
  for (const m of munis.filter((x) => x.properties.kind !== 'designated_city')) expect(m.properties.counts, m.properties.code).toEqual(perMunicipality.get(m.properties.code) ?? empty());
  return byId;
}

describe('list, detail, gaps and municipality counts tell one truth', () => {
  it('agree for every facility after a request is accepted and after the agreement is ended', async () => {
    const { app } = await demoApp();
    const admin = await signInAs(app, 'admin');
    await expectAgreement(admin);
    const lacking = (await admin.call('GET', '/api/gaps/facilities?prefecture=99&limit=1000')).body.facilities as { facilityId: string; type: string; missing: string[]; noAdmitHospital: boolean }[];
    const facility = lacking.find((f) => f.missing.includes('admit') && !f.noAdmitHospital)!;
    const candidates = (await admin.call('GET', `/api/facilities/${facility.facilityId}/candidates?maxMinutes=60&limit=50`)).body.candidates as { institution: { code: string; kind: string } }[];
    const hospital = candidates.find((c) => c.institution.kind === 'hospital')!.institution;
    const sent = (await admin.call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['admit'] })).body;
    const accepted = await admin.call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version });
    expect(accepted.status).toBe(201);
    const after = await expectAgreement(admin);
    expect(after.get(facility.facilityId)!.missing).not.toContain('admit');
    const agreement = (await admin.call('GET', `/api/facilities/${facility.facilityId}`)).body.partners.find((p: any) => p.agreementId === accepted.body.agreementId);
    const ended = await admin.call('PATCH', `/api/agreements/${accepted.body.agreementId}`, { version: agreement.version, status: 'ended', endedOn: '2026-11-22' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const again = await expectAgreement(admin);
    expect(again.get(facility.facilityId)!.missing).toContain('admit');
  });
});
