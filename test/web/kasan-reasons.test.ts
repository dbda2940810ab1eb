import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../server/domain/facility-types';
import { KASAN_REASON_KEYS, kasanByMonth } from '../../server/domain/kasan';
import { en } from '../../web/src/i18n/en';
import { ja } from '../../web/src/i18n/ja';

describe('協力医療機関連携加算 reasons in both languages', () => {
  it('every reason key has a Japanese and an English message', () => {
    for (const k of KASAN_REASON_KEYS) {
      expect(ja[`kasan.reason.${k}`]).toMatch(/\S/);
      expect(en[`kasan.reason.${k}`]).toMatch(/\S/);
    }
  });
  it('the key says what the domain sentence says', () => {
    const rows = kasanByMonth({ type: FACILITY_TYPES.tokuyo, fiscalYear: 2025, meetings: [{ heldOn: '2025-05-12', institutionCode: '3110000001', electronicSharing: false }], agreements: [{ institutionCode: '3110000001', covers: ['consult', 'examine', 'admit'], agreedOn: '2024-01-10', endedOn: null, status: 'active' }], today: '2026-04-10' });
    const may = rows.find((r) => r.month === '2025-05')!;
    const june = rows.find((r) => r.month === '2025-06')!;
    expect(may.reasonKey).toBe('monthly_1');
    expect(ja[`kasan.reason.${may.reasonKey}`]).toBe(may.reason);
    expect(june.reasonKey).toBe('no_meeting');
    expect(ja[`kasan.reason.${june.reasonKey}`]).toBe(june.reason);
  });
});
