import { DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, maxStraightKmFor, type TravelModel } from '../geo';
import type { Mask } from './masks';
import { acrossWater, type EngineFacility, type EngineInstitution } from './model';
import type { FacilityIndex } from './spatial';

/**
 * The hospital's or clinic's question: which facilities within `maxMinutes` (by road: same landmass)
 * lack a requirement this institution could give? Those seeking it first, then the A253-relevant
 * (a 特養/老健/医療院 lacking ③ that this hospital may give), those that would earn this hospital A253
 * (its 在支病, 在後病 or 地包ケア ward, no 特別の関係) first among them, then the nearest.
 */
export interface NearbyFacility {
  f: number;
  minutes: number;
  km: number;
  /** What it lacks that this institution could give: by its notifications/declaration, or by kind only. */
  offered: Mask;
  eligibleOnly: Mask;
  a253: boolean;
  /**
   * A253-relevant: a type that can earn its admitting hospital A253 (特養・地域密着特養・老健・介護医療院)
   * lacks ③, and this institution may give it (a 病院 whose declaration, or kind, allows ③). Broader
   * than `a253`, which also asks this hospital's basis (在支病・在後病・地包ケア) and no 特別の関係.
   */
  a253Relevant: boolean;
  alreadyPartner: boolean;
  /** It has said it seeks something this institution could give. */
  seeking: boolean;
}

export function nearbyFacilities(
  inst: EngineInstitution,
  facilities: readonly EngineFacility[],
  index: FacilityIndex,
  opts: { maxMinutes: number; limit: number; travel?: TravelModel },
): { facilities: NearbyFacility[]; total: number } {
  const model = opts.travel ?? DEFAULT_TRAVEL_MODEL;
  const out: NearbyFacility[] = [];
  for (const n of index.near(inst.lng, inst.lat, maxStraightKmFor(opts.maxMinutes, model) * (1 + 1e-9))) {
    const f = facilities[n.i]!;
    const minutes = estimateDriveMinutes(n.km, model);
    if (minutes > opts.maxMinutes || acrossWater(f.landmass, inst.landmass)) continue;
    const missing = f.required & ~f.met;
    const offered = missing & inst.offers;
    const eligibleOnly = inst.declared ? 0 : missing & inst.eligible & ~inst.offers;
    if (offered === 0 && eligibleOnly === 0) continue;
    out.push({
      f: n.i,
      minutes,
      km: n.km,
      offered,
      eligibleOnly,
      // A253 only where this hospital would give the facility ③ (a253.ts); a clinic never.
      a253: f.a253Type && inst.a253Basis && (offered & 4) !== 0 && !f.specialRelationshipCodes.includes(inst.code),
      a253Relevant: f.a253Type && ((offered | eligibleOnly) & 4) !== 0,
      alreadyPartner: f.partnerCodes.includes(inst.code),
      seeking: ((f.seeking ?? 0) & (offered | eligibleOnly)) !== 0,
    });
  }
  // Those that asked first (they opted in as seeking what this institution gives), then the
  // A253-relevant ones (only where this institution may give ③ — else none is), those earning this
  // hospital A253 first among them, then the nearest.
  out.sort(
    (a, b) =>
      Number(b.seeking) - Number(a.seeking) ||
      Number(b.a253Relevant) - Number(a.a253Relevant) ||
      Number(b.a253) - Number(a.a253) ||
      a.minutes - b.minutes ||
      (facilities[a.f]!.id < facilities[b.f]!.id ? -1 : 1),
  );
  return { facilities: out.slice(0, opts.limit), total: out.length };
}
