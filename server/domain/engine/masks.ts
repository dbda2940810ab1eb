import { normalizeRequirements, REQUIREMENTS, type Requirement } from '../requirements';

/**
 * Requirement sets as 3-bit masks (① = 1, ② = 2, ③ = 4) for the hot loops of the engine.
 * Conversions are exact both ways.
 */
export type Mask = number;

const BIT: Record<Requirement, Mask> = { consult: 1, examine: 2, admit: 4 };

export function maskOf(requirements: Iterable<Requirement>): Mask {
  let m = 0;
  for (const r of requirements) m |= BIT[r];
  return m;
}

/** The 8 masks' requirement lists, made once (hot loops convert masks often). */
const LISTS: readonly (readonly Requirement[])[] = Array.from({ length: 8 }, (_, m) => normalizeRequirements(REQUIREMENTS.filter((r) => (m & BIT[r]) !== 0)));

/** The requirements of a mask, in ①②③ order (a fresh array). */
export function requirementsOf(mask: Mask): Requirement[] {
  return [...(LISTS[mask & 7] as Requirement[])];
}

/** The same, shared and read-only (no allocation: for results built in hot paths). */
export function requirementsView(mask: Mask): readonly Requirement[] {
  return LISTS[mask & 7]!;
}

/** Σ f(r) over the mask's requirements, for every mask at once: a table indexed by mask. */
export function maskTable(f: (r: Requirement) => number): number[] {
  return LISTS.map((rs) => rs.reduce((s, r) => s + f(r), 0));
}

export const bitOf = (r: Requirement): Mask => BIT[r];

/** Number of requirements in a mask. */
export function countBits(mask: Mask): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}
