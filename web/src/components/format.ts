import { lang } from '../i18n';

/** Number formatting in the current language (1 decimal for km and minutes). */
export const fmt1 = (n: number) => n.toLocaleString(lang() === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const fmtInt = (n: number) => Math.round(n).toLocaleString(lang() === 'ja' ? 'ja-JP' : 'en-GB');
export const fmtSigned = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(2)}`;

/** An instant (ISO 8601, UTC) as Japan's local date and time, `YYYY-MM-DD HH:mm` (audit entries are shown as officers read them). */
const JST = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
export const fmtDateTimeJst = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : JST.format(d);
};

/** Today's date in Japan (YYYY-MM-DD), the day the forms start from — the server's clock decides. */
export const todayInJapan = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
