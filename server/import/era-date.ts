import { isIsoDate } from '../domain/dates';

/**
 * Japanese era dates as the 厚生局 lists write them — `令和 4年10月 1日`, `令和元年 9月 1日`,
 * `平成24年 4月 1日`, full-width digits allowed — to ISO `YYYY-MM-DD`.
 */
const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };
/** First and last day of each era: 令和1年4月1日 does not exist (it was 平成31年). */
const ERA_SPANS: Record<string, [string, string]> = {
  明治: ['1868-01-25', '1912-07-29'], 大正: ['1912-07-30', '1926-12-24'], 昭和: ['1926-12-25', '1989-01-07'], 平成: ['1989-01-08', '2019-04-30'], 令和: ['2019-05-01', '9999-12-31'],
};

export function eraDateToIso(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (!m) return null;
  const [, era, y, mo, d] = m as unknown as [string, string, string, string, string];
  const year = (ERAS[era] as number) + (y === '元' ? 1 : Number(y)) - 1;
  const iso = `${year}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const [first, last] = ERA_SPANS[era] as [string, string];
  return !isIsoDate(iso) || iso < first || iso > last ? null : iso;
}
