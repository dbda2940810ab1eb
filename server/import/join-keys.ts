/**
 * Normalisation for joining ナビイ rows to 名簿 institutions, which share no key:
 *  - address: NFKC (full-width digits → ASCII), no spaces, prefecture name dropped, 丁目/番地/番/号 and
 *    every dash variant → "-", trailing "-" dropped: `鳥取県鳥取市東町３丁目３０７番地` → `鳥取市東町3-307`;
 *  - name: NFKC, no spaces; two names match when equal or when one ends with the other (the lists
 *    often prefix the 法人 name: `医療法人… 幡病院` ~ `幡病院`), at least 3 characters long.
 */
const PREFECTURE = /^(北海道|東京都|(?:京都|大阪)府|.{2,3}県)/;

export function normalizeAddress(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(PREFECTURE, '')
    .replace(/(\d)(丁目|番地の?|番|号)/g, '$1-')
    .replace(/(\d)[ーｰ](?=\d)/g, '$1-')
    .replace(/[‐‑‒–—―−－-]+/g, '-')
    .replace(/-+$/, '');
}

export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

export function namesMatch(a: string, b: string): boolean {
  const [x, y] = [normalizeName(a), normalizeName(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.endsWith(short);
}
