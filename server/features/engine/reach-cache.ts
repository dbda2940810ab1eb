import { facilityReach, type Reach } from '../../domain/engine/gaps';
import type { EngineFacility } from '../../domain/engine/model';
import type { EngineSnapshot } from './engine-store';
import type { VersionMemo } from './version-memo';

/**
 * Each facility's reach (domain/engine/gaps.ts) within a time limit, computed once per data version
 * and limit: the gap summary and the lacking-coverage list ask the same questions of the same facilities.
 */
export function reachOf(memo: VersionMemo, today: string, snap: EngineSnapshot, maxMinutes: number): (f: EngineFacility) => Reach {
  const known = memo.get(today, `reach:${maxMinutes}`, () => new Map<string, Reach>());
  return (f) => {
    let r = known.get(f.id);
    if (!r) known.set(f.id, (r = facilityReach(f, snap.institutionIndex, { maxMinutes })));
    return r;
  };
}
