import { describe, expect, it } from 'vitest';
import { computeCoverage, isActiveAgreement, isLacking, STATUS_JA } from '../../server/domain/coverage';

const ALL = ['consult', 'examine', 'admit'] as const;

describe('coverage is the union of active partners', () => {
  it('two partners jointly cover ①②③', () => {
    const c = computeCoverage(ALL, [['consult', 'examine'], ['admit']], true);
    expect(c).toMatchObject({ status: 'covered', missing: [], met: ['consult', 'examine', 'admit'] });
  });
  it('a clinic alone leaves ③ missing: partial', () => {
    expect(computeCoverage(ALL, [['consult', 'examine']], false)).toMatchObject({ status: 'partial', missing: ['admit'] });
  });
  it('a 努力義務 type needs ①② only', () => {
    expect(computeCoverage(['consult', 'examine'], [['consult', 'examine']], false).status).toBe('covered');
  });
  it('a partner meeting none of ①②③ leaves the status none', () => {
    expect(computeCoverage(ALL, [[]], false)).toMatchObject({ status: 'none', missing: ['consult', 'examine', 'admit'] });
  });
  it('"reported: no partner" is none; nothing recorded is unknown', () => {
    expect(computeCoverage(ALL, [], true).status).toBe('none');
    expect(computeCoverage(ALL, [], false).status).toBe('unknown');
  });
  it('unknown is not lacking: nothing is met or missing, and a search looks for the whole set', () => {
    expect(computeCoverage(ALL, [], false)).toEqual({ required: [...ALL], supplied: [], met: null, missing: null, status: 'unknown', searchFor: [...ALL], basis: 'unknown' });
    expect(computeCoverage(ALL, [], true)).toMatchObject({ missing: [...ALL], searchFor: [...ALL], basis: 'known' });
    expect(computeCoverage(ALL, [['consult', 'examine']], false)).toMatchObject({ missing: ['admit'], searchFor: ['admit'], basis: 'known' });
  });
  it('only partial and none are lacking; each status has its Japanese name', () => {
    expect((['covered', 'partial', 'none', 'unknown'] as const).filter(isLacking)).toEqual(['partial', 'none']);
    expect(STATUS_JA).toEqual({ covered: '充足', partial: '一部', none: '未', unknown: '未把握' });
  });
  it('counts supplied requirements the type does not need, without calling them met', () => {
    expect(computeCoverage(['consult', 'examine'], [['admit']], false)).toMatchObject({ status: 'none', supplied: ['admit'], met: [] });
  });
});

describe('active agreements', () => {
  const a = { covers: [], agreedOn: '2024-04-01', endedOn: null, status: 'active' as const };
  it('is active from its agreement date until its end date', () => {
    expect(isActiveAgreement(a, '2024-04-01')).toBe(true);
    expect(isActiveAgreement(a, '2024-03-31')).toBe(false);
    expect(isActiveAgreement({ ...a, endedOn: '2025-03-31' }, '2025-03-31')).toBe(false);
    expect(isActiveAgreement({ ...a, endedOn: '2025-03-31' }, '2025-03-30')).toBe(true);
  });
  it('an ended status is never active', () => expect(isActiveAgreement({ ...a, status: 'ended' }, '2025-01-01')).toBe(false));
});
