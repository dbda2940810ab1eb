import { and, desc, eq, gte, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { inArea } from '../../auth/policy';
import { allow, requireUser, roles } from '../../auth/rules';
import { auditQuery } from '../../contracts/auth';
import { auditLog } from '../../db/schema';
import type { EngineSnapshot } from '../engine/engine-store';
import { validate } from '../../validate';
import { entryNames } from './entry-names';

/** The instant a day begins in Japan (UTC+9, no summer time), as the log's ISO text. */
const startOfDayInJapan = (date: string) => new Date(`${date}T00:00:00+09:00`).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Entries whose record lies in the area of `scope` (an officer's scope, or the `area` asked): the
 * area's municipalities and wards by the policy's own test, plus any code under a prefecture (its
 * authority's).
 */
function inAreaOf(scope: readonly string[], munis: EngineSnapshot['municipalities']): SQL | undefined {
  const codes = [...munis.keys()].filter((code) => inArea(scope, code, (m) => munis.get(m)?.parentCode ?? null));
  const prefixes = scope.filter((s) => s.length === 2).map((p) => like(auditLog.areaCode, `${p}%`));
  return or(...prefixes, inArray(auditLog.areaCode, [...new Set([...codes, ...scope])]));
}

/**
 * The audit log, newest first: everything for an administrator; for a municipality officer, the
 * changes to records in their area (a prefecture code covers the prefecture, a 政令市 its wards).
 * Each entry names its record and its actor. Filters: entity, actor, from/to (days in Japan, both
 * included), area.
 */
export const auditRoutes = new Hono<AppEnv>().get('/', validate('query', auditQuery), allow(roles('admin', 'municipality')), (c) => {
  const q = c.req.valid('query');
  const user = requireUser(c);
  const { db, engine, today } = c.var;
  const snap = engine.get(today());
  const where: (SQL | undefined)[] = [
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.before ? lt(auditLog.id, q.before) : undefined,
    q.actor ? eq(auditLog.actor, q.actor) : undefined,
    q.from ? gte(auditLog.at, startOfDayInJapan(q.from)) : undefined,
    q.to ? lt(auditLog.at, startOfDayInJapan(nextDay(q.to))) : undefined,
    q.area ? inAreaOf([q.area], snap.municipalities) : undefined,
  ];
  if (user.role === 'municipality') where.push(inAreaOf(user.scope, snap.municipalities));
  const rows = db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit)
    .all();
  const names = entryNames(db, snap, rows);
  return c.json({
    entries: rows.map((r) => ({
      ...r,
      entityName: names.entityName(r),
      actorName: names.actorName(r),
      before: r.before && (JSON.parse(r.before) as unknown),
      after: r.after && (JSON.parse(r.after) as unknown),
    })),
    next: rows.length === q.limit ? rows.at(-1)!.id : null,
  });
});
