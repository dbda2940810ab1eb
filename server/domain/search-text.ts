/**
 * The form names, kana, codes and addresses are compared in when searching: NFKC (full-width
 * letters and digits, half-width kana), hiragana as katakana (so ふじ finds フジ), no spaces or
 * middle dots, lower case. Pure, so the browser can use it too.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000・･]/g, '')
    .toLowerCase();
}

/** Digits only, for codes typed with separators (e.g. "31-1.1234-5"). */
export const digitsOf = (s: string): string => s.normalize('NFKC').replace(/\D/g, '');
