/** A small seeded PRNG (mulberry32) so the demo region is the same on every machine. */
export interface Rng {
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  normal(): number;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    // Box–Muller
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    chance: (p) => next() < p,
  };
}

/**
 * `total` items spread over `groups` in proportion to their weight (largest remainder, so every
 * group gets its fair share, however small), in a shuffled order.
 */
export function allocate<T extends { weight: number }>(rng: Rng, groups: readonly T[], total: number): T[] {
  const sum = groups.reduce((s, g) => s + g.weight, 0);
  const exact = groups.map((g) => (g.weight / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < left; k++) counts[order[k]![1]]! += 1;
  const out = groups.flatMap((g, i) => Array.from({ length: counts[i]! }, () => g));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
