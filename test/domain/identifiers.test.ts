import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  careOfficeCheckDigitError, careOfficeNumberFormatError, facilityId, medicalCodeFromKouseikyoku, municipalityCodeFrom5, validateCareOfficeNumber, validateMedicalInstitutionCode,
  validateMunicipalityCode, withCareOfficeCheckDigit, withMedicalCheckDigit,
} from '../../server/domain/identifiers';
import { hasRealData, realDataSkipReason, realPath } from '../helpers/real-data';

describe('介護保険事業所番号', () => {
  it('accepts the real examples of domain.md §6, with a letter in K', () => {
    expect(validateCareOfficeNumber('31B0100049')).toBeNull();
    expect(validateCareOfficeNumber('3151180209')).toBeNull();
  });
  it('rejects a wrong check digit and says which digit was expected', () => {
    expect(validateCareOfficeNumber('3151180208')).toMatch(/check digit \(expected 9, found 8\)/);
    expect(validateCareOfficeNumber('31B0100048')).toMatch(/expected 9/);
  });
  it('rejects letters I, O and Q and malformed numbers, quoting the value', () => {
    expect(validateCareOfficeNumber('31I0100049')).toMatch(/has a letter I, O or Q/);
    expect(validateCareOfficeNumber('31B01')).toBe('Expected a 10-character 事業所番号 (2 digits, a digit or letter, 7 digits), got "31B01"');
  });
  it('checks the format apart from the check digit: an older number that fails it is still well-formed', () => {
    expect(careOfficeNumberFormatError('1450280010')).toBeNull();
    expect(careOfficeCheckDigitError('1450280010')).toMatch(/fails its check digit/);
    expect(careOfficeNumberFormatError('31I0100049')).toBeNull();
    expect(careOfficeNumberFormatError('3151-18020')).toMatch(/Expected a 10-character 事業所番号/);
  });
  it('takes such a number as a facility id in every route (format only)', async () => {
    const { facilityIdSchema } = await import('../../server/contracts/common');
    expect(facilityIdSchema.safeParse('1450280010-520').success).toBe(true);
    expect(facilityIdSchema.safeParse('145028001-520').success).toBe(false);
    const { scopeProblem } = await import('../../server/auth/principal');
    expect(scopeProblem('facility', ['1450280010'])).toBeNull();
  });
  it('appends a check digit that validates', () => {
    for (const first9 of ['315118020', '31B010004', '997100001']) expect(validateCareOfficeNumber(withCareOfficeCheckDigit(first9))).toBeNull();
  });
  it.skipIf(!hasRealData)(`accepts every 事業所番号 of the real Tottori open data (${hasRealData ? 'present' : realDataSkipReason})`, () => {
    const dir = realPath('tottori');
    const numbers = readdirSync(dir)
      .filter((f) => f.startsWith('kaigo_'))
      .flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[15] as string));
    expect(numbers.length).toBeGreaterThan(140);
    expect(numbers.filter((n) => validateCareOfficeNumber(n) !== null)).toEqual([]);
  });
});

describe('医療機関コード', () => {
  it('accepts 0110113719 (domain.md §6)', () => expect(validateMedicalInstitutionCode('0110113719')).toBeNull());
  it('builds the 10-digit 医科 code from a 厚生局 7-digit number', () => {
    expect(medicalCodeFromKouseikyoku('31', '0110750')).toBe('3110110750');
    expect(validateMedicalInstitutionCode('3110110750')).toBeNull();
  });
  it('rejects a wrong check digit, a wrong type digit and a short code', () => {
    expect(validateMedicalInstitutionCode('0110113718')).toMatch(/check digit \(expected 9, found 8\)/);
    expect(validateMedicalInstitutionCode('0120113719')).toMatch(/3rd digit must be 1 \(医科\), 3 \(歯科\) or 4 \(調剤\)/);
    expect(validateMedicalInstitutionCode('011011371')).toMatch(/Expected a 10-digit 医療機関コード/);
  });
  it('appends a Luhn digit that validates', () => expect(validateMedicalInstitutionCode(withMedicalCheckDigit('991011001'))).toBeNull());
});

describe('全国地方公共団体コード', () => {
  it.each(['131016', '011002', '130001', '141003', '271004', '472018'])('accepts %s (domain.md §6)', (code) => {
    expect(validateMunicipalityCode(code)).toBeNull();
  });
  it('rejects a wrong check digit', () => expect(validateMunicipalityCode('131017')).toMatch(/expected 6, found 7/));
  it('derives the 6-digit code from N03’s 5 digits', () => {
    expect(municipalityCodeFrom5('31201')).toBe('312011');
    expect(municipalityCodeFrom5('13101')).toBe('131016');
  });
});

it('joins 事業所番号 and service code into the API id', () => expect(facilityId('3151180209', '520')).toBe('3151180209-520'));
