import type { Principal, Role } from './principal';

/**
 * Who may do what: the whole access table, in one place. Routes declare a rule (rules.ts) that
 * names the records a request touches; this table decides.
 *
 *   access      read        see a record's details: agreements, requests, meetings, filings, 加算
 *               act         what a party does: seek, ask, answer, record a meeting, edit its declaration
 *               administer  what a designating authority does: receive filings, set deadlines, read the audit log
 *
 *   role          its facility (事業所番号)   its institution (医療機関コード)   its area (municipalities, prefecture)
 *   admin         read act administer       read act administer             read administer
 *   municipality  read administer           read                            read administer
 *   facility      read act                  —                               —
 *   institution   —                         read act                        —
 *
 * Anonymous visitors get no access to any record: they see public open data and aggregates.
 */
export const ACCESSES = ['read', 'act', 'administer'] as const;
export type Access = (typeof ACCESSES)[number];

/** A record a request touches, with the area it lies in (its municipality, or an authority's code). */
export type Subject =
  | { kind: 'facility'; careOfficeNumber: string; areaCode: string | null }
  | { kind: 'institution'; code: string; areaCode: string | null }
  | { kind: 'area'; areaCode: string };

/** The 政令市 a ward belongs to (null for any other code): an officer of the city covers its wards. */
export type ParentOf = (municipalityCode: string) => string | null;

type Grant = (p: Principal, s: Subject, parentOf: ParentOf) => readonly Access[];
const NONE: readonly Access[] = [];

const TABLE: Record<Role, Grant> = {
  admin: () => ['read', 'act', 'administer'],
  municipality: (p, s, parentOf) => {
    if (!inArea(p.scope, s.areaCode, parentOf)) return NONE;
    return s.kind === 'institution' ? ['read'] : ['read', 'administer'];
  },
  facility: (p, s) => (s.kind === 'facility' && p.scope.includes(s.careOfficeNumber) ? ['read', 'act'] : NONE),
  institution: (p, s) => (s.kind === 'institution' && p.scope.includes(s.code) ? ['read', 'act'] : NONE),
};

/**
 * Whether a role can hold `access` on anything at all — asked of the table itself, with each role's
 * own kind of record in its scope. Lets a route refuse a caller before reading a body that names
 * the record (rules.ts gate).
 */
export function roleCanEver(role: Role, access: Access): boolean {
  const probe: Principal = { id: 0, login: 'probe', role, scope: ['X'] };
  const subjects: Subject[] = [
    { kind: 'facility', careOfficeNumber: 'X', areaCode: 'X' },
    { kind: 'institution', code: 'X', areaCode: 'X' },
    { kind: 'area', areaCode: 'X' },
  ];
  return subjects.some((s) => TABLE[role](probe, s, () => null).includes(access));
}

export function may(p: Principal | null, access: Access, subject: Subject, parentOf: ParentOf): boolean {
  return p !== null && TABLE[p.role](p, subject, parentOf).includes(access);
}

/**
 * Whether an area code (a municipality, a ward or an authority such as a prefecture's <pref>000C)
 * lies in an officer's scope: a 2-digit prefecture code covers every code of that prefecture; a
 * municipality code covers itself and, for a 政令市, its wards.
 */
export function inArea(scope: readonly string[], areaCode: string | null, parentOf: ParentOf): boolean {
  if (!areaCode) return false;
  const parent = parentOf(areaCode);
  return scope.some((s) => (s.length === 2 ? areaCode.startsWith(s) : s === areaCode || s === parent));
}
