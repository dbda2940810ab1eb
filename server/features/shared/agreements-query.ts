import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreements, type partnershipRequests } from '../../db/schema';
import { isActiveAgreement } from '../../domain/coverage';
import { requirementsFromFlags, type Requirement } from '../../domain/requirements';

export type AgreementRow = typeof agreements.$inferSelect;

/** What a partnership request asks for. */
export const asksOf = (r: Pick<typeof partnershipRequests.$inferSelect, 'asksConsult' | 'asksExamine' | 'asksAdmit'>): Requirement[] => requirementsFromFlags(r.asksConsult, r.asksExamine, r.asksAdmit);

export const coversOf = (a: Pick<AgreementRow, 'coversConsult' | 'coversExamine' | 'coversAdmit'>): Requirement[] => requirementsFromFlags(a.coversConsult, a.coversExamine, a.coversAdmit);


export const agreementFacilityKey = (a: Pick<AgreementRow, 'careOfficeNumber' | 'serviceCode'>) => `${a.careOfficeNumber}-${a.serviceCode}`;

/** The terms the rules look at: what it covers, and when it is in force. */
export const agreementTerms = (a: AgreementRow) => ({ covers: coversOf(a), agreedOn: a.agreedOn, endedOn: a.endedOn, status: a.status });

/** Agreements active on `today`, optionally of one institution only. */
export function activeAgreements(db: Db, today: string, institutionCode?: string): AgreementRow[] {
  const where = institutionCode === undefined ? eq(agreements.status, 'active') : and(eq(agreements.status, 'active'), eq(agreements.institutionCode, institutionCode));
  return db.select().from(agreements).where(where).all().filter((a) => isActiveAgreement(agreementTerms(a), today));
}

/** All agreements of one facility (active and ended), oldest first. */
export function facilityAgreements(db: Db, careOfficeNumber: string, serviceCode: string): AgreementRow[] {
  return db
    .select()
    .from(agreements)
    .where(and(eq(agreements.careOfficeNumber, careOfficeNumber), eq(agreements.serviceCode, serviceCode)))
    .orderBy(agreements.id)
    .all();
}

export function isActiveOn(a: AgreementRow, today: string): boolean {
  return isActiveAgreement(agreementTerms(a), today);
}

/** Number of active agreements per institution code. */
export function activeCountByInstitution(rows: readonly AgreementRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of rows) m.set(a.institutionCode, (m.get(a.institutionCode) ?? 0) + 1);
  return m;
}
