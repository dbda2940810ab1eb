import { describe, expect, it } from 'vitest';
import { bestCombinations, compareCombinations, reachable, type Combination, type CombinationQuery, type Member } from '../../../server/domain/engine/combinations';
import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKm } from '../../../server/domain/geo';
import type { EngineInstitution } from '../../../server/domain/engine/model';
import { InstitutionIndex } from '../../../server/domain/engine/spatial';
import { randomInstitutions, rng } from '../../helpers/random-instances';

/** Every set of ≤ 3 reachable institutions, kept when minimal and covering `target`. */
function bruteForce(q: CombinationQuery, insts: readonly EngineInstitution[], target: Mask): Combination[] {
  const members: Member[] = insts.flatMap((inst, i) => {
    const km = haversineKm(q.origin, [inst.lng, inst.lat]);
    const minutes = estimateDriveMinutes(km, DEFAULT_TRAVEL_MODEL);
    const gives = inst.offers & q.missing;
    return gives !== 0 && minutes <= q.maxMinutes && reachable(q, inst) ? [{ i, code: inst.code, gives, km, minutes }] : [];
  });
  const out: Combination[] = [];
  const n = members.length;
  const check = (set: Member[]) => {
    const union = set.reduce((u, m) => u | m.gives, 0);
    if ((union & target) !== target) return;
    if (!set.every((_, k) => (set.reduce((u, m, j) => (j === k ? u : u | m.gives), 0) & target) !== target)) return;
    out.push({ members: [...set].sort((a, b) => a.minutes - b.minutes || (a.code < b.code ? -1 : 1)), worstMinutes: Math.max(...set.map((m) => m.minutes)), totalMinutes: set.reduce((s, m) => s + m.minutes, 0), covers: union });
  };
  for (let a = 0; a < n; a++) {
    check([members[a]!]);
    for (let b = a + 1; b < n; b++) {
      check([members[a]!, members[b]!]);
      for (let c = b + 1; c < n; c++) check([members[a]!, members[b]!, members[c]!]);
    }
  }
  return out.sort(compareCombinations);
}
type Mask = number;

const summary = (cs: Combination[]) => cs.map((c) => `${c.members.map((m) => m.code).join('+')} ${c.worstMinutes.toFixed(6)} ${c.totalMinutes.toFixed(6)}`);

describe('best combinations', () => {
  it('match brute force over every set of ≤ 3 institutions, on 200 random instances', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const insts = randomInstitutions(seed + 1000, r.int(5, 40), 18);
      const q: CombinationQuery = {
        origin: [134.2 + (r.next() - 0.5) * 0.2, 35.5 + (r.next() - 0.5) * 0.2],
        missing: r.int(1, 7),
        landmass: r.pick(['main', null]),
        partnerCodes: new Set(insts.filter(() => r.next() < 0.05).map((i) => i.code)),
        maxMinutes: r.pick([10, 20, 40]),
        alternatives: r.pick([1, 3, 5]),
      };
      const got = bestCombinations(q, new InstitutionIndex(insts));
      const all = bruteForce(q, insts, q.missing);
      if (all.length > 0) {
        expect(got.uncovered, `seed ${seed}`).toBe(0);
        expect(summary(got.combinations), `seed ${seed}`).toEqual(summary(all.slice(0, q.alternatives)));
      } else {
        // Nothing covers: the best partial set covers everything that any reachable institution gives.
        const partial = bruteForce(q, insts, got.target);
        expect(summary(got.combinations), `seed ${seed} (partial)`).toEqual(summary(partial.slice(0, q.alternatives)));
        expect(got.uncovered | got.target).toBe(q.missing);
      }
    }
  });

  it('prefers the nearest worst member over a smaller total', () => {
    const at = (code: string, km: number, offers: number): EngineInstitution => ({
      code, kind: 'hospital', lng: 134.2 + km / 90.8, lat: 35.5, offers, eligible: 7, declared: false, a253Basis: false, willingness: null, maxPartners: null, activePartners: 0, landmass: null,
    });
    // One full hospital 12 km away vs a clinic 1 km + a ③ hospital 10 km away: the pair's worst is nearer.
    const insts = [at('FULL', 12, 7), at('CLIN', 1, 3), at('ADMIT', 10, 4)];
    const got = bestCombinations({ origin: [134.2, 35.5], missing: 7, landmass: null, partnerCodes: new Set(), maxMinutes: 60, alternatives: 2 }, new InstitutionIndex(insts));
    expect(got.combinations.map((c) => c.members.map((m) => m.code).join('+'))).toEqual(['CLIN+ADMIT', 'FULL']);
  });

  it('returns nothing for an empty region, and what stays missing', () => {
    const got = bestCombinations({ origin: [134.2, 35.5], missing: 7, landmass: null, partnerCodes: new Set(), maxMinutes: 30, alternatives: 3 }, new InstitutionIndex([]));
    expect(got).toEqual({ target: 0, uncovered: 7, combinations: [] });
  });
});
