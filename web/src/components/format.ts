import { lang } from '../i18n';

/** Number formatting in the current language (1 decimal for km and minutes). */
export const fmt1 = (n: number) => n.toLocaleString(lang() === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const fmtInt = (n: number) => Math.round(n).toLocaleString(lang() === 'ja' ? 'ja-JP' : 'en-GB');
export const fmtSigned = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(2)}`;
