import { stripPrivateUse } from '../domain/search-text';

/**
 * Address normalisation shared by the ナビイ join and the geocoder:
 * 外字 (Private Use Area) dropped, NFKC (full-width digits → ASCII), no spaces, kanji numerals before 丁目 → digits (三丁目 → 3丁目),
 * every dash variant → "-", and the spelling variants official lists mix (旗ヶ崎 = 旗ケ崎, 天萬 = 天万).
 */
/** Characters official lists write either way in place names: small ヶ/ヵ, and old kanji forms. */
const VARIANTS: Record<string, string> = {
  ヶ: 'ケ', ヵ: 'ケ', 萬: '万', 齋: '斉', 斎: '斉', 邊: '辺', 邉: '辺', 濱: '浜', 澤: '沢', 櫻: '桜', 龍: '竜', 國: '国', 當: '当',
};
const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as written in town names (十一, 二十, 二十三) → number; null if not a kanji numeral. */
export function kanjiNumber(s: string): number | null {
  if (!/^[〇一二三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) return [...s].reduce((n, ch) => n * 10 + (KANJI_DIGITS[ch] ?? 0), 0);
  const [tens, ones] = s.split('十') as [string, string];
  return (tens === '' ? 1 : (KANJI_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (KANJI_DIGITS[ones] ?? 0));
}

export function normalizeAddressText(raw: string): string {
  return stripPrivateUse(raw)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/([〇一二三四五六七八九十]+)(丁目)/g, (m, k: string, suffix: string) => {
      const n = kanjiNumber(k);
      return n === null ? m : `${n}${suffix}`;
    })
    .replace(/(\d)[ーｰ](?=\d)/g, '$1-')
    .replace(/[‐‑‒–—―−－]/g, '-')
    .replace(VARIANT_PATTERN, (ch) => VARIANTS[ch] ?? ch);
}

/** Prefecture names, for stripping and finding the prefecture of an address. */
export const PREFECTURE_PATTERN = /^(北海道|東京都|京都府|大阪府|[^\d\s]{2,3}県)/;
