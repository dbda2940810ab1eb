import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { inArea, type ParentOf } from '../../auth/policy';
import { scopeProblem, type Principal } from '../../auth/principal';
import { allow, parentOf, requireUser, roles } from '../../auth/rules';
import { officerDeskQuery } from '../../contracts/partnerships';
import { daysFrom } from '../../domain/dates';
import type { Authority } from '../../domain/designating-authority';
import { municipalityCodeFrom5 } from '../../domain/identifiers';
import { fiscalYearOf } from '../../domain/kasan';
import { ApiFailure } from '../../errors';
import { validate } from '../../validate';
import type { EngineSnapshot } from '../engine/engine-store';
import { emptyCounts, municipalityCounts } from '../engine/municipality-counts';
import { deadlinesOf, designatedFacilities, filingCounts, filingStatuses, type FacilityFiling } from '../shared/filing-status';

/**
 * The officer's landing page: the authorities the officer files for, with their deadlines, and every
 * municipality of the area with its facilities by coverage status (the counts GET /api/municipalities
 * shows) and the filings of the year with this officer's authorities.
 */

/**
 * The area shown: an officer's scope (or a part of it, `scope=`); for an administrator the `scope`
 * asked, else every prefecture in the data — the desk an officer of that scope would see.
 */
function deskScope(user: Principal, asked: string[] | undefined, snap: EngineSnapshot, parent: ParentOf): string[] {
  if (asked) {
    const problem = scopeProblem('municipality', asked);
    if (problem) throw new ApiFailure(400, 'invalid_parameter', `scope: ${problem}`, [{ path: 'scope', message: problem }]);
    const outside = user.role === 'admin' ? [] : asked.filter((code) => !inArea(user.scope, code, parent));
    if (outside.length) throw new ApiFailure(403, 'forbidden', `${user.login} (${user.role}) may not open the desk of ${outside.join(', ')}: outside your area (${user.scope.join(', ')})`);
    return asked;
  }
  if (user.role === 'admin') return [...new Set([...snap.municipalities.values()].map((m) => m.prefCode))].sort();
  return user.scope;
}

/**
 * The designating authorities a scope files for: a prefecture code's prefecture; a municipality's
 * own city, town or village (a ward files with its city, so a ward's scope has none).
 */
function authoritiesOf(scope: readonly string[], snap: EngineSnapshot): Authority[] {
  const out = new Map<string, Authority>();
  for (const code of scope) {
    if (code.length === 2) {
      const any = [...snap.municipalities.values()].find((m) => m.prefCode === code);
      if (any) out.set(municipalityCodeFrom5(`${code}000`), { level: 'prefecture', code: municipalityCodeFrom5(`${code}000`), name: any.prefName });
      continue;
    }
    const m = snap.municipalities.get(code);
    if (m && m.kind !== 'ward') out.set(code, { level: 'municipality', code, name: m.name });
  }
  return [...out.values()].sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'prefecture' ? -1 : 1));
}

type FilingTally = { filed: number; notFiled: number; overdue: number };
type Designated = ReturnType<typeof designatedFacilities>;

/** A facility's municipality and, for a ward, its city: where its tallies go. */
const placesOf = (snap: EngineSnapshot, code: string | null): string[] => {
  const parent = code ? snap.municipalities.get(code)?.parentCode : null;
  return code ? (parent ? [code, parent] : [code]) : [];
};

/** Filed, not filed and overdue per municipality (a city sums its wards). */
function filingTallies(snap: EngineSnapshot, facilities: readonly FacilityFiling[]): Map<string, FilingTally> {
  const out = new Map<string, FilingTally>();
  for (const f of facilities) {
    for (const code of placesOf(snap, f.row.municipalityCode)) {
      const t = out.get(code) ?? { filed: 0, notFiled: 0, overdue: 0 };
      t[f.status === 'filed' ? 'filed' : f.status === 'overdue' ? 'overdue' : 'notFiled']++;
      out.set(code, t);
    }
  }
  return out;
}

/** Per municipality shown, the authority (any) that designates most of its facilities; ties go to the lower code. */
function mainAuthorities(snap: EngineSnapshot, designated: Designated, shown: Set<string>): Map<string, Authority> {
  const tally = new Map<string, Map<string, { authority: Authority; n: number }>>();
  for (const { row, authority } of designated) {
    if (!authority || !row.municipalityCode || !shown.has(row.municipalityCode)) continue;
    for (const code of placesOf(snap, row.municipalityCode)) {
      const m = tally.get(code) ?? new Map<string, { authority: Authority; n: number }>();
      const e = m.get(authority.code) ?? { authority, n: 0 };
      e.n++;
      m.set(authority.code, e);
      tally.set(code, m);
    }
  }
  const out = new Map<string, Authority>();
  for (const [code, m] of tally) out.set(code, [...m.values()].sort((a, b) => b.n - a.n || a.authority.code.localeCompare(b.authority.code))[0]!.authority);
  return out;
}

export const officerRoutes = new Hono<AppEnv>().get('/desk', validate('query', officerDeskQuery), allow(roles('admin', 'municipality')), (c) => {
  const q = c.req.valid('query');
  const { db, memo } = c.var;
  const today = c.var.today();
  const snap = c.var.engine.get(today);
  const parent = parentOf(c);
  const scope = deskScope(requireUser(c), q.scope, snap, parent);
  const fiscalYear = q.fiscalYear || fiscalYearOf(today);
  const authorities = authoritiesOf(scope, snap);
  const designated = designatedFacilities(memo, today, snap);
  const { facilities } = filingStatuses(db, designated, authorities.map((a) => a.code), fiscalYear, today);
  const deadlines = deadlinesOf(db, fiscalYear);
  const shown = [...snap.municipalities.entries()].filter(([code]) => inArea(scope, code, parent)).sort(([a], [b]) => a.localeCompare(b));
  const tallies = filingTallies(snap, facilities);
  const main = mainAuthorities(snap, designated, new Set(shown.map(([code]) => code)));
  const counts = memo.get(today, 'municipality-counts', () => municipalityCounts(snap));
  const daysTo = (due: string | null) => (due ? daysFrom(today, due) : null);
  return c.json({
    fiscalYear,
    scope,
    authorities: authorities.map((a) => {
      const deadline = deadlines.get(a.code) ?? null;
      const mine = facilities.filter((f) => f.authority.code === a.code);
      return { code: a.code, name: a.name, level: a.level, deadline, daysLeft: daysTo(deadline), facilities: mine.length, ...filingCounts(mine) };
    }),
    municipalities: shown.map(([code, m]) => {
      const cnt = counts.get(code) ?? emptyCounts();
      const authority = main.get(code) ?? null;
      const due = authority ? (deadlines.get(authority.code) ?? null) : null;
      return {
        code, name: m.name, kind: m.kind, parentCode: m.parentCode,
        facilities: cnt.total, covered: cnt.covered, partial: cnt.partial, none: cnt.none, unknown: cnt.unknown,
        ...(tallies.get(code) ?? { filed: 0, notFiled: 0, overdue: 0 }),
        daysToDeadline: daysTo(due),
        /** The authority whose deadline that is: the one designating most of its facilities. */
        deadlineAuthority: authority ? { code: authority.code, name: authority.name, dueOn: due } : null,
      };
    }),
  });
});
