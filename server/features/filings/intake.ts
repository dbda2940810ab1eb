import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { authorize } from '../../auth/rules';
import type { Db } from '../../db/client';
import { filings } from '../../db/schema';
import type { Authority } from '../../domain/designating-authority';
import { REQUIREMENTS, type Requirement } from '../../domain/requirements';
import { careOfficeCheckDigitError, facilityId } from '../../domain/identifiers';
import { findFacility, municipalityRef, type FacilityRow } from '../shared/facility-queries';
import { authorityOf } from '../shared/filing-status';
import { ofFacility } from '../shared/lookups';
import { checkFilingXlsx, problemAtField, type FilingProblem } from './filing-xlsx';

/**
 * The steps of receiving a 届出書 that the intake (POST /api/filings) and its check (?check=1) share:
 * which facility the file is for, with whom it files, and whether the caller receives its filings.
 */

/** The facility a filing names: an error when none matches, a warning for a number failing its check digit. */
export function intakeFacility(db: Db, careOfficeNumber: string, serviceCode: string): { row: FacilityRow; error: null; warning: string | null } | { row: null; error: { code: 'invalid' | 'not_found'; message: string } } {
  const row = findFacility(db, careOfficeNumber, serviceCode);
  // A failing check digit is an error only for a number that matches no known facility (domain.md §6).
  const checkDigit = careOfficeCheckDigitError(careOfficeNumber);
  if (!row && checkDigit) return { row: null, error: { code: 'invalid', message: `${checkDigit}, and it matches no known facility: check the number typed in` } };
  if (!row) return { row: null, error: { code: 'not_found', message: `no facility with 事業所番号 ${careOfficeNumber} and service ${serviceCode}` } };
  return { row, error: null, warning: checkDigit ? `${checkDigit}; kept as published` : null };
}

/** The authority a facility files with; null when it has no municipality. */
export const intakeAuthority = (c: Context<AppEnv>, row: FacilityRow): Authority | null => authorityOf((code) => municipalityRef(c.var.engine.get(c.var.today()), code), row);

/** An officer receives filings made with their own authority only: 403 otherwise. */
export const authorizeReceiving = (c: Context<AppEnv>, authority: Authority) => authorize(c, 'administer', [{ kind: 'area', areaCode: authority.code }], `receive filings made with ${authority.name}`);

/** The filing of a facility and year already received, if any. */
export const currentFiling = (db: Db, key: { careOfficeNumber: string; serviceCode: string }, fiscalYear: number) =>
  db.select().from(filings).where(and(ofFacility(filings, key), eq(filings.fiscalYear, fiscalYear))).get() ?? null;

export type CheckProblem = Omit<FilingProblem, 'cell'> & { cell: string | null; level: 'error' | 'warning' };

/**
 * The whole intake of a workbook without writing anything: every problem of its cells, row by row,
 * then the facility and each partner looked up, and what receiving it would record. `ok` when
 * nothing but warnings was found. Throws (403) as the intake does for a filing of another authority.
 */
export async function checkFiling(c: Context<AppEnv>, buf: ArrayBuffer) {
  const reading = await checkFilingXlsx(Buffer.from(buf));
  const problems: CheckProblem[] = reading.problems.map((p) => ({ level: 'error', ...p }));
  const v = reading.values;
  const number = v?.header['facility.careOfficeNumber'];
  const serviceCode = v?.header['facility.serviceCode'];
  const fiscalYear = v?.header.fiscalYear;
  // Without the facility's number and service (reported above) there is nothing to look up.
  if (!v || typeof number !== 'string' || typeof serviceCode !== 'string') return { ok: false, problems, preview: null };
  const { db } = c.var;
  const snap = c.var.engine.get(c.var.today());
  const found = intakeFacility(db, number, serviceCode);
  if (found.error) problems.push({ level: 'error', ...problemAtField(v, 'facility.careOfficeNumber', found.error.message) });
  else if (found.warning) problems.push({ level: 'warning', ...problemAtField(v, 'facility.careOfficeNumber', found.warning) });
  let authority: Authority | null = null;
  if (found.row) {
    authority = intakeAuthority(c, found.row);
    if (authority) authorizeReceiving(c, authority);
    else problems.push({ level: 'error', ...problemAtField(v, 'facility.name', `the facility ${found.row.name} has no municipality, so its designating authority is unknown`) });
  }
  const partners = v.partners.map((p, i) => {
    // A cell that could not be read is null here (and reported above).
    const code = p.institutionCode as string | null;
    const institution = code ? snap.institutionRows.get(code) : undefined;
    if (code && !institution) problems.push({ level: 'warning', ...problemAtField(v, `partners.${i}.institutionCode`, `no institution with 医療機関コード ${code} in the data; received as written`) });
    const covers: Requirement[] = REQUIREMENTS.filter((r) => p[r] === true);
    return { institutionCode: code, name: institution?.name ?? (p.name as string | null), registered: institution !== undefined, covers };
  });
  const current = found.row && typeof fiscalYear === 'number' ? currentFiling(db, found.row, fiscalYear) : null;
  return {
    ok: !problems.some((p) => p.level === 'error'),
    problems,
    preview: typeof fiscalYear === 'number'
      ? { facilityId: facilityId(number, serviceCode), name: found.row?.name ?? (v.header['facility.name'] as string | null), fiscalYear, authority, partners, replaces: current ? { id: current.id, version: current.version } : null }
      : null,
  };
}
