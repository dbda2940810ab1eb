/** The calendar date in Japan (JST, UTC+9) of an instant: the rule's dates are Japanese dates. */
/** Made once: building a formatter costs far more than using one (every request asks for today). */
const JAPAN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });

export function dateInJapan(instant: Date): string {
  return JAPAN_DATE.format(instant);
}

/** Whole days from `today` to `date`, both ISO dates (negative once past). */
export const daysFrom = (today: string, date: string): number => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** An ISO calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isIsoDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

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

/**
 * The one date reader for dates people type or files print: `2026-04-01`, `2026/4/1`, `2026.4.1`,
 * `2026年4月1日` or an era date (`令和8年4月1日`), full-width digits and spaces allowed. ISO text of
 * a day that exists, or null (2026-02-30 is null).
 */
export function parseDate(raw: string): string | null {
  const t = raw.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(t);
  if (m) {
    const iso = `${m[1]}-${(m[2] ?? m[4])!.padStart(2, '0')}-${(m[3] ?? m[5])!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  return eraDateToIso(t);
}
