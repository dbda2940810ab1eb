import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../server/domain/facility-types';
import { daysFrom, nextDeadline, severity } from '../../server/domain/priority';

describe('severity', () => {
  it('puts 義務 types without ③ first, then other 義務 gaps, then 努力義務', () => {
    expect(severity(FACILITY_TYPES.tokuyo, 'none', ['consult', 'examine', 'admit'])).toBe(1);
    expect(severity(FACILITY_TYPES.roken, 'partial', ['admit'])).toBe(1);
    expect(severity(FACILITY_TYPES.roken, 'partial', ['consult'])).toBe(2);
    expect(severity(FACILITY_TYPES.iryoin, 'unknown', ['consult', 'examine', 'admit'])).toBe(3);
    expect(severity(FACILITY_TYPES.group_home, 'none', ['consult', 'examine'])).toBe(4);
    expect(severity(FACILITY_TYPES.tokutei, 'unknown', ['consult', 'examine'])).toBe(5);
    expect(severity(FACILITY_TYPES.tokuyo, 'covered', [])).toBe(9);
  });
});

describe('nextDeadline', () => {
  it('is the binding date for a 義務 type not covered, unless the annual confirmation falls due first', () => {
    expect(nextDeadline(FACILITY_TYPES.tokuyo, 'partial', null)).toEqual({ date: '2027-04-01', kind: 'binding' });
    expect(nextDeadline(FACILITY_TYPES.tokuyo, 'partial', '2026-01-15')).toEqual({ date: '2027-01-15', kind: 'annual' });
    expect(nextDeadline(FACILITY_TYPES.tokuyo, 'partial', '2026-06-01')).toEqual({ date: '2027-04-01', kind: 'binding' });
    expect(nextDeadline(FACILITY_TYPES.tokuyo, 'covered', '2026-06-01')).toEqual({ date: '2027-06-01', kind: 'annual' });
  });
  it('is only the annual one for 努力義務 types, and none when nothing was ever confirmed', () => {
    expect(nextDeadline(FACILITY_TYPES.group_home, 'none', '2024-02-29')).toEqual({ date: '2025-02-28', kind: 'annual' });
    expect(nextDeadline(FACILITY_TYPES.group_home, 'unknown', null)).toBeNull();
  });
  it('counts days, negative once past', () => {
    expect(daysFrom('2026-11-22', '2027-04-01')).toBe(130);
    expect(daysFrom('2026-11-22', '2026-11-20')).toBe(-2);
  });
});
