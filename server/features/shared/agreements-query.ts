import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreements, type partnershipRequests } from '../../db/schema';
import { isActiveAgreement } from '../../domain/coverage';
import { requirementsFromFlags, type Requirement } from '../../domain/requirements';

export type AgreementRow = typeof agreements.$inferSelect;

/** What a partnership request asks for. */
export const asksOf = (r: Pick<typeof partnershipRequests.$inferSelect, 'asksConsult' | 'asksExamine' | 'asksAdmit'>): Requirement[] => requirementsFromFlags(r.asksConsult, r.asksExamine, r.asksAdmit);

export const coversOf = (a: Pick<AgreementRow, 'coversConsult' | 'coversExamine' | 'coversAdmit'>): Requirement[] => requirementsFromFlags(a.coversConsult, a.coversExamine, a.coversAdmit);


/** The terms the rules look at: what it covers, and when it is in force. */
export const agreementTerms = (a: AgreementRow) => ({ covers: coversOf(a), agreedOn: a.agreedOn, endedOn: a.endedOn, status: a.status });

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
