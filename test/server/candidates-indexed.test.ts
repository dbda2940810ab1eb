import { describe, expect, it } from 'vitest';
import { rankByScan } from '../../server/domain/engine/candidates';
import { EngineStore } from '../../server/features/engine/engine-store';
import { candidateQuery } from '../../server/features/facilities/candidates-query';
import { demoApp } from '../helpers/db';

/** The route runs the index: its answer is the full scan's, top results, counts and exclusions alike. */
describe('GET /api/facilities/:id/candidates runs the indexed engine', () => {
  it('returns the same top results, totalInRange and excluded as a scan of every institution', async () => {
    const { db, app } = await demoApp();
    const snap = new EngineStore(db).get('2026-11-22');
    const sample = snap.facilities.filter((_, k) => k % 4 === 0);
    expect(sample.length).toBeGreaterThan(25);
    let compared = 0;
    for (const f of sample) {
      for (const maxMinutes of [20, 60]) {
        const body = (await (await app.request(`/api/facilities/${f.id}/candidates?maxMinutes=${maxMinutes}&limit=8`)).json()) as any;
        const scan = rankByScan(candidateQuery(snap, snap.facilityById.get(f.id)!, maxMinutes, 8), snap.institutions);
        expect(body.candidates.map((c: any) => [c.code, c.score.total]), `${f.id} ${maxMinutes}`).toEqual(scan.candidates.map((c) => [c.code, c.score.total]));
        expect({ totalInRange: body.totalInRange, excluded: body.excluded }, f.id).toEqual({ totalInRange: scan.totalInRange, excluded: scan.excluded });
        compared += scan.candidates.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
