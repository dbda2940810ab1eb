import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, type TravelModel } from '../geo';
import type { Requirement } from '../requirements';
import { bitOf, maskTable, type Mask } from './masks';
import { acrossWater, type EngineInstitution } from './model';

const ADMIT = bitOf('admit');

/**
 * The candidate score, every part returned (README: How candidates are scored):
 *
 *   coverage    = coverage × Σ weight of each missing requirement it offers (③ scarcer: 2),
 *                 one it is only *eligible* for (no notification, nothing declared) × eligibleOnlyFactor
 *   travel      = −travel × minutes ÷ maxMinutes; across water (another landmass) the full −travel
 *   load        = −load × active partners ÷ declared maximum (0 when none is declared)
 *   willingness = +willingness when it declared it accepts new partners
 *   a253        = +a253 when the pair would earn the hospital A253 (a253.ts): a 特養/地域密着特養/老健/医療院
 *                 whose missing ③ this 病院 gives, holding 在支病, 在後病 or a 地包ケア ward, and no 特別の関係
 *
 * Institutions that declared no new partners, or are at their declared maximum, are left out
 * (counted), unless already the facility's partner.
 */
export interface ScoreWeights {
  coverage: number;
  requirement: Record<Requirement, number>;
  eligibleOnlyFactor: number;
  travel: number;
  load: number;
  willingness: number;
  a253: number;
}

/** The weights a user may move (the sliders); the rest stay as below. */
export const TUNABLE_WEIGHTS = ['coverage', 'travel', 'load', 'willingness', 'a253'] as const;
export type TunableWeight = (typeof TUNABLE_WEIGHTS)[number];
/** Each tunable weight runs from 0 to this. */
export const MAX_TUNABLE_WEIGHT = 3;

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  coverage: 1,
  requirement: { consult: 1, examine: 1, admit: 2 },
  eligibleOnlyFactor: 0.4,
  travel: 1.5,
  load: 0.5,
  willingness: 0.5,
  a253: 0.5,
};

export interface CandidateQuery {
  /** [lng, lat] of the facility. */
  origin: readonly [number, number];
  missing: Mask;
  /** The facility's type earns a partner hospital A253. */
  a253Type: boolean;
  landmass: string | null;
  partnerCodes: ReadonlySet<string>;
  specialRelationshipCodes: ReadonlySet<string>;
  maxMinutes: number;
  limit: number;
  weights?: Partial<ScoreWeights>;
  travel?: TravelModel;
}

export interface ScoreParts {
  coverage: number;
  travel: number;
  load: number;
  willingness: number;
  a253: number;
}

/** A candidate before rounding: ordering and bounds use these exact values. */
export interface RawCandidate {
  i: number;
  code: string;
  km: number;
  minutes: number;
  offered: Mask;
  eligibleOnly: Mask;
  currentPartner: boolean;
  remaining: number | null;
  a253: boolean;
  acrossWater: boolean;
  parts: ScoreParts;
  total: number;
}

/** A candidate; or why an institution that could help is left out; or null (out of range, nothing to give, below `minTotal`). */
export type Scored = RawCandidate | 'notAccepting' | 'atCapacity' | null;

/** The weights in force, with the requirement weights of every mask precomputed. */
export type Weights = ScoreWeights & { maskWeight: number[] };

export const DEFAULT_WEIGHTS: Weights = { ...DEFAULT_SCORE_WEIGHTS, maskWeight: maskTable((r) => DEFAULT_SCORE_WEIGHTS.requirement[r]) };

export function weightsOf(q: CandidateQuery): Weights {
  return q.weights ? withDefaults(q.weights) : DEFAULT_WEIGHTS;
}

/** Coverage part for what an institution offers and is eligible for, against the missing set. */
export function coverageScore(offers: Mask, eligible: Mask, declared: boolean, missing: Mask, w: Weights): { offered: Mask; eligibleOnly: Mask; value: number } {
  const offered = offers & missing;
  // A declaration is the institution's own word: nothing beyond it counts as "eligible only".
  const eligibleOnly = declared ? 0 : eligible & missing & ~offered;
  return { offered, eligibleOnly, value: coverageValue(w, offered, eligibleOnly) };
}

const coverageValue = (w: Weights, offered: Mask, eligibleOnly: Mask) => w.coverage * (w.maskWeight[offered]! + w.eligibleOnlyFactor * w.maskWeight[eligibleOnly]!);

