import { describe, expect, it } from 'vitest';
import { rankByScan, rankIndexed, withRoadMinutes, scanCandidates } from '../../../server/domain/engine/candidates';
import type { EngineInstitution } from '../../../server/domain/engine/model';
import { DEFAULT_SCORE_WEIGHTS, type CandidateQuery } from '../../../server/domain/engine/score';
import { InstitutionIndex } from '../../../server/domain/engine/spatial';
import { estimateDriveMinutes, haversineKm } from '../../../server/domain/geo';

const ORIGIN: [number, number] = [134.2, 35.5];
/** A point `km` east of the origin. */
const east = (km: number): [number, number] => [ORIGIN[0] + km / (111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180)), ORIGIN[1]];

/** An institution `km` east; offers from notifications as in domain.md §5 (支援病 ①②③, 支援診 ①②, 地包ケア ③). */
function inst(code: string, kind: 'hospital' | 'clinic' | 'unknown', km: number, offers: number, extra: Partial<EngineInstitution> = {}): EngineInstitution {
  const [lng, lat] = east(km);
  return { code, kind, lng, lat, offers, eligible: kind === 'hospital' ? 7 : 3, declared: false, a253Basis: offers !== 0, willingness: null, maxPartners: null, activePartners: 0, landmass: null, ...extra };
}

const q = (extra: Partial<CandidateQuery> = {}): CandidateQuery => ({
  origin: ORIGIN, missing: 7, a253Type: false, landmass: null, partnerCodes: new Set(), specialRelationshipCodes: new Set(), maxMinutes: 30, limit: 20, ...extra,
});
const codes = (insts: EngineInstitution[], query = q()) => rankByScan(query, insts).candidates.map((c) => c.code);

