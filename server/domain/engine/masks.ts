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

export function requirementsOf(mask: Mask): Requirement[] {
  return normalizeRequirements(REQUIREMENTS.filter((r) => (mask & BIT[r]) !== 0));
}

export const bitOf = (r: Requirement): Mask => BIT[r];

/** Number of requirements in a mask. */
export function countBits(mask: Mask): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}
