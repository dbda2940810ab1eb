import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKm, type LngLat, type TravelModel } from './geo';
import type { InstitutionKind, InstitutionOffers } from './institution-offers';
import { intersectRequirements, subtractRequirements, type Requirement } from './requirements';

/**
 * Candidate ranking: institutions within `maxMinutes` that could supply at least one of a facility's
 * missing requirements, scored so a reader can see why one ranks above another.
 *
 *   score = coverage + travel + load + willingness            (every part is returned)
 *   coverage    = weights.coverage × Σ requirement weight of each missing requirement it covers;
 *                 one it is only *eligible* for (no notification, nothing declared) counts × eligibleOnlyFactor
 *   travel      = −weights.travel × minutes ÷ maxMinutes      (0 next door, −weights.travel at the limit)
 *   load        = −weights.load × active partners ÷ maxPartners (0 when it declared no maximum)
 *   willingness = +weights.willingness when it declared it accepts new partners
 *
 * Institutions that declared they take no new partners, or are at their declared maximum, are left
 * out and counted in `excluded` — unless they are already the facility's partner.
 */
export interface ScoreWeights {
  coverage: number;
  /** Per requirement: ③ is the scarcest (most often missing), so it weighs more. */
  requirement: Record<Requirement, number>;
  eligibleOnlyFactor: number;
  travel: number;
  load: number;
  willingness: number;
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  coverage: 1,
  requirement: { consult: 1, examine: 1, admit: 2 },
  eligibleOnlyFactor: 0.4,
  travel: 1.5,
  load: 0.5,
  willingness: 0.5,
};

export type Willingness = 'accepting' | 'not_accepting';

export interface CandidateInstitution {
  code: string;
  kind: InstitutionKind;
  /** [lng, lat]; null when the institution could not be placed. */
  position: LngLat | null;
  offers: InstitutionOffers;
  activePartners: number;
  maxPartners: number | null;
  willingness: Willingness | null;
}

export interface ScoreParts {
  coverage: number;
  travel: number;
  load: number;
  willingness: number;
}

export interface Candidate {
  code: string;
  distanceKm: number;
  minutes: number;
  /** Missing requirements it likely (or by declaration) supplies, and those it is only eligible for. */
  covers: { offered: Requirement[]; eligibleOnly: Requirement[] };
  currentPartner: boolean;
  remaining: number | null;
  score: { total: number; parts: ScoreParts };
}

export interface RankOptions {
  origin: LngLat;
  missing: readonly Requirement[];
  institutions: readonly CandidateInstitution[];
  maxMinutes: number;
  limit: number;
  /** Codes of the facility's current partners: still ranked (they may add a requirement), but marked. */
  partnerCodes?: ReadonlySet<string>;
  weights?: Partial<ScoreWeights>;
  travel?: TravelModel;
}

export interface Ranking {
  candidates: Candidate[];
  /** In range and covering something, but left out, by reason. */
  excluded: { notAccepting: number; atCapacity: number };
  /** In range and able to cover something missing, before `limit`. */
  totalInRange: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function scoreCoverage(offered: Requirement[], eligibleOnly: Requirement[], w: ScoreWeights): number {
  const sum = (rs: Requirement[]) => rs.reduce((s, r) => s + w.requirement[r], 0);
  return w.coverage * (sum(offered) + w.eligibleOnlyFactor * sum(eligibleOnly));
}

export function rankCandidates(opts: RankOptions): Ranking {
  const w: ScoreWeights = { ...DEFAULT_SCORE_WEIGHTS, ...opts.weights };
  const travelModel = opts.travel ?? DEFAULT_TRAVEL_MODEL;
  const excluded = { notAccepting: 0, atCapacity: 0 };
  const ranked: Candidate[] = [];
  if (opts.missing.length === 0) return { candidates: [], excluded, totalInRange: 0 };

  for (const inst of opts.institutions) {
    if (inst.position === null) continue;
    const distanceKm = haversineKm(opts.origin, inst.position);
    const minutes = estimateDriveMinutes(distanceKm, travelModel);
    if (minutes > opts.maxMinutes) continue;

    const offered = intersectRequirements(opts.missing, inst.offers.offers);
    // A declaration is the institution's own word: nothing beyond it is counted as "eligible only".
    const eligibleOnly =
      inst.offers.source === 'declared' ? [] : subtractRequirements(intersectRequirements(opts.missing, inst.offers.eligible), offered);
    if (offered.length === 0 && eligibleOnly.length === 0) continue;

    // A current partner asked to add a requirement takes no new slot: never excluded for capacity.
    const currentPartner = opts.partnerCodes?.has(inst.code) ?? false;
    if (inst.willingness === 'not_accepting' && !currentPartner) {
      excluded.notAccepting++;
      continue;
    }
    const remaining = inst.maxPartners === null ? null : inst.maxPartners - inst.activePartners;
    if (remaining !== null && remaining <= 0 && !currentPartner) {
      excluded.atCapacity++;
      continue;
    }

    const parts: ScoreParts = {
      coverage: round(scoreCoverage(offered, eligibleOnly, w), 3),
      travel: round(-w.travel * (minutes / opts.maxMinutes), 3),
      load: inst.maxPartners ? round(-w.load * (inst.activePartners / inst.maxPartners), 3) : 0,
      willingness: inst.willingness === 'accepting' ? w.willingness : 0,
    };
    ranked.push({
      code: inst.code,
      distanceKm: round(distanceKm, 2),
      minutes: round(minutes, 1),
      covers: { offered, eligibleOnly },
      currentPartner,
      remaining,
      score: { total: round(parts.coverage + parts.travel + parts.load + parts.willingness, 3), parts },
    });
  }

  // Highest score first; ties by travel time, then code, so the order is deterministic.
  ranked.sort((a, b) => b.score.total - a.score.total || a.minutes - b.minutes || a.code.localeCompare(b.code));
  return { candidates: ranked.slice(0, opts.limit), excluded, totalInRange: ranked.length };
}
