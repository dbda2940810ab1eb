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
const fail = (path: string, message: string): never => {
  throw new DomainError('invalid', `${path}: ${message}`, path);
};
const show = (v: unknown) => JSON.stringify(v);

function checkText(path: string, v: string | null, required: boolean): void {
  if (v === null) {
    if (required) fail(path, 'expected a value, found none');
    return;
  }
  if (!isCanonicalText(v)) fail(path, `expected trimmed, non-empty text (blank is null), found ${show(v)}`);
}
function checkDate(path: string, v: string | null): void {
  if (v !== null && !isIsoDate(v)) fail(path, `expected a date yyyy-mm-dd, found ${show(v)}`);
}
function checkService(d: FilingData): FacilityType {
  const code = d.facility.serviceCode;
  if (!isKnownServiceCode(code)) fail('facility.serviceCode', `expected a service code of domain.md §2 (${SERVICE_CODES.map((c) => c.code).join(', ')}), found ${show(code)}`);
  const type = facilityTypeOf(code);
  const form = filingFormFor(type);
  if (form !== d.form) {
    const codes = SERVICE_CODES.filter((c) => filingFormFor(facilityTypeOf(c.code)) === d.form).map((c) => c.code).join(', ');
    fail('facility.serviceCode', `expected a service code filed on ${d.form} (${codes}), found ${show(code)} (${type.shortJa}, filed on ${form})`);
  }
  return type;
}

/**
 * Throws a DomainError (field = the path, e.g. `partners.1.institutionCode`) unless `d` can be printed
 * and read back exactly: a well-formed 事業所番号, 医療機関コード with valid check digits, ISO dates, canonical text, ③ only where the
 * sheet asks it, unmet requirements unique, in ①②③ order and not empty.
 */
export function validateFilingData(d: FilingData): void {
  if (!FILING_FORMS.includes(d.form)) fail('form', `expected 別紙1 or 別紙3, found ${show(d.form)}`);
  const asksAdmit = filingAsksAdmit(checkService(d));
  if (!Number.isInteger(d.fiscalYear) || d.fiscalYear < 2000 || d.fiscalYear > 2099) fail('fiscalYear', `expected a fiscal year such as 2026, found ${show(d.fiscalYear)}`);
  checkDate('submittedOn', d.submittedOn);
  checkText('addressee', d.addressee, true);
  checkText('operatorName', d.operatorName, false);
  checkText('representative', d.representative, false);
  checkText('facility.name', d.facility.name, true);
  // The format only: the filing is for a facility the database knows, whose number may be an older
  // one failing its check digit (domain.md §6); the intake warns about it.
  const office = careOfficeNumberFormatError(d.facility.careOfficeNumber);
  if (office) fail('facility.careOfficeNumber', office);
  checkText('facility.serviceTypeJa', d.facility.serviceTypeJa, true);
  checkText('facility.address', d.facility.address, false);
  checkText('facility.phone', d.facility.phone, false);
  d.partners.forEach((p, i) => {
    const at = (k: PartnerKey) => `partners.${i}.${k}`;
    checkText(at('name'), p.name, true);
    const code = validateMedicalInstitutionCode(p.institutionCode);
    if (code) fail(at('institutionCode'), code);
    checkText(at('address'), p.address, false);
    checkText(at('phone'), p.phone, false);
    if (p.admit && !asksAdmit) fail(at('admit'), `③ is not asked of service ${d.facility.serviceCode}: expected it unmarked`);
    checkDate(at('confirmedOn'), p.confirmedOn);
    checkDate(at('agreedOn'), p.agreedOn);
  });
  if (d.unmet) {
    const reqs = d.unmet.requirements;
    if (reqs.length === 0) fail('unmet.consult', 'a plan or target date is given: expected at least one unmet requirement marked ○');
    if (normalizeRequirements(reqs).join() !== reqs.join()) fail('unmet.consult', `expected unique requirements in ①②③ order, found ${show(reqs)}`);
    if (reqs.includes('admit') && !asksAdmit) fail('unmet.admit', `③ is not asked of service ${d.facility.serviceCode}: expected it unmarked`);
    checkText('unmet.plan', d.unmet.plan, false);
    checkDate('unmet.targetDate', d.unmet.targetDate);
  }
  checkText('infection.withWhom', d.infection.withWhom, false);
}
