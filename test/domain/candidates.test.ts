import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_WEIGHTS, rankCandidates, type CandidateInstitution } from '../../server/domain/candidates';
import { estimateDriveMinutes, haversineKm } from '../../server/domain/geo';
import { institutionOffers, type InstitutionKind } from '../../server/domain/institution-offers';
import type { Requirement } from '../../server/domain/requirements';

const ORIGIN: [number, number] = [134.2, 35.5];
/** A point `km` east of the origin. */
const east = (km: number): [number, number] => [ORIGIN[0] + km / (111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180)), ORIGIN[1]];

function inst(code: string, kind: InstitutionKind, km: number | null, symbols: string[] = [], extra: Partial<CandidateInstitution> & { declared?: Requirement[] } = {}): CandidateInstitution {
  return {
    code,
    kind,
    position: km === null ? null : east(km),
    offers: institutionOffers({ kind, symbols, declared: extra.declared ?? null }),
    activePartners: 0,
    maxPartners: null,
    willingness: null,
    ...extra,
  };
}

const ALL: Requirement[] = ['consult', 'examine', 'admit'];
const rank = (institutions: CandidateInstitution[], missing = ALL, maxMinutes = 30) => rankCandidates({ origin: ORIGIN, missing, institutions, maxMinutes, limit: 20 });

describe('candidate ranking', () => {
  it('returns nothing for an empty region', () => {
    expect(rank([])).toEqual({ candidates: [], excluded: { notAccepting: 0, atCapacity: 0 }, totalInRange: 0 });
  });

  it('returns nothing when no institution is within maxMinutes', () => {
    expect(rank([inst('h', 'hospital', 40, ['支援病1'])], ALL, 30).candidates).toEqual([]);
  });

  it('reports distance in km and the estimated drive time', () => {
    const [c] = rank([inst('h', 'hospital', 5, ['支援病1'])]).candidates;
    expect(c?.distanceKm).toBeCloseTo(5, 1);
    expect(c?.minutes).toBeCloseTo(estimateDriveMinutes(haversineKm(ORIGIN, east(5))), 1);
  });

  it('ranks the hospital that covers ③ above a nearer clinic that cannot', () => {
    const r = rank([inst('clinic', 'clinic', 1, ['支援診3']), inst('hosp', 'hospital', 8, ['支援病2'])]);
    expect(r.candidates.map((c) => c.code)).toEqual(['hosp', 'clinic']);
  });

  it('never offers a clinic for ③, even as "eligible only"', () => {
    const [c] = rank([inst('clinic', 'clinic', 1, ['支援診3', '地包ケア1'])]).candidates;
    expect(c?.covers).toEqual({ offered: ['consult', 'examine'], eligibleOnly: [] });
  });

  it('never offers an institution of unknown kind for ③', () => {
    const [c] = rank([inst('u', 'unknown', 1)]).candidates;
    expect(c?.covers).toEqual({ offered: [], eligibleOnly: ['consult', 'examine'] });
  });

  it('shows a hospital without notifications as eligible only, worth less than a notified one', () => {
    const r = rank([inst('plain', 'hospital', 3), inst('notified', 'hospital', 3, ['在後病'])]);
    expect(r.candidates.map((c) => c.code)).toEqual(['notified', 'plain']);
    expect(r.candidates[1]?.covers).toEqual({ offered: [], eligibleOnly: ['consult', 'examine', 'admit'] });
  });

  it('takes a declaration at its word: nothing beyond it counts as eligible', () => {
    const [c] = rank([inst('d', 'hospital', 2, [], { declared: ['consult'] })]).candidates;
    expect(c?.covers).toEqual({ offered: ['consult'], eligibleOnly: [] });
  });

  it('returns score parts that sum to the total, with the documented weights', () => {
    const [c] = rank([inst('h', 'hospital', 6, ['支援病1'], { maxPartners: 4, activePartners: 1, willingness: 'accepting' })]).candidates;
    const p = c!.score.parts;
    const w = DEFAULT_SCORE_WEIGHTS;
    expect(p.coverage).toBeCloseTo(w.requirement.consult + w.requirement.examine + w.requirement.admit, 6);
    expect(p.travel).toBeCloseTo((-w.travel * c!.minutes) / 30, 2);
    expect(p.load).toBeCloseTo(-w.load * 0.25, 6);
    expect(p.willingness).toBe(w.willingness);
    expect(c!.score.total).toBeCloseTo(p.coverage + p.travel + p.load + p.willingness, 2);
  });

  it('leaves out institutions that declared no new partners or are full, and counts them', () => {
    const r = rank([
      inst('no', 'hospital', 2, ['支援病1'], { willingness: 'not_accepting' }),
      inst('full', 'hospital', 2, ['支援病1'], { maxPartners: 2, activePartners: 2 }),
      inst('ok', 'hospital', 2, ['支援病1']),
    ]);
    expect(r.candidates.map((c) => c.code)).toEqual(['ok']);
    expect(r.excluded).toEqual({ notAccepting: 1, atCapacity: 1 });
  });

  it('skips institutions without a position (e.g. 0.0 coordinates cleared on import)', () => {
    expect(rank([inst('nowhere', 'hospital', null, ['支援病1'])]).candidates).toEqual([]);
  });

  it('orders ties at duplicate coordinates deterministically by code', () => {
    const r = rank([inst('b', 'clinic', 2, ['支援診1']), inst('a', 'clinic', 2, ['支援診1'])]);
    expect(r.candidates.map((c) => c.code)).toEqual(['a', 'b']);
  });

  it('skips institutions that cover none of what is missing', () => {
    expect(rank([inst('c', 'clinic', 1, ['支援診1'])], ['admit']).candidates).toEqual([]);
  });

  it('returns nothing when nothing is missing', () => {
    expect(rank([inst('h', 'hospital', 1, ['支援病1'])], []).candidates).toEqual([]);
  });

  it('keeps a current partner that is full or not accepting: adding a requirement takes no new slot', () => {
    const full = inst('h', 'hospital', 1, ['支援病1'], { maxPartners: 1, activePartners: 1, willingness: 'not_accepting' });
    const r = rankCandidates({ origin: ORIGIN, missing: ['admit'], institutions: [full], maxMinutes: 30, limit: 5, partnerCodes: new Set(['h']) });
    expect(r.candidates.map((c) => c.code)).toEqual(['h']);
    expect(r.excluded).toEqual({ notAccepting: 0, atCapacity: 0 });
  });

  it('marks current partners', () => {
    const r = rankCandidates({ origin: ORIGIN, missing: ['admit'], institutions: [inst('h', 'hospital', 1, ['支援病1'])], maxMinutes: 30, limit: 5, partnerCodes: new Set(['h']) });
    expect(r.candidates[0]?.currentPartner).toBe(true);
  });

  it('applies the limit after ranking and reports how many were in range', () => {
    const list = Array.from({ length: 8 }, (_, i) => inst(`c${i}`, 'clinic', 1 + i, ['支援診1']));
    const r = rankCandidates({ origin: ORIGIN, missing: ALL, institutions: list, maxMinutes: 60, limit: 3 });
    expect(r.candidates.map((c) => c.code)).toEqual(['c0', 'c1', 'c2']);
    expect(r.totalInRange).toBe(8);
  });

  it('does not mutate its input', () => {
    const list = [inst('b', 'clinic', 3, ['支援診1']), inst('a', 'hospital', 2, ['支援病1'])];
    const missing: Requirement[] = ['admit', 'consult'];
    const snapshot = JSON.stringify([list, missing]);
    rank(list, missing);
    expect(JSON.stringify([list, missing])).toBe(snapshot);
  });
});
