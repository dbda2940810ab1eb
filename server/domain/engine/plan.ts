import { DEFAULT_TRAVEL_MODEL, type TravelModel } from '../geo';
import { membersByMask } from './combinations';
import { countBits, type Mask } from './masks';
import { acrossWater, remainingSlots, type EngineFacility, type EngineInstitution } from './model';
import type { MipSolver } from './mip';
import { buildModel, type Column } from './plan-model';
import type { InstitutionIndex } from './spatial';

/**
 * The regional plan: assign facilities lacking coverage to institutions within `maxMinutes` so that
 * as many as possible are fully covered, no institution takes more new partners than it has room
 * for (declared maximum − active partners; `defaultCapacity` stands in for an undeclared maximum; a
 * current partner adding a requirement takes no new room), and — among those — total travel is least.
 *
 * Exact: a 0–1 program (plan-model.ts) solved by the injected solver, over columns generated until
 * provably complete —
 *   1. start from each facility's nearest few options per contribution mask;
 *   2. fast path: if every facility's own best cover fits all capacities, that is optimal;
 *   3. else price out, with the LP relaxation's duals, every facility–institution pair within range
 *      (a pair can only have a negative reduced cost if its travel is below the facility's dual sum,
 *      so only that radius is searched) until the LP is optimal over all pairs;
 *   4. solve the 0–1 program; pairs whose reduced cost is at least the remaining gap between it and
 *      the LP bound cannot appear in a better solution — add the others and solve again.
 */
export interface PlanOptions {
  maxMinutes: number;
  defaultCapacity: number;
  travel?: TravelModel;
  /** Options per contribution mask to start from (more → fewer pricing rounds). */
  startingOptions?: number;
}

export interface PlannedPartner {
  code: string;
  /** What it gives of the facility's missing set (mask). */
  gives: Mask;
  minutes: number;
}

export interface PlanResult {
  assignments: { facilityId: string; partners: PlannedPartner[]; totalMinutes: number }[];
  uncoverable: { facilityId: string; missing: Mask; reason: 'no_option' | 'capacity'; unreachable: Mask }[];
  totalMinutes: number;
  stats: { facilities: number; columns: number; lpRounds: number; mipRuns: number; fastPath: boolean };
}

interface Ctx {
  facilities: readonly EngineFacility[];
  missing: Mask[];
  index: InstitutionIndex;
  opts: PlanOptions;
  model: TravelModel;
  slots: number[];
}

/** Can facility `fi` take institution `i` in the plan? Same landmass, in range, with room (or already a partner). */
function usable(ctx: Ctx, fi: number, i: number): boolean {
  const f = ctx.facilities[fi]!;
  const inst = ctx.index.institutions[i]!;
  if (acrossWater(f.landmass, inst.landmass)) return false;
  return f.partnerCodes.includes(inst.code) || ctx.slots[i]! > 0;
}

/**
 * Options of facility `fi` within `minutes` (≤ maxMinutes): for each contribution mask (what an
 * institution gives of the missing set), up to `k` nearest usable institutions — the same search as
 * the best combinations (combinations.ts), with the plan's capacity rule.
 */
function options(ctx: Ctx, fi: number, minutes: number, k: number): Column[] {
  const f = ctx.facilities[fi]!;
  const partners = new Set(f.partnerCodes);
  const byMask = membersByMask(
    { origin: [f.lng, f.lat], missing: ctx.missing[fi]!, landmass: f.landmass, partnerCodes: partners, maxMinutes: Math.min(minutes, ctx.opts.maxMinutes), alternatives: k, travel: ctx.model, accept: (i) => usable(ctx, fi, i) },
    ctx.index,
  );
  return [...byMask.values()].flat().map((m) => ({ f: fi, i: m.i, gives: m.gives, cost: Math.round(m.minutes * 10), minutes: m.minutes, takesSlot: !partners.has(m.code) }));
}

/** The facility's cheapest minimal cover among `cols` (by total cost), or null. */
function cheapestCover(cols: readonly Column[], target: Mask): Column[] | null {
  let best: Column[] | null = null;
  let bestCost = Infinity;
  const n = cols.length;
  const check = (set: Column[]) => {
    const union = set.reduce((u, c) => u | c.gives, 0);
    if ((union & target) !== target) return;
    const cost = set.reduce((s, c) => s + c.cost, 0);
    if (cost < bestCost || (cost === bestCost && best && set.map((c) => c.i).join() < best.map((c) => c.i).join())) [best, bestCost] = [set, cost];
  };
  for (let a = 0; a < n; a++) {
    check([cols[a]!]);
    for (let b = a + 1; b < n; b++) {
      check([cols[a]!, cols[b]!]);
      for (let c = b + 1; c < n; c++) check([cols[a]!, cols[b]!, cols[c]!]);
    }
  }
  return best;
}

