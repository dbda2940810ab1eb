import { bestCombinations } from '../../domain/engine/combinations';
import { requirementsOf } from '../../domain/engine/masks';
import { searchMask } from '../../domain/engine/model';
import { searchedFor } from './candidates-query';
import type { EngineSnapshot } from '../engine/engine-store';

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The best combinations for one facility, with each member's name, kind and what it gives. */
export function facilityCombinations(snap: EngineSnapshot, id: string, params: { maxMinutes: number; alternatives: number }) {
  const fi = snap.facilityById.get(id);
  if (fi === undefined) return { facilityId: id, reason: 'no_position' as const, ...searchedFor(snap.unplaced.find((u) => u.id === id)), uncovered: [], maxMinutes: params.maxMinutes, combinations: [] };
  const f = snap.facilities[fi]!;
  const missing = searchMask(f);
  const result = bestCombinations(
    { origin: [f.lng, f.lat], missing, landmass: f.landmass, partnerCodes: new Set(f.partnerCodes), maxMinutes: params.maxMinutes, alternatives: params.alternatives },
    snap.institutionIndex,
  );
  // Names and kinds from the read model: no query per request.
  const rows = snap.institutionInfo;
  return {
    facilityId: id,
    reason: missing === 0 ? ('nothing_missing' as const) : result.combinations.length === 0 ? ('nothing_in_reach' as const) : null,
    ...searchedFor(f),
    /** Still missing after the best set: what no institution within reach offers. */
    uncovered: requirementsOf(result.uncovered),
    maxMinutes: params.maxMinutes,
    combinations: result.combinations.map((c) => ({
      worstMinutes: r1(c.worstMinutes),
      totalMinutes: r1(c.totalMinutes),
      covers: requirementsOf(c.covers),
      members: c.members.map((m) => ({
        code: m.code,
        name: rows.get(m.code)?.name ?? m.code,
        kind: rows.get(m.code)?.kind ?? 'unknown',
        gives: requirementsOf(m.gives),
        minutes: r1(m.minutes),
        distanceKm: Math.round(m.km * 100) / 100,
        lng: snap.institutions[m.i]!.lng,
        lat: snap.institutions[m.i]!.lat,
      })),
    })),
  };
}
