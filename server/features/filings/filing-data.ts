import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions, partnershipRequests } from '../../db/schema';
import { filingAddressee, filingAsksAdmit, filingFormFor, type FilingData } from '../../domain/filing-form';
import { facilityTypeOf } from '../../domain/facility-types';
import { REQUIREMENT_INFO } from '../../domain/requirements';
import { facilityDetail, type FacilityRow } from '../shared/facility-queries';
import { ofFacility } from '../shared/lookups';
import { asksOf } from '../shared/agreements-query';
import type { EngineSnapshot } from '../engine/engine-store';

/** The day before the 義務 binds: the transition's end, by which a plan must secure what is missing. */
const TRANSITION_END = '2027-03-31';

/**
 * The 届出書 of a facility for a fiscal year, from what the database knows: its active partners (one
 * block each), what is still missing with the requests under way as the plan, and the 第二種協定 partners.
 */
export function filingDataOf(db: Db, snap: EngineSnapshot, row: FacilityRow, fiscalYear: number, today: string, submittedOn: string | null): FilingData {
  const d = facilityDetail(snap, row, today);
  const type = facilityTypeOf(row.serviceCode);
  const asksAdmit = filingAsksAdmit(type);
  const active = d.partners.filter((p) => p.active);
  // Unknown coverage fills no unmet section: the facility says what it lacks, the tool does not guess.
  const missing = (d.coverage.missing ?? []).filter((r) => asksAdmit || r !== 'admit');
  const pending = db
    .select()
    .from(partnershipRequests)
    .where(and(ofFacility(partnershipRequests, row), eq(partnershipRequests.status, 'pending')))
    .all();
  const plan = pending
    .map((r) => {
      const name = db.select({ name: institutions.name }).from(institutions).where(eq(institutions.code, r.institutionCode)).get()?.name ?? r.institutionCode;
      return `${name}に${asksOf(r).map((x) => REQUIREMENT_INFO[x].symbol).join('')}を依頼中（${r.sentOn}）`;
    })
    .join('。');
  const infection = active.filter((p) => p.infectionAgreement);
  const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    form: filingFormFor(type),
    fiscalYear,
    submittedOn,
    addressee: d.authority ? filingAddressee(d.authority) : '指定権者',
    operatorName: text(row.operatorName),
    representative: null,
    facility: { name: row.name.trim(), careOfficeNumber: row.careOfficeNumber, serviceCode: row.serviceCode, serviceTypeJa: type.nameJa, address: text(row.address), phone: text(row.phone) },
    partners: active.map((p) => ({
      name: p.institution.name.trim(),
      institutionCode: p.institution.code,
      address: text(p.institution.address),
      phone: text(p.institution.phone),
      consult: p.covers.includes('consult'),
      examine: p.covers.includes('examine'),
      admit: asksAdmit && p.covers.includes('admit'),
      confirmedOn: p.confirmedOn,
      agreedOn: p.agreedOn,
    })),
    unmet: missing.length === 0 ? null : { requirements: missing, plan: text(plan), targetDate: type.bindingFrom ? TRANSITION_END : null },
    infection: { agreed: infection.length > 0, withWhom: text(infection.map((p) => p.institution.name).join('、')) },
  };
}