/**
 * Scores one institution at `km` from the facility; null when out of range, covering nothing missing,
 * or — when `minTotal` is given — scoring below it (no candidate is built then: the hot path).
 */
/**
 * Whether an institution at `minutes` is a candidate at all, before any score: out (beyond the limit,
 * or giving nothing missing), left out and counted (takes no one new; at its declared maximum —
 * unless already a partner), or in. The one rule behind scoring and the count of those in range.
 */
export function candidacy(q: CandidateQuery, inst: EngineInstitution, minutes: number): 'out' | 'notAccepting' | 'atCapacity' | 'in' {
  if (minutes > q.maxMinutes || (couldGive(inst) & q.missing) === 0) return 'out';
  const exclusion = exclusionOf(inst);
  if (exclusion === null || (q.partnerCodes.size > 0 && q.partnerCodes.has(inst.code))) return 'in';
  return exclusion;
}

/**
 * What an institution could give a facility: what it offers, and — unless it declared its offer (its
 * own word) — what its kind makes it eligible for.
 */
export const couldGive = (inst: EngineInstitution): Mask => (inst.declared ? inst.offers : inst.offers | inst.eligible);

/** Why an institution takes no new partner, if it does not: it said so, or it is at its declared maximum. */
export function exclusionOf(inst: EngineInstitution): 'notAccepting' | 'atCapacity' | null {
  if (inst.willingness === 'not_accepting') return 'notAccepting';
  if (inst.maxPartners !== null && inst.maxPartners - inst.activePartners <= 0) return 'atCapacity';
  return null;
}

export function scoreInstitution(q: CandidateQuery, w: Weights, inst: EngineInstitution, i: number, km: number, minTotal = -Infinity): Scored {
  const minutes = estimateDriveMinutes(km, q.travel ?? DEFAULT_TRAVEL_MODEL);
  const gate = candidacy(q, inst, minutes);
  if (gate === 'out') return null;
  if (gate !== 'in') return gate;
  const offered = inst.offers & q.missing;
  const eligibleOnly = inst.declared ? 0 : inst.eligible & q.missing & ~offered;
  const currentPartner = q.partnerCodes.size > 0 && q.partnerCodes.has(inst.code);
  const remaining = inst.maxPartners === null ? null : inst.maxPartners - inst.activePartners;
  const water = acrossWater(q.landmass, inst.landmass);
  // A253 goes to the partner that provides ③ (a253.ts): a hospital with a basis giving the missing ③.
  const a253 = q.a253Type && inst.a253Basis && (offered & ADMIT) !== 0 && !(q.specialRelationshipCodes.size > 0 && q.specialRelationshipCodes.has(inst.code));
  // The parts (README: How candidates are scored), summed in this order; below `minTotal` no
  // candidate is built (the hot path allocates only for those that rank).
  const coverage = coverageValue(w, offered, eligibleOnly);
  const travel = water ? -w.travel : -w.travel * (minutes / q.maxMinutes);
  const load = inst.maxPartners ? -w.load * (inst.activePartners / inst.maxPartners) : 0;
  const willingness = inst.willingness === 'accepting' ? w.willingness : 0;
  const a253Part = a253 ? w.a253 : 0;
  const total = coverage + travel + load + willingness + a253Part;
  if (total < minTotal) return null;
  return { i, code: inst.code, km, minutes, offered, eligibleOnly, currentPartner, remaining, a253, acrossWater: water, parts: { coverage, travel, load, willingness, a253: a253Part }, total };
}


/** Weights with their per-mask table, from any partial set (the rest default). */
export function withDefaults(partial: Partial<ScoreWeights> = {}): Weights {
  const w = { ...DEFAULT_SCORE_WEIGHTS, ...partial, requirement: { ...DEFAULT_SCORE_WEIGHTS.requirement, ...partial.requirement } };
  return { ...w, maskWeight: maskTable((r) => w.requirement[r]) };
}

/** Highest score first; ties by travel time, then code — a total order, so rankings are deterministic. */
export function compareCandidates(a: Ranked, b: Ranked): number {
  return b.total - a.total || a.minutes - b.minutes || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
type Ranked = Pick<RawCandidate, 'total' | 'minutes' | 'code'>;

export { bitOf };
