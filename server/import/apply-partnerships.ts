import { and, eq, sql } from 'drizzle-orm';
import { assertAgreementEligible } from '../domain/agreements';
import { DomainError } from '../domain/errors';
import type { Tx } from '../db/client';
import { agreements, coverColumns, facilities, institutions } from '../db/schema';
import { emptyCounts, differs, type WriteCounts } from './counts';
import { careOfficeCheckDigitError } from '../domain/identifiers';
import type { ProblemLog } from './problems';
import type { PartnershipRecord } from './records';


/**
 * Known partnerships (template). Each row is checked against the database — the facility and the
 * institution must exist, and the institution must be eligible for what the row claims (③ only from
 * a 病院) — before anything is written. An agreement is identified by facility and institution
 * (a corrected date updates it); a row without an institution records that the facility reported
 * no partner. Dates after today are rejected.
 */
export function applyPartnerships(tx: Tx, records: readonly PartnershipRecord[], today: string, log: ProblemLog): WriteCounts {
  const counts = emptyCounts();
  for (const r of records) {
    const dates = [['報告日', r.reportedOn], ['協定締結日', r.agreedOn], ['急変時対応確認日', r.confirmedOn]] as const;
    const future = dates.find(([, d]) => d !== null && d > today);
    if (future) {
      log.error(r.line, future[0], `Expected a date on or before today (${today}), found ${future[1]}`);
      counts.rejected++;
      continue;
    }
    const facilityWhere = and(eq(facilities.careOfficeNumber, r.careOfficeNumber), eq(facilities.serviceCode, r.serviceCode));
    const facility = tx.select().from(facilities).where(facilityWhere).get();
    const checkDigit = careOfficeCheckDigitError(r.careOfficeNumber);
    if (!facility) {
      const why = checkDigit ? `${checkDigit}, and it matches no known facility: check the number typed in` : `No facility ${r.careOfficeNumber} with service ${r.serviceCode} in the database: import the facility first`;
      log.error(r.line, '事業所番号', why);
      counts.rejected++;
      continue;
    }
    if (checkDigit) log.warn(r.line, '事業所番号', `check digit does not match; kept as the known facility's number (${checkDigit})`);
    const newerReport = r.reportedOn !== null && (facility.partnersReportedOn === null || facility.partnersReportedOn < r.reportedOn);
    if (newerReport) {
      tx.update(facilities).set({ partnersReportedOn: r.reportedOn, version: sql`${facilities.version} + 1` }).where(facilityWhere).run();
    }
    if (r.institutionCode === null) {
      if (newerReport) counts.updated++;
      else counts.unchanged++;
      continue;
    }
    const inst = tx.select({ kind: institutions.kind }).from(institutions).where(eq(institutions.code, r.institutionCode)).get();
    if (!inst) {
      log.error(r.line, '医療機関コード', `No institution ${r.institutionCode} in the database: import the 厚生局 名簿 that lists it first`);
      counts.rejected++;
      continue;
    }
    try {
      assertAgreementEligible(inst.kind, r.covers, r.institutionCode);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      log.error(r.line, '③入院', e.message);
      counts.rejected++;
      continue;
    }
    const row = {
      agreedOn: r.agreedOn,
      ...coverColumns(r.covers),
      confirmedOn: r.confirmedOn,
      endedOn: r.endedOn,
      // Dates decide whether it is in force (a future 終了日 still counts until then); `ended` is kept
      // for explicit terminations.
      status: 'active' as const,
      specialRelationship: r.specialRelationship,
    };
    const prev = tx
      .select()
      .from(agreements)
      .where(
        and(
          eq(agreements.careOfficeNumber, r.careOfficeNumber),
          eq(agreements.serviceCode, r.serviceCode),
          eq(agreements.institutionCode, r.institutionCode),
        ),
      )
      .get();
    if (!prev) {
      tx.insert(agreements).values({ careOfficeNumber: r.careOfficeNumber, serviceCode: r.serviceCode, institutionCode: r.institutionCode, ...row }).run();
      counts.imported++;
    } else if (differs(prev, row)) {
      tx.update(agreements).set({ ...row, version: sql`${agreements.version} + 1` }).where(eq(agreements.id, prev.id)).run();
      counts.updated++;
    } else counts.unchanged++;
  }
  return counts;
}
