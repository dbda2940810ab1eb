/** The calendar date in Japan (JST, UTC+9) of an instant: the rule's dates are Japanese dates. */
/** Made once: building a formatter costs far more than using one (every request asks for today). */
const JAPAN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });

export function dateInJapan(instant: Date): string {
  return JAPAN_DATE.format(instant);
}

/** An ISO calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isIsoDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}
