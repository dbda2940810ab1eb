import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db/client';
import { scanCandidates } from '../../server/domain/engine/candidates';
import { buildSnapshot } from '../../server/features/engine/engine-store';
import { candidateQuery } from '../../server/features/facilities/candidates-query';
import { rerank } from '../../web/src/lib/rerank';
import { DEFAULT_WEIGHTS } from '../../web/src/state/app-state';
import { demoDb } from '../helpers/db';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await demoDb();
  app = createApp({ db, now: () => new Date('2026-11-22T08:00:00+09:00') });
});

describe('re-ranking in the browser with other weights', () => {
  it('gives the engine’s own scores for those weights, from what the API returned', async () => {
    const snap = buildSnapshot(db, '2026-11-22');
    const weights = { ...DEFAULT_WEIGHTS, travel: 4, coverage: 0.5, load: 2, a253: 1.5 };
    let compared = 0;
    for (const f of snap.facilities.filter((x) => x.required & ~x.met).slice(0, 25)) {
      const api = (await (await app.request(`/api/facilities/${f.id}/candidates?maxMinutes=45&limit=500`)).json()) as any;
      const mine = rerank(api.candidates, weights, 45);
      const q = { ...candidateQuery({ ...snap, version: '' }, snap.facilityById.get(f.id)!, 45, 500), weights };
      const engine = scanCandidates(q, snap.institutions).ranked;
      expect(mine.map((m) => m.candidate.code).sort()).toEqual(engine.map((c) => c.code).sort());
      const byCode = new Map(engine.map((c) => [c.code, c.total]));
      // Minutes come rounded to 0.1 from the API: totals agree to within that.
      for (const m of mine) expect(Math.abs(m.total - byCode.get(m.candidate.code)!)).toBeLessThan(0.01);
      const totals = mine.map((m) => m.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      compared += mine.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keeps the server’s order and scores with the default weights', async () => {
    const snap = buildSnapshot(db, '2026-11-22');
    const f = snap.facilities.find((x) => x.required & ~x.met)!;
    const api = (await (await app.request(`/api/facilities/${f.id}/candidates?maxMinutes=30`)).json()) as any;
    expect(rerank(api.candidates, DEFAULT_WEIGHTS, 30).map((r) => [r.candidate.code, r.total])).toEqual(api.candidates.map((c: any) => [c.code, c.score.total]));
  });
});
