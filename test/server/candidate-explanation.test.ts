import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { rankByScan, scanCandidates } from '../../server/domain/engine/candidates';
import { EngineStore, type EngineSnapshot } from '../../server/features/engine/engine-store';
import { candidateQuery } from '../../server/features/facilities/candidates-query';
import { withMedicalCheckDigit } from '../../server/domain/identifiers';
import { demoApp, type TestApp } from '../helpers/db';

let db: Db;
let app: TestApp;
let snap: EngineSnapshot;
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
};
beforeAll(async () => {
  ({ db, app } = await demoApp());
  snap = new EngineStore(db).get('2026-11-22');
});
const seeking = () => snap.facilities.filter((f) => f.required & ~f.met);

describe('candidates with the weights a user moved', () => {
  it('are the engine’s own ranking for those weights (the scan of every institution), best `limit` only', async () => {
    const weights = { travel: 2.8, coverage: 0.5, load: 2, a253: 1.5, willingness: 0 };
    const query = Object.entries(weights).map(([k, v]) => `${k}Weight=${v}`).join('&');
    let compared = 0;
    for (const f of seeking().slice(0, 25)) {
      const { status, body } = await get(`/api/facilities/${f.id}/candidates?maxMinutes=45&limit=8&${query}`);
      expect(status).toBe(200);
      expect(body.weights).toEqual(weights);
      const q = { ...candidateQuery(snap, snap.facilityById.get(f.id)!, 45, 8), weights };
      const scan = scanCandidates(q, snap.institutions).ranked.slice(0, 8);
      expect(body.candidates.map((c: any) => [c.code, c.score.total]), f.id).toEqual(scan.map((c) => [c.code, Math.round(c.total * 1000) / 1000 + 0]));
      compared += scan.length;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('holds what the list shows and nothing more: no address, offers levels or re-weighting inputs', async () => {
    const f = seeking()[0]!;
    const { body } = await get(`/api/facilities/${f.id}/candidates?maxMinutes=60`);
    expect(body.candidates).toHaveLength(20);
    expect(Object.keys(body.candidates[0]).sort()).toEqual(
      ['a253', 'acrossWater', 'code', 'covers', 'currentPartner', 'distanceKm', 'institution', 'minutes', 'remaining', 'score'].sort(),
    );
    expect(Object.keys(body.candidates[0].institution).sort()).toEqual(
      ['activePartners', 'code', 'kind', 'lat', 'lng', 'maxPartners', 'name', 'phone'].sort(),
    );
  });

  it('refuses a weight out of range, naming the parameter', async () => {
    const f = seeking()[0]!;
    const { status, body } = await get(`/api/facilities/${f.id}/candidates?travelWeight=4`);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('travelWeight: expected a number from 0 to 3');
  });
});

describe('GET /api/facilities/:id/candidates/:code — one candidate explained', () => {
  it('gives each listed candidate its rank in the list, the same score, and the inputs of every part', async () => {
    const f = seeking().find((x) => x.a253Type)!;
    const list = (await get(`/api/facilities/${f.id}/candidates?maxMinutes=60&limit=10&travelWeight=2`)).body;
    expect(list.candidates.length).toBeGreaterThan(3);
    for (const [k, c] of (list.candidates as any[]).entries()) {
      const { status, body } = await get(`/api/facilities/${f.id}/candidates/${c.code}?maxMinutes=60&travelWeight=2`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ standing: 'candidate', rank: k + 1, candidate: c });
      const e = body.explanation;
      expect(e.travel).toMatchObject({ km: c.distanceKm, minutes: c.minutes, maxMinutes: 60 });
      expect(e.weights.travel).toBe(2);
      // What it gives of each searched requirement is what the list's chips say.
      const searched = e.requirements.filter((r: any) => r.searched);
      expect(searched.filter((r: any) => r.gives === 'offered').map((r: any) => r.requirement)).toEqual(c.covers.offered);
      expect(searched.filter((r: any) => r.gives === 'eligible_only').map((r: any) => r.requirement)).toEqual(c.covers.eligibleOnly);
      expect(e.a253.earned).toBe(c.a253);
      if (e.offers.declared === null) expect(e.offers.notifications.length + (c.covers.eligibleOnly.length > 0 ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('says why an institution is not a candidate: beyond reach, or it gives nothing missing', async () => {
    const f = seeking()[0]!;
    const q = candidateQuery(snap, snap.facilityById.get(f.id)!, 10, 500);
    const inRange = new Set(rankByScan(q, snap.institutions).candidates.map((c) => c.code));
    const far = snap.institutions.find((x) => !inRange.has(x.code) && (x.offers & q.missing) !== 0 && x.willingness !== 'not_accepting' && x.maxPartners === null);
    expect(far).toBeDefined();
    const { body } = await get(`/api/facilities/${f.id}/candidates/${far!.code}?maxMinutes=10`);
    expect(body).toMatchObject({ standing: 'beyond_reach', rank: null, candidate: null });
    expect(body.explanation.travel.minutes).toBeGreaterThan(10);
  });

  it('answers 404 for an institution the data does not hold and 400 for a malformed code', async () => {
    const f = seeking()[0]!;
    expect((await get(`/api/facilities/${f.id}/candidates/${withMedicalCheckDigit('991999999')}`)).status).toBe(404);
    expect((await get(`/api/facilities/${f.id}/candidates/abc`)).status).toBe(400);
    expect((await get(`/api/facilities/9999999999-510/candidates/${snap.institutions[0]!.code}`)).status).toBe(404);
  });
});