export function planAssignments(facilities: readonly EngineFacility[], index: InstitutionIndex, opts: PlanOptions, solver: MipSolver): PlanResult {
  const model = opts.travel ?? DEFAULT_TRAVEL_MODEL;
  const ctx: Ctx = {
    facilities,
    missing: facilities.map((f) => f.required & ~f.met),
    index,
    opts,
    model,
    slots: index.institutions.map((i: EngineInstitution) => remainingSlots(i, opts.defaultCapacity)),
  };
  const k0 = opts.startingOptions ?? 3;
  const uncoverable: PlanResult['uncoverable'] = [];
  const planned: number[] = [];
  const columns: Column[] = [];
  facilities.forEach((f, fi) => {
    const missing = ctx.missing[fi]!;
    if (missing === 0) return;
    const cols = options(ctx, fi, opts.maxMinutes, k0);
    const reachable = cols.reduce((u, c) => u | c.gives, 0);
    if ((reachable & missing) !== missing) {
      uncoverable.push({ facilityId: f.id, missing, reason: 'no_option', unreachable: missing & ~reachable });
      return;
    }
    planned.push(fi);
    columns.push(...cols);
  });

  const stats = { facilities: planned.length, columns: 0, lpRounds: 0, mipRuns: 0, fastPath: false };
  const chosen = fastPath(ctx, planned, columns) ?? solveExactly(ctx, planned, columns, solver, stats);
  stats.columns = columns.length;
  if (chosen.fast) stats.fastPath = true;

  const assignments: PlanResult['assignments'] = [];
  for (const fi of planned) {
    const cover = chosen.cover.get(fi);
    const f = facilities[fi]!;
    if (!cover) {
      uncoverable.push({ facilityId: f.id, missing: ctx.missing[fi]!, reason: 'capacity', unreachable: 0 });
      continue;
    }
    const partners = cover.map((c) => ({ code: index.institutions[c.i]!.code, gives: c.gives, minutes: Math.round(c.minutes * 10) / 10 }));
    assignments.push({ facilityId: f.id, partners, totalMinutes: Math.round(cover.reduce((s, c) => s + c.minutes, 0) * 10) / 10 });
  }
  const totalMinutes = Math.round(assignments.reduce((s, a) => s + a.totalMinutes, 0) * 10) / 10;
  return { assignments, uncoverable, totalMinutes, stats };
}

interface Chosen {
  cover: Map<number, Column[]>;
  fast: boolean;
}

/** Every facility takes its own cheapest cover; optimal when no institution is then over capacity. */
function fastPath(ctx: Ctx, planned: readonly number[], columns: readonly Column[]): Chosen | null {
  const byFacility = groupByFacility(columns);
  const cover = new Map<number, Column[]>();
  const load = new Map<number, number>();
  for (const fi of planned) {
    const best = cheapestCover(byFacility.get(fi) ?? [], ctx.missing[fi]!);
    if (!best) return null;
    cover.set(fi, best);
    for (const c of best) if (c.takesSlot) load.set(c.i, (load.get(c.i) ?? 0) + 1);
  }
  for (const [i, n] of load) if (n > ctx.slots[i]!) return null;
  return { cover, fast: true };
}

function groupByFacility(columns: readonly Column[]): Map<number, Column[]> {
  const m = new Map<number, Column[]>();
  for (const c of columns) m.set(c.f, [...(m.get(c.f) ?? []), c]);
  return m;
}

function solveExactly(ctx: Ctx, planned: readonly number[], columns: Column[], solver: MipSolver, stats: PlanResult['stats']): Chosen {
  const have = new Set(columns.map((c) => `${c.f}:${c.i}`));
  const addPriced = (duals: ReturnType<typeof buildModel>['duals'], below: number) => {
    let added = 0;
    for (const fi of planned) {
      const bound = duals.facilityBound(fi) + below; // travel cost (×10 min) under which a pair may price out
      if (bound <= 0) continue;
      for (const c of options(ctx, fi, bound / 10, Infinity)) {
        if (have.has(`${c.f}:${c.i}`) || duals.reducedCost(c) >= below - 1e-7) continue;
        have.add(`${c.f}:${c.i}`);
        columns.push(c);
        added++;
      }
    }
    return added;
  };

  const input = { missing: ctx.missing, slots: ctx.slots, planned, columns, maxCost: Math.round(ctx.opts.maxMinutes * 10) };
  // 3. Column generation on the LP relaxation, until no pair prices out.
  let lp = buildModel(input, false, solver);
  stats.lpRounds = 1;
  while (addPriced(lp.duals, 0) > 0) {
    if (stats.lpRounds >= 200) throw new Error('The plan did not converge in 200 pricing rounds');
    lp = buildModel(input, false, solver);
    stats.lpRounds++;
  }
  // 4. The 0–1 program, then the gap argument.
  let mip = buildModel(input, true, solver);
  stats.mipRuns = 1;
  const gap = mip.objective - lp.objective;
  if (gap > 1e-6 && addPriced(lp.duals, gap) > 0) {
    mip = buildModel(input, true, solver);
    stats.mipRuns++;
  }
  return { cover: minimalCovers(ctx, mip.chosen), fast: false };
}

/** Drops members that add nothing (only possible at zero travel), so every cover is minimal. */
function minimalCovers(ctx: Ctx, chosen: ReadonlyMap<number, Column[]>): Map<number, Column[]> {
  const out = new Map<number, Column[]>();
  for (const [fi, cols] of chosen) {
    const kept = [...cols].sort((a, b) => b.cost - a.cost);
    for (let k = 0; k < kept.length; ) {
      const others = kept.reduce((u, c, j) => (j === k ? u : u | c.gives), 0);
      if ((others & ctx.missing[fi]!) === ctx.missing[fi]) kept.splice(k, 1);
      else k++;
    }
    out.set(fi, kept.sort((a, b) => a.cost - b.cost));
  }
  return out;
}

export { countBits };
