import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDate } from '../../server/domain/dates';
import { dateInName } from '../../server/import/run-import';

/** One date reader for every typed or printed date (domain/dates.ts). */
describe('parseDate', () => {
  it('reads ISO, slashes, dots, 年月日 and era dates, full-width too', () => {
    for (const t of ['2026-04-01', '2026/4/1', '2026.04.01', '2026年4月1日', '２０２６年４月１日', '令和8年4月1日', '令和 8年 4月 1日']) expect(parseDate(t), t).toBe('2026-04-01');
  });
  it('refuses days that do not exist and text that is not a date', () => {
    for (const t of ['2026-02-30', '2026/13/1', '令和元年4月1日', 'soon', '']) expect(parseDate(t), t).toBeNull();
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(dateInName('navii_20260230_x.csv')).toBeNull();
    expect(dateInName('navii_20250601_x.csv')).toBe('2025-06-01');
  });
});
