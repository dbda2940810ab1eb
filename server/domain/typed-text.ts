/**
 * What people type where a number or code is asked for: full-width digits and letters (０-９, Ａ-Ｚ)
 * from a Japanese IME, and whichever dash the keyboard gave — the full-width hyphen (－), the
 * katakana long mark (ー, ｰ), the Unicode hyphens and dashes (‐ ‑ ‒ – — ―) and the minus sign (−).
 * One function, used by every such input in the browser and by the API's code and number parameters.
 */

/** Dash-like characters NFKC leaves as they are (－ and ﹣ it already makes "-"). */
const DASHES = /[\u2010-\u2015\u2212\u30FC\u2043\u02D7\uFE58]/g;

/** NFKC (full-width → ASCII, ｰ → ー), every dash as "-", the ends trimmed. Pure. */
export function normalizeTyped(s: string): string {
  return s.normalize('NFKC').replace(DASHES, '-').trim();
}

/** A typed code as its bare characters: normalised, then without the dashes and spaces people group it with. */
export function typedCode(s: string): string {
  return normalizeTyped(s).replace(/[-\s]/g, '');
}
