import { isIsoDate } from './dates';
import { DomainError } from './errors';
import { filingAsksAdmit, filingFormFor, FILING_FORMS, type FilingData, type PartnerKey } from './filing-form';
import { facilityTypeOf, isKnownServiceCode, SERVICE_CODES, type FacilityType } from './facility-types';
import { careOfficeNumberFormatError, validateMedicalInstitutionCode } from './identifiers';
import { normalizeRequirements } from './requirements';

/**
 * What a 届出書 must hold to be printed and read back exactly (filing-form.ts): the writer checks it
 * before writing, the reader after reading, each failure naming the field's path.
 */
/** Text as the reader returns it: trimmed, LF line ends, never empty (blank is null). */
const isCanonicalText = (v: string) => v !== '' && v === v.replace(/\r\n?/g, '\n').trim();
const show = (v: unknown) => JSON.stringify(v);

/** One thing wrong with a filing: the field's path (`partners.1.institutionCode`) and what was expected. */
export interface FilingDataProblem {
  path: string;
  message: string;
}
type Fail = (path: string, message: string) => void;

function checkText(fail: Fail, path: string, v: string | null, required: boolean): void {
  if (v === null) {
    if (required) fail(path, 'expected a value, found none');
    return;
  }
  if (!isCanonicalText(v)) fail(path, `expected trimmed, non-empty text (blank is null), found ${show(v)}`);
}
function checkDate(fail: Fail, path: string, v: string | null): void {
  if (v !== null && !isIsoDate(v)) fail(path, `expected a date yyyy-mm-dd, found ${show(v)}`);
}
/** The facility type of the filing's service code, or null (reported) when the code is unknown or on the other form. */
function checkService(fail: Fail, d: FilingData): FacilityType | null {
  const code = d.facility.serviceCode;
  if (!isKnownServiceCode(code)) {
    fail('facility.serviceCode', `expected a service code of domain.md §2 (${SERVICE_CODES.map((c) => c.code).join(', ')}), found ${show(code)}`);
    return null;
  }
  const type = facilityTypeOf(code);
  const form = filingFormFor(type);
  if (form !== d.form) {
    const codes = SERVICE_CODES.filter((c) => filingFormFor(facilityTypeOf(c.code)) === d.form).map((c) => c.code).join(', ');
    fail('facility.serviceCode', `expected a service code filed on ${d.form} (${codes}), found ${show(code)} (${type.shortJa}, filed on ${form})`);
    return null;
  }
  return type;
}

/**
 * Everything that keeps `d` from being printed and read back exactly, in the order of the form: a
 * well-formed 事業所番号, 医療機関コード with valid check digits, ISO dates, canonical text, ③ only
 * where the sheet asks it, unmet requirements unique, in ①②③ order and not empty. Empty when fine.
 */
export function filingDataProblems(d: FilingData): FilingDataProblem[] {
  const problems: FilingDataProblem[] = [];
  const fail: Fail = (path, message) => void problems.push({ path, message });
  if (!FILING_FORMS.includes(d.form)) {
    fail('form', `expected 別紙1 or 別紙3, found ${show(d.form)}`);
    return problems;
  }
  const type = checkService(fail, d);
  // Whether ③ is asked is unknown without the service: its checks wait for a known one.
  const asksAdmit = type ? filingAsksAdmit(type) : null;
  if (!Number.isInteger(d.fiscalYear) || d.fiscalYear < 2000 || d.fiscalYear > 2099) fail('fiscalYear', `expected a fiscal year such as 2026, found ${show(d.fiscalYear)}`);
  checkDate(fail, 'submittedOn', d.submittedOn);
  checkText(fail, 'addressee', d.addressee, true);
  checkText(fail, 'operatorName', d.operatorName, false);
  checkText(fail, 'representative', d.representative, false);
  checkText(fail, 'facility.name', d.facility.name, true);
  // The format only: the filing is for a facility the database knows, whose number may be an older
  // one failing its check digit (domain.md §6); the intake warns about it.
  const office = careOfficeNumberFormatError(d.facility.careOfficeNumber);
  if (office) fail('facility.careOfficeNumber', office);
  checkText(fail, 'facility.serviceTypeJa', d.facility.serviceTypeJa, true);
  checkText(fail, 'facility.address', d.facility.address, false);
  checkText(fail, 'facility.phone', d.facility.phone, false);
  d.partners.forEach((p, i) => {
    const at = (k: PartnerKey) => `partners.${i}.${k}`;
    checkText(fail, at('name'), p.name, true);
    const code = validateMedicalInstitutionCode(p.institutionCode);
    if (code) fail(at('institutionCode'), code);
    checkText(fail, at('address'), p.address, false);
    checkText(fail, at('phone'), p.phone, false);
    if (p.admit && asksAdmit === false) fail(at('admit'), `③ is not asked of service ${d.facility.serviceCode}: expected it unmarked`);
    checkDate(fail, at('confirmedOn'), p.confirmedOn);
    checkDate(fail, at('agreedOn'), p.agreedOn);
  });
  if (d.unmet) {
    const reqs = d.unmet.requirements;
    if (reqs.length === 0) fail('unmet.consult', 'a plan or target date is given: expected at least one unmet requirement marked ○');
    else if (normalizeRequirements(reqs).join() !== reqs.join()) fail('unmet.consult', `expected unique requirements in ①②③ order, found ${show(reqs)}`);
    if (reqs.includes('admit') && asksAdmit === false) fail('unmet.admit', `③ is not asked of service ${d.facility.serviceCode}: expected it unmarked`);
    checkText(fail, 'unmet.plan', d.unmet.plan, false);
    checkDate(fail, 'unmet.targetDate', d.unmet.targetDate);
  }
  checkText(fail, 'infection.withWhom', d.infection.withWhom, false);
  return problems;
}

/**
 * Throws a DomainError (field = the path, e.g. `partners.1.institutionCode`) for the first of
 * filingDataProblems: the writer checks before writing, the reader after reading.
 */
export function validateFilingData(d: FilingData): void {
  const first = filingDataProblems(d)[0];
  if (first) throw new DomainError('invalid', `${first.path}: ${first.message}`, first.path);
}
