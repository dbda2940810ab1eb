import { describe, expect, it } from 'vitest';
import { daysToBinding, daysUntilBinding, FACILITY_TYPES, facilityTypeOf, SERVICE_CODES, serviceCodeFromOpenDataName } from '../../server/domain/facility-types';

describe('facility-type table (domain.md §2)', () => {
  const rule = (code: string) => {
    const t = facilityTypeOf(code);
    return [t.required.join(','), t.level, t.designatedBy];
  };
  it.each([
    ['510', 'consult,examine,admit', 'mandatory', 'prefecture'],
    ['540', 'consult,examine,admit', 'mandatory', 'municipality'],
    ['520', 'consult,examine,admit', 'mandatory', 'prefecture'],
    ['550', 'consult,examine,admit', 'mandatory', 'prefecture'],
    ['YOGO', 'consult,examine,admit', 'mandatory', 'prefecture'],
    ['331', 'consult,examine', 'best_effort', 'prefecture'],
    ['337', 'consult,examine', 'best_effort', 'prefecture'],
    ['361', 'consult,examine', 'best_effort', 'municipality'],
    ['364', 'consult,examine', 'best_effort', 'municipality'],
    ['320', 'consult,examine', 'best_effort', 'municipality'],
    ['KEIHI', 'consult,examine', 'best_effort', 'prefecture'],
  ])('%s requires %s (%s, filed with the %s)', (code, required, level, by) => {
    expect(rule(code)).toEqual([required, level, by]);
  });

  it('makes 義務 binding from 2027-04-01 and gives 努力義務 no date', () => {
    expect(FACILITY_TYPES.tokuyo.bindingFrom).toBe('2027-04-01');
    expect(FACILITY_TYPES.group_home.bindingFrom).toBeNull();
  });

  it('counts days left to the binding date', () => {
    expect(daysUntilBinding(FACILITY_TYPES.tokuyo, '2026-11-22')).toBe(130);
    expect(daysUntilBinding(FACILITY_TYPES.tokuyo, '2027-04-01')).toBe(0);
    expect(daysUntilBinding(FACILITY_TYPES.tokutei, '2026-11-22')).toBeNull();
  });

  it('shows the countdown as 0 once the 義務 binds, and none for 努力義務 types', () => {
    expect(daysToBinding(FACILITY_TYPES.tokuyo, '2026-11-22')).toBe(130);
    expect(daysToBinding(FACILITY_TYPES.tokuyo, '2027-04-01')).toBe(0);
    expect(daysToBinding(FACILITY_TYPES.tokuyo, '2028-01-01')).toBe(0);
    expect(daysToBinding(FACILITY_TYPES.tokutei, '2026-11-22')).toBeNull();
  });

  it('only the 特養/老健/医療院 types earn A253 for a partner hospital', () => {
    expect(Object.values(FACILITY_TYPES).filter((t) => t.a253).map((t) => t.key).sort()).toEqual(['chiiki_tokuyo', 'iryoin', 'roken', 'tokuyo']);
  });

  it('throws for a service code outside §2, naming the code', () => {
    expect(() => facilityTypeOf('551')).toThrow(/Unknown service code "551"/);
  });
});

describe('service code from the open data’s サービスの種類', () => {
  it.each([
    ['介護老人福祉施設', '510'],
    ['地域密着型介護老人福祉施設入所者生活介護', '540'],
    ['介護医療院', '550'],
    ['特定施設入居者生活介護（有料老人ホーム（サービス付き高齢者向け住宅））', '334'],
    ['地域密着型特定施設入居者生活介護（軽費老人ホーム）', '362'],
    ['認知症対応型共同生活介護', '320'],
  ])('%s → %s', (name, code) => expect(serviceCodeFromOpenDataName(name)).toBe(code));

  it('accepts half-width brackets and ignores services outside the rule', () => {
    expect(serviceCodeFromOpenDataName('特定施設入居者生活介護(軽費老人ホーム)')).toBe('332');
    expect(serviceCodeFromOpenDataName('短期入所療養介護（介護医療院）')).toBeUndefined();
  });

  it('has one row per code', () => {
    expect(new Set(SERVICE_CODES.map((s) => s.code)).size).toBe(SERVICE_CODES.length);
  });
});
