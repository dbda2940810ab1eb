import { describe, expect, it } from 'vitest';
import { rankByScan, rankIndexed } from '../../../server/domain/engine/candidates';
import type { CandidateQuery } from '../../../server/domain/engine/score';
import { InstitutionIndex } from '../../../server/domain/engine/spatial';
import { randomInstitutions, rng } from '../../helpers/random-instances';

describe('indexed candidate ranking', () => {
  it('returns exactly what a scan of every institution returns, on 300 random queries', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const insts = randomInstitutions(seed, 400);
      const index = new InstitutionIndex(insts);
      const r = rng(seed * 7);
      for (let k = 0; k < 10; k++) {
        const partners = new Set(insts.filter(() => r.next() < 0.01).map((i) => i.code));
        const q: CandidateQuery = {
          origin: [134.2 + (r.next() - 0.5) * 0.4, 35.5 + (r.next() - 0.5) * 0.3],
          missing: r.int(1, 7),
          a253Type: r.next() < 0.5,
          landmass: r.pick(['main', 'island', null]),
          partnerCodes: partners,
          specialRelationshipCodes: new Set([...partners].filter(() => r.next() < 0.5)),
          maxMinutes: r.pick([5, 15, 30, 60]),
          limit: r.pick([1, 5, 20]),
        };
        expect(rankIndexed(q, index), `seed ${seed} query ${k}`).toEqual(rankByScan(q, insts).candidates);
      }
    }
  });

  it('flags an institution on another landmass and gives it the full travel penalty', () => {
    const [a] = randomInstitutions(3, 1).map((i) => ({ ...i, lng: 134.2, lat: 35.5, offers: 7, eligible: 7, kind: 'hospital' as const, landmass: 'island', willingness: null, maxPartners: null }));
    const q: CandidateQuery = { origin: [134.21, 35.5], missing: 7, a253Type: false, landmass: 'main', partnerCodes: new Set(), specialRelationshipCodes: new Set(), maxMinutes: 30, limit: 5 };
    const [c] = rankByScan(q, [a!]).candidates;
    expect(c).toMatchObject({ acrossWater: true, score: { parts: { travel: -1.5 } } });
  });

  it('gives A253 only to a 特養/老健/医療院 pair with an A253 basis and no 特別の関係', () => {
    const inst = { ...randomInstitutions(4, 1)[0]!, lng: 134.2, lat: 35.5, offers: 7, eligible: 7, kind: 'hospital' as const, a253Basis: true, willingness: null, maxPartners: null, landmass: null };
    const base: CandidateQuery = { origin: [134.2, 35.5], missing: 4, a253Type: true, landmass: null, partnerCodes: new Set(), specialRelationshipCodes: new Set(), maxMinutes: 30, limit: 1 };
    expect(rankByScan(base, [inst]).candidates[0]?.a253).toBe(true);
    expect(rankByScan({ ...base, a253Type: false }, [inst]).candidates[0]?.a253).toBe(false);
    expect(rankByScan({ ...base, partnerCodes: new Set([inst.code]), specialRelationshipCodes: new Set([inst.code]) }, [inst]).candidates[0]).toMatchObject({ a253: false, score: { parts: { a253: 0 } } });
  });
});
