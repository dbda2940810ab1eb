import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreementProposals, agreements, filings, meetings, partnershipRequests, users } from '../../db/schema';
import { facilityId, municipalityCodeFrom5 } from '../../domain/identifiers';
import type { EngineSnapshot } from '../engine/engine-store';

/**
 * Names for audit entries, for people to read: the record's (a facility's or institution's name; an
 * account's login; a pair's "facility ↔ institution"; a deadline's authority) and the actor's
 * (login and role, or the command). From the read model, and one query per kind of pair record on
 * the page — never a query per entry.
 */
type Entry = { actor: string; entity: string; entityId: string };
type Pair = { careOfficeNumber: string; serviceCode: string; institutionCode: string };

const ids = (entries: readonly Entry[], entity: string) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => Number(e.entityId)).filter(Number.isSafeInteger))];

export function entryNames(db: Db, snap: EngineSnapshot, entries: readonly Entry[]): { entityName: (e: Entry) => string | null; actorName: (e: Entry) => string } {
  const facilityName = (key: { careOfficeNumber: string; serviceCode: string }) => snap.facilityRows.get(facilityId(key.careOfficeNumber, key.serviceCode))?.name ?? facilityId(key.careOfficeNumber, key.serviceCode);
  const pairName = (p: Pair) => `${facilityName(p)} ↔ ${snap.institutionRows.get(p.institutionCode)?.name ?? p.institutionCode}`;
  const pairCols = { careOfficeNumber: agreements.careOfficeNumber, serviceCode: agreements.serviceCode, institutionCode: agreements.institutionCode };
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const only = <T>(list: number[], read: (list: number[]) => T[]) => (list.length ? read(list) : []);

  const agreementRows = byId(only(ids(entries, 'agreement'), (l) => db.select({ id: agreements.id, ...pairCols }).from(agreements).where(inArray(agreements.id, l)).all()));
  const proposalRows = byId(only(ids(entries, 'agreement_proposal'), (l) => db.select({ id: agreementProposals.id, ...pairCols }).from(agreementProposals).innerJoin(agreements, eq(agreements.id, agreementProposals.agreementId)).where(inArray(agreementProposals.id, l)).all()));
  const requestRows = byId(only(ids(entries, 'partnership_request'), (l) => db.select({ id: partnershipRequests.id, careOfficeNumber: partnershipRequests.careOfficeNumber, serviceCode: partnershipRequests.serviceCode, institutionCode: partnershipRequests.institutionCode }).from(partnershipRequests).where(inArray(partnershipRequests.id, l)).all()));
  const meetingRows = byId(only(ids(entries, 'meeting'), (l) => db.select({ id: meetings.id, careOfficeNumber: meetings.careOfficeNumber, serviceCode: meetings.serviceCode, institutionCode: meetings.institutionCode }).from(meetings).where(inArray(meetings.id, l)).all()));
  const filingRows = byId(only(ids(entries, 'filing'), (l) => db.select({ id: filings.id, careOfficeNumber: filings.careOfficeNumber, serviceCode: filings.serviceCode }).from(filings).where(inArray(filings.id, l)).all()));
  const logins = [...new Set(entries.map((e) => e.actor).filter((a) => a !== 'anonymous' && !a.startsWith('cli:')))];
  const roles = new Map(logins.length ? db.select({ login: users.login, role: users.role }).from(users).where(inArray(users.login, logins)).all().map((u) => [u.login, u.role]) : []);

  // A prefecture's authority code (<pref>000 + check digit) → the prefecture's name.
  const prefectures = new Map([...snap.municipalities.values()].map((m) => [municipalityCodeFrom5(`${m.prefCode}000`), m.prefName]));
  const authorityName = (code: string) => snap.municipalities.get(code)?.name ?? prefectures.get(code) ?? code;
  const pairOf = (rows: Map<number, Pair & { id: number }>, id: string) => {
    const row = rows.get(Number(id));
    return row ? pairName(row) : null;
  };

  return {
    entityName(e) {
      switch (e.entity) {
        case 'facility':
          return snap.facilityRows.get(e.entityId)?.name ?? null;
        case 'institution':
          return snap.institutionRows.get(e.entityId)?.name ?? null;
        case 'user':
          return e.entityId;
        case 'agreement':
          return pairOf(agreementRows, e.entityId);
        case 'agreement_proposal':
          return pairOf(proposalRows, e.entityId);
        case 'partnership_request':
          return pairOf(requestRows, e.entityId);
        case 'meeting':
          return pairOf(meetingRows, e.entityId);
        case 'filing': {
          const row = filingRows.get(Number(e.entityId));
          return row ? facilityName(row) : null;
        }
        case 'filing_deadline':
          return authorityName(e.entityId.split(':')[0]!);
        default:
          return null;
      }
    },
    actorName(e) {
      if (e.actor === 'anonymous' || e.actor.startsWith('cli:')) return e.actor;
      const role = roles.get(e.actor);
      return role ? `${e.actor} (${role})` : e.actor;
    },
  };
}
