import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db/client';
import { osrmTravelTimes } from '../../server/routing/travel-times';
import { demoApp, TEST_NOW, type TestApp } from '../helpers/db';
import { signInAs, type Session } from '../helpers/session';

let db: Db;
let app: TestApp;
/** The demo prefecture's officer: plans are theirs to draw. */
let officer: Session;

beforeAll(async () => {
  ({ db, app } = await demoApp());
  officer = await signInAs(app, 'municipality');
});

async function call(path: string, init?: RequestInit) {
  const res = await officer.request(path, init);
  return { status: res.status, body: (await res.json()) as any };
}
const post = (path: string, body: unknown) => call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const firstId = async (query: string) => (await call(`/api/facilities?${query}`)).body.features.find((f: any) => f.geometry).properties.id as string;

describe('GET /api/facilities/:id/combinations', () => {
  it('lists sets of ≤ 3 institutions covering what is missing, best worst-member time first', async () => {
    const id = await firstId('status=unknown&serviceCode=510&municipality=991007');
    const { status, body } = await call(`/api/facilities/${id}/combinations?maxMinutes=30&alternatives=4`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ missing: null, searchFor: ['consult', 'examine', 'admit'], basis: 'unknown' });
    expect(body.combinations.length).toBeGreaterThan(0);
    expect(body.combinations.length).toBeLessThanOrEqual(4);
    const worst = body.combinations.map((c: any) => c.worstMinutes);
    expect(worst).toEqual([...worst].sort((a: number, b: number) => a - b));
    for (const c of body.combinations) {
      expect(c.covers).toEqual(['consult', 'examine', 'admit']);
      expect(c.members.length).toBeLessThanOrEqual(3);
      for (const m of c.members) if (m.gives.includes('admit')) expect(m.kind).toBe('hospital');
    }
  });

  it('on the island, gives the best partial set and says ③ stays missing', async () => {
    const id = await firstId('municipality=994219&serviceCode=510&status=unknown');
    const { body } = await call(`/api/facilities/${id}/combinations?maxMinutes=30`);
    expect(body.uncovered).toEqual(['admit']);
    expect(body.combinations[0]?.covers).toEqual(['consult', 'examine']);
  });

  it('answers 400 for a bad parameter and 404 for an unknown facility', async () => {
    const id = await firstId('serviceCode=510');
    expect((await call(`/api/facilities/${id}/combinations?alternatives=0`)).body.error.issues[0].path).toBe('alternatives');
    expect((await call('/api/facilities/3151180209-510/combinations')).status).toBe(404);
  });
});

