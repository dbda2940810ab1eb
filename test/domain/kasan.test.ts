import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../server/domain/facility-types';
import { fiscalYearOf, kasanByMonth, monthsOfFiscalYear, type KasanAgreement, type KasanMeeting } from '../../server/domain/kasan';

const HOSPITAL = '3110000001';
const CLINIC = '3110000002';
const full: KasanAgreement = { institutionCode: HOSPITAL, covers: ['consult', 'examine', 'admit'], agreedOn: '2024-01-10', endedOn: null, status: 'active' };
const twoOnly: KasanAgreement = { institutionCode: CLINIC, covers: ['consult', 'examine'], agreedOn: '2024-01-10', endedOn: null, status: 'active' };
const admitOnly: KasanAgreement = { ...full, covers: ['admit'] };
const meeting = (heldOn: string, institutionCode = HOSPITAL, electronicSharing = false): KasanMeeting => ({ heldOn, institutionCode, electronicSharing });
const byMonth = (rows: ReturnType<typeof kasanByMonth>) => Object.fromEntries(rows.map((r) => [r.month, r]));

describe('fiscal years', () => {
  it('run April to March', () => {
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(monthsOfFiscalYear(2025)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });
});

describe('協力医療機関連携加算 month by month', () => {
  it('gives a 特養 meeting a ①②③ partner in a month tier 1: 50 units from FY2025, 100 in FY2024', () => {
    const fy25 = byMonth(kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2025, meetings: [meeting('2025-05-12'), meeting('2025-06-03')], agreements: [full], today: '2026-04-10' }));
    expect(fy25['2025-05']).toMatchObject({ eligible: true, tier: 1, units: 50, basis: 'monthly', partners: [HOSPITAL], provisional: false });
    expect(fy25['2025-06']).toMatchObject({ eligible: true, units: 50 });
    expect(fy25['2025-07']).toMatchObject({ eligible: false, units: 0, tier: null });
    const fy24 = byMonth(kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2024, meetings: [meeting('2024-05-12')], agreements: [full], today: '2026-04-10' }));
    expect(fy24['2024-05']).toMatchObject({ tier: 1, units: 100 });
  });

  it('gives tier 2 (5 units) when the partner met lacks ③, and a グループホーム tier 1 (100) for ①②', () => {
    const t = byMonth(kasanByMonth({ type: FACILITY_TYPES.roken, fiscalYear: 2025, meetings: [meeting('2025-05-12', CLINIC)], agreements: [twoOnly], today: '2026-04-10' }));
    expect(t['2025-05']).toMatchObject({ eligible: true, tier: 2, units: 5 });
    expect(t['2025-05']!.reason).toContain('加算(2)');
    const gh = byMonth(kasanByMonth({ type: FACILITY_TYPES.group_home, fiscalYear: 2025, meetings: [meeting('2025-05-12', CLINIC)], agreements: [twoOnly], today: '2026-04-10' }));
    expect(gh['2025-05']).toMatchObject({ tier: 1, units: 100 });
  });

  it('counts two partners together only when the union setting says so (未確認)', () => {
    const input = { type: FACILITY_TYPES.tokuyo, fiscalYear: 2025, meetings: [meeting('2025-05-12', CLINIC), meeting('2025-05-20', HOSPITAL)], agreements: [twoOnly, admitOnly], today: '2026-04-10' };
    expect(byMonth(kasanByMonth(input))['2025-05']).toMatchObject({ tier: 2, units: 5 });
    expect(byMonth(kasanByMonth({ ...input, settings: { unionCounts: true } }))['2025-05']).toMatchObject({ tier: 1, units: 50, partners: [CLINIC, HOSPITAL] });
  });

  it('qualifies the year with three meetings sharing information electronically, from the first of them', () => {
    const three = [meeting('2025-06-10', HOSPITAL, true), meeting('2025-09-10', HOSPITAL, true), meeting('2025-12-10', HOSPITAL, true)];
    const rows = byMonth(kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2025, meetings: three, agreements: [full], today: '2026-04-10' }));
    expect(rows['2025-05']!.eligible).toBe(false);
    expect(rows['2025-06']).toMatchObject({ eligible: true, basis: 'monthly' });
    expect(rows['2025-07']).toMatchObject({ eligible: true, basis: 'electronic_annual', tier: 1, units: 50 });
    expect(rows['2026-03']!.eligible).toBe(true);
    const two = byMonth(kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2025, meetings: three.slice(0, 2), agreements: [full], today: '2026-04-10' }));
    expect(two['2025-07']!.eligible).toBe(false);
    expect(two['2025-07']!.reason).toContain('2 回');
  });

  it('ignores meetings with an institution that was not a partner on the day, and meetings not yet held', () => {
    const late: KasanAgreement = { ...full, agreedOn: '2025-08-01' };
    const rows = byMonth(kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2025, meetings: [meeting('2025-05-12'), meeting('2025-09-01'), meeting('2025-12-01')], agreements: [late], today: '2025-10-15' }));
    expect(rows['2025-05']!.eligible).toBe(false);
    expect(rows['2025-09']!.eligible).toBe(true);
    expect(rows['2025-12']!.eligible).toBe(false);
    expect(rows['2025-10']!.provisional).toBe(true);
    expect(rows['2025-09']!.provisional).toBe(false);
  });

  it('has nothing for 養護 or 軽費 (not 介護保険 services) nor before FY2024', () => {
    expect(kasanByMonth({ type: FACILITY_TYPES.yogo, fiscalYear: 2025, meetings: [meeting('2025-05-12')], agreements: [full], today: '2026-04-10' }).every((m) => !m.eligible)).toBe(true);
    expect(kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2023, meetings: [meeting('2023-05-12')], agreements: [full], today: '2026-04-10' }).every((m) => !m.eligible)).toBe(true);
  });
});
