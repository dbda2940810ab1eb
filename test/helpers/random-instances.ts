import type { EngineInstitution } from '../../server/domain/engine/model';

/** A seeded PRNG (mulberry32) for random test instances. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}

const MASKS = [0, 1, 2, 3, 3, 3, 4, 4, 5, 6, 7, 7];

/** Institutions scattered within ~`spreadKm` of (134.2, 35.5), with every mix of offers, kinds and flags. */
export function randomInstitutions(seed: number, n: number, spreadKm = 25): EngineInstitution[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, k) => {
    const hospital = r.next() < 0.35;
    const offers = hospital ? r.pick(MASKS) : r.pick(MASKS) & 3;
    const declared = r.next() < 0.15;
    const maxPartners = r.next() < 0.3 ? r.int(1, 4) : null;
    // Some share coordinates with another (duplicate positions are an edge case).
    const dup = k > 0 && r.next() < 0.05;
    return {
      code: `C${String(k).padStart(4, '0')}`,
      kind: hospital ? 'hospital' : r.next() < 0.95 ? 'clinic' : 'unknown',
      lng: dup ? 134.2 : 134.2 + ((r.next() - 0.5) * spreadKm) / 45,
      lat: dup ? 35.5 : 35.5 + ((r.next() - 0.5) * spreadKm) / 55,
      offers,
      eligible: hospital ? 7 : 3,
      declared,
      a253Basis: r.next() < 0.4,
      willingness: r.next() < 0.1 ? 'not_accepting' : r.next() < 0.2 ? 'accepting' : null,
      maxPartners,
      activePartners: maxPartners === null ? r.int(0, 3) : r.int(0, maxPartners),
      landmass: r.next() < 0.1 ? 'island' : 'main',
    } satisfies EngineInstitution;
  });
}
