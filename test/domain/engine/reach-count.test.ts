import { describe, expect, it } from 'vitest';
import { countInRange, rankByScan } from '../../../server/domain/engine/candidates';
import { DEFAULT_TRAVEL_MODEL, maxStraightKmFor } from '../../../server/domain/geo';
import type { CandidateQuery } from '../../../server/domain/engine/score';
import { InstitutionIndex } from '../../../server/domain/engine/spatial';
import { randomInstitutions, rng } from '../../helpers/random-instances';

const KM_PER_DEG_LAT = (6371.0088 * Math.PI) / 180;

/** "How many in range, and how many left out and why" — counted from node boxes, checked against the scan. */
describe('the count of institutions in range', () => {
  it('is exactly the scan’s count on 600 random queries (thousands of institutions, partners, exclusions)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const insts = randomInstitutions(seed, 3000, 80);
      const index = new InstitutionIndex(insts);
      const r = rng(seed * 13);
      for (let k = 0; k < 30; k++) {
        const partners = new Set(insts.filter(() => r.next() < 0.005).map((i) => i.code));
        const q: CandidateQuery = {
          origin: [134.2 + (r.next() - 0.5) * 1.5, 35.5 + (r.next() - 0.5) * 1.2],
          missing: r.int(0, 7),
          a253Type: r.next() < 0.5,
          landmass: r.pick(['main', 'island', null]),
          partnerCodes: partners,
          specialRelationshipCodes: new Set(),
          maxMinutes: r.pick([1, 5, 15, 30, 60, 120, 180]),
          limit: 1,
        };
        const scan = rankByScan(q, insts);
        expect(countInRange(q, index), `seed ${seed} query ${k}`).toEqual({ totalInRange: scan.totalInRange, excluded: scan.excluded });
      }
    }
  });

  it('decides institutions a hair inside and outside the limit as the scan does', () => {
    const origin: [number, number] = [134.2, 35.5];
    const limitKm = maxStraightKmFor(30, DEFAULT_TRAVEL_MODEL);
    const [proto] = randomInstitutions(5, 1);
    // Due north and due east of the facility, at the limit and within a millimetre either side of it.
    const insts = [-1e-6, -1e-9, 0, 1e-9, 1e-6].flatMap((d, k) => [
      { ...proto!, code: `N${k}`, lng: origin[0], lat: origin[1] + (limitKm + d) / KM_PER_DEG_LAT, offers: 3, eligible: 3, declared: false, willingness: null, maxPartners: null },
      { ...proto!, code: `E${k}`, lng: origin[0] + (limitKm + d) / (KM_PER_DEG_LAT * Math.cos((origin[1] * Math.PI) / 180)), lat: origin[1], offers: 3, eligible: 3, declared: false, willingness: null, maxPartners: null },
    ]);
    // Enough filler that the edge points sit in leaves of a real tree.
    const filler = randomInstitutions(6, 500, 20).map((x, k) => ({ ...x, code: `F${k}` }));
    const all = [...insts, ...filler];
    const q: CandidateQuery = { origin, missing: 3, a253Type: false, landmass: null, partnerCodes: new Set(), specialRelationshipCodes: new Set(), maxMinutes: 30, limit: 1 };
    const scan = rankByScan(q, all);
    const counted = countInRange(q, new InstitutionIndex(all));
    expect(counted).toEqual({ totalInRange: scan.totalInRange, excluded: scan.excluded });
    // The edge is real: some of the ten are in and some out.
    const edgeIn = scanCodes(q, all).filter((c) => /^[NE]/.test(c)).length;
    expect(edgeIn).toBeGreaterThan(0);
    expect(edgeIn).toBeLessThan(10);
  });

  it('moves a current partner that takes no one new back in: partners are exempt', () => {
    const [a, b] = randomInstitutions(7, 2).map((x, k) => ({ ...x, code: `P${k}`, lng: 134.2, lat: 35.5, offers: 3, eligible: 3, declared: false, landmass: null }));
    const insts = [{ ...a!, willingness: 'not_accepting' as const, maxPartners: null }, { ...b!, willingness: null, maxPartners: 2, activePartners: 2 }];
    const index = new InstitutionIndex(insts);
    const base: CandidateQuery = { origin: [134.21, 35.5], missing: 1, a253Type: false, landmass: null, partnerCodes: new Set(), specialRelationshipCodes: new Set(), maxMinutes: 30, limit: 5 };
    expect(countInRange(base, index)).toEqual({ totalInRange: 0, excluded: { notAccepting: 1, atCapacity: 1 } });
    expect(countInRange({ ...base, partnerCodes: new Set(['P0', 'P1']) }, index)).toEqual({ totalInRange: 2, excluded: { notAccepting: 0, atCapacity: 0 } });
  });
});

function scanCodes(q: CandidateQuery, insts: Parameters<typeof rankByScan>[1]): string[] {
  return rankByScan({ ...q, limit: insts.length }, insts).candidates.map((c) => c.code);
}