describe('GET /api/institutions/:code/nearby-facilities', () => {
  it('lists facilities within reach lacking what it could give, A253-relevant first', async () => {
    const code = (await call('/api/institutions?offers=admit')).body.features.find((f: any) => f.properties.offers.length === 3).properties.code;
    const { status, body } = await call(`/api/institutions/${code}/nearby-facilities?maxMinutes=30`);
    expect(status).toBe(200);
    expect(body.facilities.length).toBeGreaterThan(0);
    // Seeking first, then the A253-relevant, those earning this hospital A253 first among them.
    const order = body.facilities.map((f: any) => [Number(f.seeking), Number(f.a253Relevant), Number(f.a253)]);
    expect(order).toEqual([...order].sort((x: number[], y: number[]) => y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]!));
    expect(body.facilities.some((f: any) => f.a253Relevant)).toBe(true);
    for (const f of body.facilities) {
      expect(f.minutes).toBeLessThanOrEqual(30);
      expect(f.offered.length + f.eligibleOnly.length).toBeGreaterThan(0);
      if (f.a253) expect(f.a253Relevant).toBe(true);
      if (f.a253Relevant) {
        expect(['特養', '地域密着特養', '老健', '介護医療院']).toContain(f.typeJa);
        expect([...f.offered, ...f.eligibleOnly]).toContain('admit');
      }
    }
  });
  it('lists a facility seeking what the institution gives first, and none as A253-relevant to a clinic', async () => {
    const { app: own } = await demoApp();
    const admin = await signInAs(own, 'admin');
    const get = async (path: string) => (await admin.call('GET', path)).body;
    const code = (await get('/api/institutions?offers=admit')).features.find((f: any) => f.properties.offers.length === 3).properties.code;
    const before = (await get(`/api/institutions/${code}/nearby-facilities?maxMinutes=30&limit=500`)).facilities;
    const last = before.at(-1);
    const { version } = await get(`/api/facilities/${last.facilityId}`);
    expect((await admin.call('PUT', `/api/facilities/${last.facilityId}/seeking`, { seeking: [...last.offered, ...last.eligibleOnly], version })).status).toBe(200);
    const after = (await get(`/api/institutions/${code}/nearby-facilities?maxMinutes=30&limit=500`)).facilities;
    expect(after[0]).toMatchObject({ facilityId: last.facilityId, seeking: true });
    const clinic = (await get('/api/institutions')).features.find((f: any) => f.properties.kind === 'clinic' && f.geometry).properties.code;
    expect((await get(`/api/institutions/${clinic}/nearby-facilities?maxMinutes=30`)).facilities.every((f: any) => !f.a253Relevant)).toBe(true);
  });
  it('answers 404 for an unknown institution', async () => {
    expect((await call('/api/institutions/0110113719/nearby-facilities')).status).toBe(404);
  });
});

describe('GET /api/gaps', () => {
  it('tallies the prefecture by status, with structural gaps and the survey table, consistent with the facility list', async () => {
    const { status, body } = await call('/api/gaps?prefecture=99&maxMinutes=30');
    expect(status).toBe(200);
    const all = (await call('/api/facilities')).body.features;
    expect(body.summary.counts.total).toBe(all.length);
    for (const s of ['covered', 'partial', 'none', 'unknown']) expect(body.summary.counts[s]).toBe(all.filter((f: any) => f.properties.status === s).length);
    expect(body.summary.survey.reduce((s: number, r: any) => s + r.facilities, 0)).toBe(all.length);
    // The island has no hospital: its 義務 facilities are structural gaps for ③.
    const island = body.structuralGaps.filter((g: any) => g.municipalityCode === '994219');
    expect(island.some((g: any) => g.noAdmitHospital && g.unreachable.includes('admit'))).toBe(true);
    expect(body.municipalities.reduce((s: number, m: any) => s + m.counts.total, 0)).toBe(all.length);
  });
  it('narrows to a 政令市 with its wards', async () => {
    const { body } = await call('/api/gaps?municipality=991007');
    const wards = await Promise.all(['991015', '991023', '991031'].map((c) => call(`/api/gaps?municipality=${c}`)));
    expect(body.summary.counts.total).toBe(wards.reduce((s, w) => s + w.body.summary.counts.total, 0));
  });
  it('answers 400 for both scopes at once and 404 for an unknown prefecture', async () => {
    expect((await call('/api/gaps?municipality=991007&prefecture=99')).status).toBe(400);
    expect((await call('/api/gaps?prefecture=47')).status).toBe(404);
  });
});

