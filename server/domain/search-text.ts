/**
 * Private Use Area characters (外字): official files use them for kanji a font lacks (U+E18D for 榊).
 * Their meaning is the publisher's alone, so text keeps them as published while search and address
 * matching ignore them.
 */
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

export const stripPrivateUse = (s: string): string => s.replace(PRIVATE_USE, '');

/** The 外字 in a text, as `U+E18D` code points (empty when none). */
export function privateUseCodePoints(s: string): string[] {
  return [...new Set(s.match(PRIVATE_USE) ?? [])].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * The form names, kana, codes and addresses are compared in when searching: NFKC (full-width
 * letters and digits, half-width kana), hiragana as katakana (so ふじ finds フジ), no spaces or
 * middle dots, no 外字, lower case. Pure, so the browser can use it too.
 */
export function searchKey(s: string): string {
  return stripPrivateUse(s)
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000・･]/g, '')
    .toLowerCase();
}

/** Digits only, for codes typed with separators (e.g. "31-1.1234-5"). */
export const digitsOf = (s: string): string => s.normalize('NFKC').replace(/\D/g, '');
