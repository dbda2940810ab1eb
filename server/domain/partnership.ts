import { assertAgreementEligible } from './agreements';
import { DomainError } from './errors';
import type { InstitutionKind } from './institution-offers';
import type { Requirement } from './requirements';

/**
 * The rules of the partnership cycle a request, an agreement or a meeting must keep (domain.md §1–§3).
 * Pure; the routes check with these before writing anything.
 */

/** The arrangement for residents' acute deterioration must be confirmed at least once a year (domain.md §2). */
export const CONFIRMATION_INTERVAL_MONTHS = 12;

/**
 * A request names requirements the institution could give (③ from a 病院 only) and goes to
 * another establishment: a 事業所番号 equal to the 医療機関コード is the same establishment (a みなし指定
 * hospital's own care service), which cannot partner itself.
 */
export function checkRequest(req: { careOfficeNumber: string; institutionCode: string; institutionKind: InstitutionKind; requirements: readonly Requirement[] }): void {
  if (req.careOfficeNumber === req.institutionCode) {
    throw new DomainError('invalid', `institutionCode: ${req.institutionCode} is the facility itself (its 事業所番号); a request goes to another institution`, 'institutionCode');
  }
  assertAgreementEligible(req.institutionKind, req.requirements, req.institutionCode);
}

/** A meeting recorded is one that took place: not after today. */
export function checkMeetingDate(heldOn: string, today: string): void {
  if (heldOn > today) throw new DomainError('invalid', `heldOn: ${heldOn} is in the future (today is ${today}); record a meeting once it has taken place`, 'heldOn');
}

/** The agreement's dates in order, none in the future. */
export function checkAgreementDates(a: { agreedOn: string | null; confirmedOn: string | null; endedOn: string | null }, today: string): void {
  for (const [field, value] of [['agreedOn', a.agreedOn], ['confirmedOn', a.confirmedOn], ['endedOn', a.endedOn]] as const) {
    if (value && value > today) throw new DomainError('invalid', `${field}: ${value} is in the future (today is ${today})`, field);
  }
  if (a.agreedOn && a.endedOn && a.endedOn < a.agreedOn) throw new DomainError('invalid', `endedOn: ${a.endedOn} is before the agreement date ${a.agreedOn}`, 'endedOn');
}

const addMonths = (iso: string, n: number): string => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + n;
  const d = iso.slice(8, 10);
  return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${d}`;
};

/**
 * The confirmation is overdue when the last one (else the agreement date) is more than
 * CONFIRMATION_INTERVAL_MONTHS ago; returns the day it fell (or falls) due, and whether that is past.
 */
export function confirmationDue(a: { confirmedOn: string | null; agreedOn: string | null }, today: string): { dueOn: string | null; overdue: boolean } {
  const from = a.confirmedOn ?? a.agreedOn;
  if (!from) return { dueOn: null, overdue: true };
  const dueOn = addMonths(from, CONFIRMATION_INTERVAL_MONTHS);
  return { dueOn, overdue: dueOn < today };
}

/** The terms of an agreement both parties must agree to change. */
export interface TwoPartyTerms {
  covers: readonly Requirement[];
  agreedOn: string | null;
  specialRelationship: boolean;
  infectionAgreement: boolean;
  status: 'active' | 'ended';
}

/** Changes that wait for the other party: only those that differ from the agreement; `status` only re-activates. */
export interface TwoPartyChanges {
  covers?: Requirement[];
  agreedOn?: string | null;
  specialRelationship?: boolean;
  infectionAgreement?: boolean;
  status?: 'active';
}

const sameSet = (a: readonly Requirement[], b: readonly Requirement[]) => a.length === b.length && a.every((r) => b.includes(r));

/**
 * Which of the asked changes of an agreement need the other party's consent: what it covers, its date,
 * 特別の関係, the 第二種協定 (infection) flag, and re-activating an ended agreement — the terms the two
 * signed. Only asked values that differ from the agreement count. What either party does alone —
 * the yearly confirmation (確認日) and ending the agreement — is not among them.
 */
export function twoPartyChanges(current: TwoPartyTerms, asked: Partial<Omit<TwoPartyTerms, 'status'>> & { status?: 'active' | 'ended' }): TwoPartyChanges {
  const out: TwoPartyChanges = {};
  if (asked.covers !== undefined && !sameSet(asked.covers, current.covers)) out.covers = [...asked.covers];
  if (asked.agreedOn !== undefined && asked.agreedOn !== current.agreedOn) out.agreedOn = asked.agreedOn;
  if (asked.specialRelationship !== undefined && asked.specialRelationship !== current.specialRelationship) out.specialRelationship = asked.specialRelationship;
  if (asked.infectionAgreement !== undefined && asked.infectionAgreement !== current.infectionAgreement) out.infectionAgreement = asked.infectionAgreement;
  if (asked.status === 'active' && current.status === 'ended') out.status = 'active';
  return out;
}
