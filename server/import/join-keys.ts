import { stripPrivateUse } from '../domain/search-text';
import { normalizeAddressText, PREFECTURE_PATTERN } from './address-normal';

/**
 * Keys for joining ナビイ rows to 名簿 institutions, which share no identifier:
 *  - address: normalizeAddressText (NFKC, no spaces, 三丁目 → 3丁目, dashes unified), the prefecture
 *    dropped, 丁目/番地/番/号 after a number → "-", a trailing "-" dropped:
 *    `鳥取県鳥取市東町３丁目３０７番地` → `鳥取市東町3-307`;
 *  - name: NFKC, no spaces; two names match when equal or when one ends with the other (the 名簿
 *    often prefixes the 法人: `医療法人… 幡病院` ~ `幡病院`), the shorter at least 3 characters.
 */
export function normalizeAddress(raw: string): string {
  return normalizeAddressText(raw)
    .replace(PREFECTURE_PATTERN, '')
    .replace(/(\d)(丁目|番地の?|番|号)/g, '$1-')
    .replace(/-+/g, '-')
    .replace(/-+$/, '');
}

export function normalizeName(raw: string): string {
  return stripPrivateUse(raw).normalize('NFKC').replace(/\s+/g, '');
}

export function namesMatch(a: string, b: string): boolean {
  const [x, y] = [normalizeName(a), normalizeName(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.endsWith(short);
}