describe('POST /api/plan', () => {
  it('assigns facilities lacking coverage within capacity and lists who cannot be covered and why', async () => {
    const { status, body } = await post('/api/plan', { prefecture: '99', maxMinutes: 60, defaultCapacity: 2 });
    expect(status).toBe(200);
    const load = new Map<string, number>();
    for (const a of body.assignments) {
      const gives = new Set(a.partners.flatMap((p: any) => p.gives));
      expect(gives.size).toBeGreaterThan(0);
      for (const p of a.partners) load.set(p.code, (load.get(p.code) ?? 0) + 1);
    }
    // No institution (none declared a maximum in the demo) takes more than defaultCapacity new partners.
    expect(Math.max(...load.values())).toBeLessThanOrEqual(2);
    const island = body.uncoverable.filter((u: any) => u.reason === 'no_option');
    expect(island.length).toBeGreaterThan(0);
    expect(island.every((u: any) => u.unreachable.includes('admit'))).toBe(true);
    expect(body.stats.facilities).toBe(body.assignments.length + body.uncoverable.filter((u: any) => u.reason === 'capacity').length);
  });
  it('gives each planned facility its status and municipality, as the facility list has them, for the plan CSV', async () => {
    const { body } = await post('/api/plan', { prefecture: '99', maxMinutes: 60 });
    const listed = new Map<string, any>((await call('/api/facilities')).body.features.map((f: any) => [f.properties.id, f.properties]));
    const planned = [...body.assignments, ...body.uncoverable];
    expect(planned.length).toBeGreaterThan(10);
    for (const a of planned) {
      const f = listed.get(a.facilityId);
      expect(a.status, a.facilityId).toBe(f.status);
      expect(a.municipalityCode, a.facilityId).toBe(f.municipalityCode);
      expect(a.municipalityName, a.facilityId).toEqual(expect.any(String));
    }
    expect(new Set(planned.map((a: any) => a.status))).not.toContain('covered');
  });
  it('rejects a body without exactly one scope, or with a bad number, naming the field', async () => {
    expect((await post('/api/plan', {})).body.error.issues[0].path).toBe('municipality');
    const bad = await post('/api/plan', { prefecture: '99', maxMinutes: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('maxMinutes');
    expect((await post('/api/plan', { prefecture: '99', extra: 1 })).status).toBe(400);
    const notJson = await officer.request('/api/plan', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    // Anonymous: refused before its body is read at all.
    expect((await app.request('/api/plan', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(401);
  });
});

describe('road travel times (ROUTING_URL)', () => {
  let server: Server;
  let url: string;
  const requests: string[] = [];
  beforeAll(async () => {
    // A fake OSRM table service: every destination takes 7 minutes, except the first, 29.
    server = createServer((req, res) => {
      requests.push(req.url!);
      const coords = decodeURIComponent(req.url!.split('/table/v1/driving/')[1]!.split('?')[0]!).split(';');
      const row = coords.map((_, k) => (k === 0 ? 0 : k === 1 ? 29 * 60 : 7 * 60));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 'Ok', durations: [row] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('re-rank the nearest candidates by road time', async () => {
    const road = createApp({ db, now: TEST_NOW, routing: osrmTravelTimes(url) });
    const id = await firstId('status=unknown&serviceCode=510&municipality=991007');
    const plain = (await (await app.request(`/api/facilities/${id}/candidates?limit=5`)).json()) as any;
    const routed = (await (await road.request(`/api/facilities/${id}/candidates?limit=5`)).json()) as any;
    expect(routed.travelSource).toBe('road');
    expect(requests[0]).toMatch(/^\/table\/v1\/driving\/[\d.,;]+\?sources=0&annotations=duration$/);
    // The estimate's best is 29 minutes away by road: it drops in the ranking.
    expect(routed.candidates.find((c: any) => c.code === plain.candidates[0].code)?.minutes ?? 29).toBe(29);
    expect(routed.candidates.filter((c: any) => c.code !== plain.candidates[0].code).every((c: any) => c.minutes === 7)).toBe(true);
  });

  it('fall back to the estimate when the service fails', async () => {
    const broken = createApp({ db, now: TEST_NOW, routing: osrmTravelTimes('http://127.0.0.1:9', 500) });
    const id = await firstId('status=unknown&serviceCode=510');
    const body = (await (await broken.request(`/api/facilities/${id}/candidates`)).json()) as any;
    expect(body.travelSource).toBe('estimate');
    expect(body.candidates.length).toBeGreaterThan(0);
  });
});
