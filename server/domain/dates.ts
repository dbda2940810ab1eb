/** The calendar date in Japan (JST, UTC+9) of an instant: the rule's dates are Japanese dates. */
export function dateInJapan(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(instant);
}
