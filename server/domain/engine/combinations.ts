import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKm, maxStraightKmFor, type TravelModel } from '../geo';
import { countBits, requirementsOf, type Mask } from './masks';
import { acrossWater, type EngineInstitution } from './model';
import type { InstitutionIndex } from './spatial';

/**
 * Best combinations: sets of at most 3 institutions whose offers together cover the facility's
 * missing requirements, ranked by the worst member's travel time, then the total, then the members'
 * codes. Only minimal sets count (every member adds something no other member gives).
 *
 * Exact over every reachable institution (within `maxMinutes`, on the same landmass, accepting and
 * not full — current partners always): only the `alternatives` nearest institutions of each
 * contribution mask (what they give of the missing set) can be members of a top-`alternatives` set,
 * because replacing a member by a nearer institution giving the same makes the set strictly better —
 * and there are `alternatives` such nearer ones. Where nothing covers, the best set covering what can
 * be covered is returned with what stays missing.
 */
export interface CombinationQuery {
  origin: readonly [number, number];
  missing: Mask;
  landmass: string | null;
  partnerCodes: ReadonlySet<string>;
  maxMinutes: number;
  /** How many sets to list (the best and its alternatives). */
  alternatives: number;
  travel?: TravelModel;
  /** Who may be a member (default: `reachable`); the plan passes its own capacity rule. */
  accept?: (i: number) => boolean;
}

export interface Member {
  i: number;
  code: string;
  /** What it gives of the missing set. */
  gives: Mask;
  km: number;
  minutes: number;
}

export interface Combination {
  members: Member[];
  worstMinutes: number;
  totalMinutes: number;
  covers: Mask;
}

export interface CombinationResult {
  /** The target: the missing set, or — when nothing covers it — the part that can be covered. */
  target: Mask;
  /** Still missing after the best combination (0 when it covers everything). */
  uncovered: Mask;
  combinations: Combination[];
}

/** An institution the facility can ask: in range by road, accepting and with room (or already a partner). */
export function reachable(q: { landmass: string | null; partnerCodes: ReadonlySet<string> }, inst: EngineInstitution): boolean {
  if (acrossWater(q.landmass, inst.landmass)) return false;
  if (q.partnerCodes.has(inst.code)) return true;
  if (inst.willingness === 'not_accepting') return false;
  return inst.maxPartners === null || inst.maxPartners - inst.activePartners > 0;
}

export function compareCombinations(a: Combination, b: Combination): number {
  return a.worstMinutes - b.worstMinutes || a.totalMinutes - b.totalMinutes || codesKey(a).localeCompare(codesKey(b));
}
const codesKey = (c: Combination) => c.members.map((m) => m.code).sort().join(',');

/** Minimal: removing any member leaves something of the target uncovered. */
function isMinimal(masks: readonly Mask[], target: Mask): boolean {
  return masks.every((_, k) => (masks.reduce((u, m, j) => (j === k ? u : u | m), 0) & target) !== target);
}

/**
 * Candidate members per contribution mask: the nearest `alternatives` reachable ones of each — one
 * nearest-first search of the score forest (a tree's members all give the same), skipping trees whose
 * mask already has enough members nearer than the node. Current partners (exempt from "takes no one
 * new") are added directly.
 */
export function membersByMask(q: CombinationQuery, index: InstitutionIndex): Map<Mask, Member[]> {
  const model = q.travel ?? DEFAULT_TRAVEL_MODEL;
  const maxKm = maxStraightKmFor(q.maxMinutes, model) * (1 + 1e-9);
  const byMask = new Map<Mask, Member[]>();
  const accept = q.accept ?? ((i: number) => reachable(q, index.institutions[i]!));
  const add = (i: number, km: number, gives: Mask) => {
    const minutes = estimateDriveMinutes(km, model);
    if (minutes > q.maxMinutes || !accept(i)) return;
    const list = byMask.get(gives) ?? [];
    const code = index.institutions[i]!.code;
    if (list.some((m) => m.i === i)) return;
    list.push({ i, code, gives, km, minutes });
    list.sort((a, b) => a.minutes - b.minutes || (a.code < b.code ? -1 : 1));
    if (list.length > q.alternatives) list.pop();
    byMask.set(gives, list);
  };
  for (const code of q.partnerCodes) {
    const i = index.byCode.get(code);
    if (i === undefined) continue;
    const inst = index.institutions[i]!;
    if ((inst.offers & q.missing) !== 0) add(i, haversineKm(q.origin, [inst.lng, inst.lat]), inst.offers & q.missing);
  }
  // A node matters while some mask it may hold is short of members nearer than the node.
  const stillShort = (mask: Mask, km: number) => {
    const list = byMask.get(mask);
    return !list || list.length < q.alternatives || list[list.length - 1]!.km >= km;
  };
  index.forest.search(q.origin[0], q.origin[1], maxKm, {
    // Full institutions take no one new: current partners among them were added above.
    bound: (tree, km) => ((tree.offers & q.missing) !== 0 && !tree.full && stillShort(tree.offers & q.missing, km) ? -km : -Infinity),
    threshold: () => -1e12,
    visit: (i, km, tree) => {
      if (stillShort(tree.offers & q.missing, km)) add(i, km, tree.offers & q.missing);
    },
  });
  return byMask;
}

/** The best sets from per-mask member lists (the search shared with the brute-force test). */
export function bestSets(byMask: ReadonlyMap<Mask, readonly Member[]>, missing: Mask, alternatives: number): CombinationResult {
  const masks = [...byMask.keys()];
  const coverable = masks.reduce((u, m) => u | m, 0) & missing;
  const target = coverable;
  const found: Combination[] = [];
  const consider = (members: Member[]) => {
    const worstMinutes = Math.max(...members.map((m) => m.minutes));
    const totalMinutes = members.reduce((s, m) => s + m.minutes, 0);
    found.push({ members: [...members].sort((a, b) => a.minutes - b.minutes || (a.code < b.code ? -1 : 1)), worstMinutes, totalMinutes, covers: members.reduce((u, m) => u | m.gives, 0) });
  };
  if (target !== 0) {
    for (const chosen of subsetsUpTo3(masks)) {
      if ((chosen.reduce((u, m) => u | m, 0) & target) !== target || !isMinimal(chosen, target)) continue;
      product(chosen.map((m) => byMask.get(m)!), consider);
    }
  }
  found.sort(compareCombinations);
  return { target, uncovered: missing & ~target, combinations: found.slice(0, alternatives) };
}

/** Every subset of 1, 2 or 3 distinct items, each once. */
function subsetsUpTo3<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let a = 0; a < items.length; a++) {
    out.push([items[a]!]);
    for (let b = a + 1; b < items.length; b++) {
      out.push([items[a]!, items[b]!]);
      for (let c = b + 1; c < items.length; c++) out.push([items[a]!, items[b]!, items[c]!]);
    }
  }
  return out;
}

/** Calls `visit` with every choice of one member from each list. */
function product(lists: (readonly Member[])[], visit: (members: Member[]) => void, prefix: Member[] = []): void {
  if (prefix.length === lists.length) {
    visit(prefix);
    return;
  }
  for (const m of lists[prefix.length]!) product(lists, visit, [...prefix, m]);
}

export function bestCombinations(q: CombinationQuery, index: InstitutionIndex): CombinationResult {
  if (q.missing === 0) return { target: 0, uncovered: 0, combinations: [] };
  return bestSets(membersByMask(q, index), q.missing, q.alternatives);
}

export const describeMask = (m: Mask) => requirementsOf(m);
export { countBits };
