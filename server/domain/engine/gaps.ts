import { FACILITY_TYPES, facilityTypeOf, type FacilityTypeKey } from '../facility-types';
import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, maxStraightKmFor, type TravelModel } from '../geo';
import type { CoverageStatus } from '../coverage';
import { bitOf, type Mask } from './masks';
import { acrossWater, type EngineFacility } from './model';
import type { TreeGroup } from './score-tree';
import type { InstitutionIndex } from './spatial';

/**
 * Coverage gaps for an area: facilities by status against their required sets, and structural gaps —
 * facilities whose required set cannot be met within `maxMinutes` by road whatever anyone agrees:
 *   noAdmitHospital — ③ is required and no 病院 is within reach;
 *   unreachable     — required requirements no institution within reach offers (likely or declared),
 *                     i.e. no covering combination exists (with ≤ 3 requirements, each can be taken
 *                     from its own institution, so a combination exists iff every one is offered);
 *   eligibleOnly    — of those, the ones some institution within reach is *eligible* for by its kind
 *                     without having notified or declared it (domain.md §5): "no one has declared" — a
 *                     call to ask them — as against "no one in reach" (unreachable and not eligibleOnly).
 * Institutions that declared they take no new partners do not count; capacity is the plan's matter.
 */
export interface Reach {
  noAdmitHospital: boolean;
  unreachable: Mask;
  eligibleOnly: Mask;
}

export interface GapOptions {
  maxMinutes: number;
  travel?: TravelModel;
}

/**
 * One search of the score forest (score-tree.ts), nearest first, that stops as soon as every
 * required requirement has an offering institution within reach — and, when ③ is required, a 病院
 * (the only kind eligible for ③) — or when nothing farther can help.
 */
export function facilityReach(f: EngineFacility, index: InstitutionIndex, opts: GapOptions): Reach {
  const model = opts.travel ?? DEFAULT_TRAVEL_MODEL;
  const maxKm = maxStraightKmFor(opts.maxMinutes, model) * (1 + 1e-9);
  const admit = bitOf('admit');
  let wanted = f.required & 7;
  // Requirements not yet seen offered by kind alone (un-notified, undeclared) within reach.
  let wantEligible = wanted;
  let wantHospital = (f.required & admit) !== 0;
  const helps = (tree: TreeGroup) => (tree.offers & wanted) !== 0 || (wantHospital && (tree.eligible & admit) !== 0) || (tree.eligibleOnly & wanted & wantEligible) !== 0;
  index.forest.search(f.lng, f.lat, maxKm, {
    bound: (tree, km) => (helps(tree) ? -km : -Infinity),
    // Done once everything is offered (then nothing is unreachable, eligible or not) and a 病院 is found.
    threshold: () => (wanted === 0 && !wantHospital ? Infinity : -1e12),
    visit: (i, km, tree) => {
      if (estimateDriveMinutes(km, model) > opts.maxMinutes || acrossWater(f.landmass, index.institutions[i]!.landmass)) return;
      wanted &= ~tree.offers;
      wantEligible &= ~tree.eligibleOnly;
      if ((tree.eligible & admit) !== 0) wantHospital = false;
    },
  });
  return { noAdmitHospital: wantHospital, unreachable: wanted, eligibleOnly: wanted & ~wantEligible };
}

export type StatusCounts = Record<CoverageStatus, number> & { total: number };
const emptyCounts = (): StatusCounts => ({ covered: 0, partial: 0, none: 0, unknown: 0, total: 0 });

/** One row of the MHLW-survey-shaped table: facilities of a type and how many meet ⅰ, ⅱ, ⅲ. */
export interface SurveyRow {
  type: FacilityTypeKey;
  facilities: number;
  /** Facilities whose partner situation is known (not 未把握). */
  known: number;
  metI: number;
  metII: number;
  /** null for types that do not require ③. */
  metIII: number | null;
  allMet: number;
}

export interface AreaGaps {
  counts: StatusCounts;
  /**
   * noCombination: some requirement no one in reach offers (likely or declared); of those, noOneInReach
   * where no institution in reach is even eligible for it, noneDeclared where all of them have eligible
   * but un-notified institutions in reach (ask them). `unplaced`: facilities without a position.
   */
  structural: { noAdmitHospital: number; noCombination: number; noOneInReach: number; noneDeclared: number; unplaced: number };
  survey: SurveyRow[];
}

export interface GapReport {
  areas: Map<string, AreaGaps>;
  /** Per facility (by id), only those with a structural gap. */
  structural: Map<string, Reach>;
}

function emptyArea(): AreaGaps {
  return {
    counts: emptyCounts(),
    structural: { noAdmitHospital: 0, noCombination: 0, noOneInReach: 0, noneDeclared: 0, unplaced: 0 },
    survey: (Object.keys(FACILITY_TYPES) as FacilityTypeKey[]).map((type) => ({
      type, facilities: 0, known: 0, metI: 0, metII: 0, metIII: FACILITY_TYPES[type].required.includes('admit') ? 0 : null, allMet: 0,
    })),
  };
}

type Tallied = Omit<EngineFacility, 'lng' | 'lat'>;

/**
 * Tallies every facility into the areas `areasOf` names (e.g. its municipality, its city, its
 * prefecture, the country). `unplaced` facilities (no position) count in the status and survey
 * tallies but not in the structural ones. `reach` may be given (e.g. memoised); it defaults to
 * facilityReach.
 */
export function analyzeGaps(
  facilities: readonly EngineFacility[],
  unplaced: readonly Tallied[],
  index: InstitutionIndex,
  opts: GapOptions,
  areasOf: (f: Tallied) => readonly string[],
  reach: (f: EngineFacility) => Reach = (f) => facilityReach(f, index, opts),
): GapReport {
  const areas = new Map<string, AreaGaps>();
  const structural = new Map<string, Reach>();
  const all: [Tallied, Reach | null][] = [...facilities.map((f) => [f, reach(f)] as [Tallied, Reach]), ...unplaced.map((f) => [f, null] as [Tallied, null])];
  for (const [f, reach] of all) {
    if (reach && (reach.noAdmitHospital || reach.unreachable !== 0)) structural.set(f.id, reach);
    const type = facilityTypeOf(f.serviceCode).key;
    for (const key of areasOf(f)) {
      const a = areas.get(key) ?? emptyArea();
      areas.set(key, a);
      a.counts[f.status]++;
      a.counts.total++;
      if (!reach) a.structural.unplaced++;
      else {
        if (reach.noAdmitHospital) a.structural.noAdmitHospital++;
        if (reach.unreachable !== 0) {
          a.structural.noCombination++;
          if ((reach.unreachable & ~reach.eligibleOnly) !== 0) a.structural.noOneInReach++;
          else a.structural.noneDeclared++;
        }
      }
      const row = a.survey.find((r) => r.type === type)!;
      row.facilities++;
      if (f.status !== 'unknown') row.known++;
      if (f.met & 1) row.metI++;
      if (f.met & 2) row.metII++;
      if (row.metIII !== null && f.met & 4) row.metIII++;
      if ((f.met & f.required) === f.required) row.allMet++;
    }
  }
  return { areas, structural };
}
