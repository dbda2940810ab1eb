import { describe, expect, it } from 'vitest';
import { a253ForAgreement, holdsA253Basis } from '../../server/domain/a253';
import { rankByScan } from '../../server/domain/engine/candidates';
import type { EngineFacility, EngineInstitution } from '../../server/domain/engine/model';
import { nearbyFacilities } from '../../server/domain/engine/nearby';
import type { CandidateQuery } from '../../server/domain/engine/score';
import { FacilityIndex } from '../../server/domain/engine/spatial';
import { FACILITY_TYPES } from '../../server/domain/facility-types';

/** A253 belongs to the hospital that gives the facility ③ (domain.md §4). */
describe('A253 basis', () => {
  it('is a 病院 holding 在支病, 在後病 or a 地包ケア ward — never a clinic, never 地包医 alone', () => {
    expect(holdsA253Basis('hospital', ['支援病３'])).toBe(true);
    expect(holdsA253Basis('hospital', ['在後病'])).toBe(true);
    expect(holdsA253Basis('hospital', ['地包ケア２'])).toBe(true);
    expect(holdsA253Basis('hospital', ['地包医'])).toBe(false);
    expect(holdsA253Basis('hospital', ['明細'])).toBe(false);
    expect(holdsA253Basis('clinic', ['支援診１'])).toBe(false);
    expect(holdsA253Basis('unknown', ['支援病１'])).toBe(false);
  });
});

describe('A253 per agreement', () => {
  const base = { facilityType: FACILITY_TYPES.roken, covers: ['consult', 'examine', 'admit'] as const, institutionKind: 'hospital' as const, basis: true, specialRelationship: false };
  it('is earned by a hospital with a basis giving ③ to a 老健', () => expect(a253ForAgreement({ ...base, covers: [...base.covers] })).toEqual({ earns: true, reason: null }));
  it('says why not, one reason each', () => {
    expect(a253ForAgreement({ ...base, covers: [...base.covers], facilityType: FACILITY_TYPES.group_home }).reason).toBe('facility_type');
    expect(a253ForAgreement({ ...base, covers: ['consult', 'examine'] }).reason).toBe('no_admit');
    expect(a253ForAgreement({ ...base, covers: ['admit'], institutionKind: 'clinic' }).reason).toBe('not_hospital');
    expect(a253ForAgreement({ ...base, covers: ['admit'], basis: false }).reason).toBe('no_basis');
    expect(a253ForAgreement({ ...base, covers: ['admit'], specialRelationship: true }).reason).toBe('special_relationship');
  });
  it('covers 特養 and 地域密着特養 and 介護医療院, not 特定施設 or 養護', () => {
    for (const k of ['tokuyo', 'chiiki_tokuyo', 'iryoin'] as const) expect(a253ForAgreement({ ...base, covers: ['admit'], facilityType: FACILITY_TYPES[k] }).earns).toBe(true);
    for (const k of ['tokutei', 'yogo', 'keihi'] as const) expect(a253ForAgreement({ ...base, covers: ['admit'], facilityType: FACILITY_TYPES[k] }).earns).toBe(false);
  });
});

const ORIGIN: [number, number] = [134.2, 35.5];
const east = (km: number): [number, number] => [ORIGIN[0] + km / (111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180)), ORIGIN[1]];
function inst(code: string, kind: 'hospital' | 'clinic', km: number, offers: number, a253Basis: boolean): EngineInstitution {
  const [lng, lat] = east(km);
  return { code, kind, lng, lat, offers, eligible: kind === 'hospital' ? 7 : 3, declared: false, a253Basis, willingness: null, maxPartners: null, activePartners: 0, landmass: null };
}
const q = (missing: number): CandidateQuery => ({ origin: ORIGIN, missing, a253Type: true, landmass: null, partnerCodes: new Set(), specialRelationshipCodes: new Set(), maxMinutes: 30, limit: 20 });