describe('candidate ranking — edge cases', () => {
  it('returns nothing for an empty region (scan and index alike)', () => {
    expect(rankByScan(q(), [])).toEqual({ candidates: [], excluded: { notAccepting: 0, atCapacity: 0 }, totalInRange: 0 });
    expect(rankIndexed(q(), new InstitutionIndex([]))).toEqual([]);
  });

  it('returns nothing when no institution is within maxMinutes', () => {
    expect(codes([inst('h', 'hospital', 40, 7)])).toEqual([]);
  });

  it('reports distance in km and the estimated drive time', () => {
    const [c] = rankByScan(q(), [inst('h', 'hospital', 5, 7)]).candidates;
    expect(c?.distanceKm).toBeCloseTo(5, 1);
    expect(c?.minutes).toBeCloseTo(estimateDriveMinutes(haversineKm(ORIGIN, east(5))), 1);
  });

  it('ranks the hospital that covers ③ above a nearer clinic that cannot', () => {
    expect(codes([inst('clinic', 'clinic', 1, 3), inst('hosp', 'hospital', 8, 7)])).toEqual(['hosp', 'clinic']);
  });

  it('never offers a clinic or an institution of unknown kind for ③, even as "eligible only"', () => {
    const [c, u] = rankByScan(q(), [inst('clinic', 'clinic', 1, 3), inst('u', 'unknown', 2, 0)]).candidates;
    expect(c?.covers).toEqual({ offered: ['consult', 'examine'], eligibleOnly: [] });
    expect(u?.covers).toEqual({ offered: [], eligibleOnly: ['consult', 'examine'] });
  });

  it('shows a hospital without notifications as eligible only, worth less than a notified one', () => {
    const r = rankByScan(q(), [inst('plain', 'hospital', 3, 0), inst('notified', 'hospital', 3, 7)]);
    expect(r.candidates.map((c) => c.code)).toEqual(['notified', 'plain']);
    expect(r.candidates[1]?.covers).toEqual({ offered: [], eligibleOnly: ['consult', 'examine', 'admit'] });
  });

  it('takes a declaration at its word: nothing beyond it counts as eligible', () => {
    const [c] = rankByScan(q(), [inst('d', 'hospital', 2, 1, { declared: true })]).candidates;
    expect(c?.covers).toEqual({ offered: ['consult'], eligibleOnly: [] });
  });

  it('returns score parts that sum to the total, with the documented weights', () => {
    const [c] = rankByScan(q({ a253Type: true }), [inst('h', 'hospital', 6, 7, { maxPartners: 4, activePartners: 1, willingness: 'accepting' })]).candidates;
    const p = c!.score.parts;
    const w = DEFAULT_SCORE_WEIGHTS;
    expect(p.coverage).toBeCloseTo(w.requirement.consult + w.requirement.examine + w.requirement.admit, 6);
    expect(p.travel).toBeCloseTo((-w.travel * c!.minutes) / 30, 2);
    expect(p.load).toBeCloseTo(-w.load * 0.25, 6);
    expect(p.willingness).toBe(w.willingness);
    expect(p.a253).toBe(w.a253);
    expect(c!.score.total).toBeCloseTo(p.coverage + p.travel + p.load + p.willingness + p.a253, 2);
  });

  it('leaves out institutions that declared no new partners or are full, and counts them — unless already partners', () => {
    const insts = [inst('no', 'hospital', 2, 7, { willingness: 'not_accepting' }), inst('full', 'hospital', 2, 7, { maxPartners: 2, activePartners: 2 }), inst('ok', 'hospital', 2, 7)];
    const r = rankByScan(q(), insts);
    expect(r.candidates.map((c) => c.code)).toEqual(['ok']);
    expect(r.excluded).toEqual({ notAccepting: 1, atCapacity: 1 });
    expect(codes(insts, q({ partnerCodes: new Set(['full']) }))).toContain('full');
  });

  it('orders ties at duplicate coordinates deterministically by code', () => {
    expect(codes([inst('b', 'clinic', 2, 3), inst('a', 'clinic', 2, 3)])).toEqual(['a', 'b']);
  });

  it('skips institutions that cover none of what is missing, and everything when nothing is missing', () => {
    expect(codes([inst('c', 'clinic', 1, 3)], q({ missing: 4 }))).toEqual([]);
    expect(codes([inst('h', 'hospital', 1, 7)], q({ missing: 0 }))).toEqual([]);
  });

  it('applies the limit after ranking and reports how many were in range', () => {
    const r = rankByScan(q({ limit: 3, maxMinutes: 60 }), Array.from({ length: 8 }, (_, i) => inst(`c${i}`, 'clinic', 1 + i, 3)));
    expect(r.candidates.map((c) => c.code)).toEqual(['c0', 'c1', 'c2']);
    expect(r.totalInRange).toBe(8);
  });

  it('does not mutate its input', () => {
    const insts = [inst('b', 'clinic', 3, 3), inst('a', 'hospital', 2, 7)];
    const before = JSON.stringify(insts);
    rankByScan(q(), insts);
    rankIndexed(q(), new InstitutionIndex(insts));
    expect(JSON.stringify(insts)).toBe(before);
  });
});

describe('road travel times', () => {
  it('replace the estimate in the travel part, re-rank, and drop what is now out of range', () => {
    const query = q({ missing: 3 });
    const { ranked } = scanCandidates(query, [inst('near', 'clinic', 1, 3), inst('far', 'clinic', 6, 3), inst('gone', 'clinic', 8, 3)]);
    expect(ranked.map((c) => c.code)).toEqual(['near', 'far', 'gone']);
    // By road, "near" is behind a river (25 min), "far" is 5 min, "gone" is 45 min, beyond 30.
    const road = withRoadMinutes(query, ranked, [25, 5, 45]);
    expect(road.map((c) => [c.code, c.minutes])).toEqual([['far', 5], ['near', 25]]);
    expect(road[0]!.parts.travel).toBeCloseTo(-1.5 * (5 / 30), 9);
  });

  it('keep the estimate where the service has no time', () => {
    const query = q({ missing: 3 });
    const { ranked } = scanCandidates(query, [inst('a', 'clinic', 2, 3)]);
    expect(withRoadMinutes(query, ranked, [null])).toEqual(ranked);
  });
});
