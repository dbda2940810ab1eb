/**
 * The three identifier formats of domain.md §6, with their check digits.
 * Each validator returns null when valid, else a sentence saying what was expected.
 */

/** Sum of the decimal digits of a product (e.g. 14 → 5, 22 → 4). */
function digitSum(n: number): number {
  let s = 0;
  for (let v = n; v > 0; v = Math.floor(v / 10)) s += v % 10;
  return s;
}

/**
 * Modulus-10 check digit over `values` with weights 2,1,2,… from the right, two-digit products
 * summed digit-wise (Luhn). Values may exceed 9 (letters in 事業所番号).
 */
function mod10CheckDigit(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const fromRight = values.length - 1 - i;
    const weight = fromRight % 2 === 0 ? 2 : 1;
    sum += digitSum((values[i] as number) * weight);
  }
  return (10 - (sum % 10)) % 10;
}

/** Letter values in 事業所番号: A=10 … Z=32, skipping I, O and Q. */
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function careCharValue(ch: string): number | null {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  const i = LETTERS.indexOf(ch);
  return i < 0 ? null : 10 + i;
}

/**
 * 介護保険事業所番号 `PP K GG NNNN C` — 10 characters, K may be a letter (介護医療院: `31B0100049`).
 * The format only: real published numbers do not all satisfy the check digit (domain.md §6), so a
 * number that is published or already in the database is checked with this alone.
 */
export function careOfficeNumberFormatError(value: string): string | null {
  return /^[0-9]{2}[0-9A-Z][0-9]{7}$/.test(value)
    ? null
    : `Expected a 10-character 事業所番号 (2 digits, a digit or letter, 7 digits), got "${value}"`;
}

/**
 * The check digit of a well-formed 事業所番号: null when it matches, else what was expected. Older
 * numbers issued by a 指定権者 fail it and are in use, so callers treat this as a warning except for a
 * number typed in that matches no known facility.
 */
export function careOfficeCheckDigitError(value: string): string | null {
  const values = [...value.slice(0, 9)].map(careCharValue);
  if (values.some((v) => v === null)) return `事業所番号 "${value}" has a letter I, O or Q, which the check digit does not define`;
  const expected = mod10CheckDigit(values as number[]);
  const actual = Number(value[9]);
  return expected === actual ? null : `事業所番号 "${value}" fails its check digit (expected ${expected}, found ${actual})`;
}

/** Format and check digit: for a number typed in that matches no known facility. */
export function validateCareOfficeNumber(value: string): string | null {
  return careOfficeNumberFormatError(value) ?? careOfficeCheckDigitError(value);
}

/** 医療機関コード `PP T GG NNNN C`: T is 1 医科, 3 歯科, 4 調剤; Luhn over the first 9 digits. */
export function validateMedicalInstitutionCode(value: string): string | null {
  if (!/^[0-9]{10}$/.test(value)) return `Expected a 10-digit 医療機関コード, got "${value}"`;
  if (!'134'.includes(value[2] as string)) {
    return `医療機関コード "${value}": the 3rd digit must be 1 (医科), 3 (歯科) or 4 (調剤), found ${value[2]}`;
  }
  const expected = mod10CheckDigit([...value.slice(0, 9)].map(Number));
  const actual = Number(value[9]);
  return expected === actual ? null : `医療機関コード "${value}" fails its check digit (expected ${expected}, found ${actual})`;
}

/** 医科 code from a 厚生局 list's 7-digit 医療機関番号 (`GG NNNN C`): prefecture + `1` + the 7 digits. */
export function medicalCodeFromKouseikyoku(prefCode: string, number7: string): string {
  return `${prefCode.padStart(2, '0')}1${number7}`;
}

/** Check digit of a 全国地方公共団体コード from its first 5 digits: C = (11 − S mod 11) mod 10. */
export function municipalityCheckDigit(first5: string): number {
  const d = [...first5].map(Number);
  const s = 6 * d[0]! + 5 * d[1]! + 4 * d[2]! + 3 * d[3]! + 2 * d[4]!;
  return (11 - (s % 11)) % 10;
}

/** 6-digit 全国地方公共団体コード `PP MMM C`. */
export function validateMunicipalityCode(value: string): string | null {
  if (!/^[0-9]{6}$/.test(value)) return `Expected a 6-digit 全国地方公共団体コード, got "${value}"`;
  const expected = municipalityCheckDigit(value.slice(0, 5));
  const actual = Number(value[5]);
  return expected === actual ? null : `全国地方公共団体コード "${value}" fails its check digit (expected ${expected}, found ${actual})`;
}

/** 6-digit code from the 5-digit code used by 国土数値情報 N03 (`N03_007`). */
export function municipalityCodeFrom5(first5: string): string {
  return `${first5}${municipalityCheckDigit(first5)}`;
}

/** Appends the check digit to the first 9 characters of a 事業所番号 (used by generators). */
export function withCareOfficeCheckDigit(first9: string): string {
  const values = [...first9].map(careCharValue);
  if (first9.length !== 9 || values.some((v) => v === null)) throw new RangeError(`Expected 9 事業所番号 characters, got "${first9}"`);
  return `${first9}${mod10CheckDigit(values as number[])}`;
}

/** Appends the Luhn check digit to the first 9 digits of a 医療機関コード (used by generators). */
export function withMedicalCheckDigit(first9: string): string {
  if (!/^[0-9]{9}$/.test(first9)) throw new RangeError(`Expected 9 digits, got "${first9}"`);
  return `${first9}${mod10CheckDigit([...first9].map(Number))}`;
}

/** Facility API id: `<事業所番号>-<serviceCode>`. */
export function facilityId(careOfficeNumber: string, serviceCode: string): string {
  return `${careOfficeNumber}-${serviceCode}`;
}