describe('the A253 score bonus', () => {
  it('never goes to a clinic, even a 支援診 one', () => {
    const [c] = rankByScan(q(7), [inst('clinic', 'clinic', 2, 3, false)]).candidates;
    expect(c).toMatchObject({ a253: false, score: { parts: { a253: 0 } } });
  });
  it('goes to a hospital with a basis only when it gives the missing ③', () => {
    const h = inst('hosp', 'hospital', 2, 7, true);
    expect(rankByScan(q(7), [h]).candidates[0]).toMatchObject({ a253: true });
    // ③ already covered by another partner: this hospital would give ①② only, so no A253.
    expect(rankByScan(q(3), [h]).candidates[0]).toMatchObject({ a253: false, score: { parts: { a253: 0 } } });
  });
});

describe('a hospital’s nearby facilities', () => {
  const fac = (id: string, km: number, met: number, a253Type: boolean): EngineFacility => {
    const [lng, lat] = east(km);
    return { id, serviceCode: a253Type ? '520' : '320', lng, lat, municipalityCode: null, prefCode: '31', required: a253Type ? 7 : 3, met, status: met ? 'partial' : 'unknown', a253Type, landmass: null, partnerCodes: [], specialRelationshipCodes: [] };
  };
  const facilities = [fac('gh-near', 1, 0, false), fac('roken-has3', 2, 4, true), fac('roken-far', 5, 0, true)];
  const index = new FacilityIndex(facilities);
  const ids = (i: EngineInstitution) => nearbyFacilities(i, facilities, index, { maxMinutes: 30, limit: 10 }).facilities.map((n) => [facilities[n.f]!.id, n.a253]);

  it('ranks A253-relevant facilities first where the hospital can give ③', () => {
    expect(ids(inst('hosp', 'hospital', 0, 7, true))).toEqual([['roken-far', true], ['gh-near', false], ['roken-has3', false]]);
  });
  it('ranks them first, marked A253-relevant, even for a hospital without a basis that would not earn it', () => {
    const relevant = (i: EngineInstitution) => nearbyFacilities(i, facilities, index, { maxMinutes: 30, limit: 10 }).facilities.map((n) => [facilities[n.f]!.id, n.a253Relevant, n.a253]);
    expect(relevant(inst('hosp-nobasis', 'hospital', 0, 7, false))).toEqual([['roken-far', true, false], ['gh-near', false, false], ['roken-has3', false, false]]);
    // An undeclared hospital whose notifications suggest ①② only may still admit: relevant all the same.
    expect(relevant(inst('hosp12-undeclared', 'hospital', 0, 3, false))[0]).toEqual(['roken-far', true, false]);
    // A clinic never gives ③: nothing is A253-relevant to it, nearest first.
    expect(relevant(inst('clinic', 'clinic', 0, 3, false)).map(([id, r]) => [id, r])).toEqual([['gh-near', false], ['roken-has3', false], ['roken-far', false]]);
  });
  it('lists facilities seeking what it gives before the A253-relevant ones', () => {
    const seekingGh = facilities.map((f) => (f.id === 'gh-near' ? { ...f, seeking: 1 } : f));
    const got = nearbyFacilities(inst('hosp', 'hospital', 0, 7, true), seekingGh, new FacilityIndex(seekingGh), { maxMinutes: 30, limit: 10 }).facilities.map((n) => [seekingGh[n.f]!.id, n.seeking, n.a253Relevant]);
    expect(got).toEqual([['gh-near', true, false], ['roken-far', false, true], ['roken-has3', false, false]]);
  });
  it('does not, where it cannot give ③ (a clinic, or a hospital offering ①② only)', () => {
    expect(ids(inst('clinic', 'clinic', 0, 3, false)).every(([, a]) => a === false)).toBe(true);
    expect(ids(inst('hosp12', 'hospital', 0, 3, true)).every(([, a]) => a === false)).toBe(true);
  });
});
