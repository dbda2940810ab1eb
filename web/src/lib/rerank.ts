import { maskOf } from '../../../server/domain/engine/masks';
import { compareCandidates, scoreParts, totalOf, withDefaults, type ScoreParts } from '../../../server/domain/engine/score';
import type { Candidate } from '../api';
import { DEFAULT_WEIGHTS, TUNABLE_WEIGHTS, type Weights } from '../state/app-state';

export interface Reranked {
  candidate: Candidate;
  parts: ScoreParts;
  total: number;
}

const isDefault = (w: Weights) => TUNABLE_WEIGHTS.every((k) => w[k] === DEFAULT_WEIGHTS[k]);

/**
 * The candidates scored again with the user's weights — the engine's own formula
 * (domain/engine/score.ts scoreParts) on what the API returned with each candidate — best first.
 * With the default weights the server's scores and order stand as they are.
 */
export function rerank(candidates: readonly Candidate[], weights: Weights, maxMinutes: number): Reranked[] {
  if (isDefault(weights)) return candidates.map((c) => ({ candidate: c, parts: c.score.parts, total: c.score.total }));
  const w = withDefaults(weights);
  return candidates
    .map((c) => {
      const parts = scoreParts(
        w, maskOf(c.covers.offered), maskOf(c.covers.eligibleOnly), c.minutes, maxMinutes, c.acrossWater,
        c.activePartners, c.maxPartners, c.willingness === 'accepting', c.a253,
      );
      return { candidate: c, parts, total: totalOf(parts), minutes: c.minutes, code: c.code };
    })
    .sort(compareCandidates)
    .map(({ candidate, parts, total }) => ({ candidate, parts, total }));
}
