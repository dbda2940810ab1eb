import { and, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { inArea } from '../../auth/policy';
import { allow, requireUser, roles } from '../../auth/rules';
import { auditQuery } from '../../contracts/auth';
import { auditLog } from '../../db/schema';
import { validate } from '../../validate';

/**
 * The audit log, newest first: everything for an administrator; for a municipality officer, the
 * changes to records in their area (a prefecture code covers the prefecture, a 政令市 its wards).
 */
export const auditRoutes = new Hono<AppEnv>().get('/', validate('query', auditQuery), allow(roles('admin', 'municipality')), (c) => {
  const q = c.req.valid('query');
  const user = requireUser(c);
  const { db, engine, today } = c.var;
  const where: (SQL | undefined)[] = [q.entity ? eq(auditLog.entity, q.entity) : undefined, q.before ? lt(auditLog.id, q.before) : undefined];
  if (user.role === 'municipality') {
    // The area's municipalities and wards by the policy's own test, plus any code under a prefecture (its authority's).
    const munis = engine.get(today()).municipalities;
    const codes = [...munis.keys()].filter((code) => inArea(user.scope, code, (m) => munis.get(m)?.parentCode ?? null));
    const prefixes = user.scope.filter((s) => s.length === 2).map((p) => like(auditLog.areaCode, `${p}%`));
    where.push(or(...prefixes, inArray(auditLog.areaCode, [...new Set([...codes, ...user.scope])])));
  }
  const rows = db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit)
    .all();
  return c.json({
    entries: rows.map((r) => ({ ...r, before: r.before && (JSON.parse(r.before) as unknown), after: r.after && (JSON.parse(r.after) as unknown) })),
    next: rows.length === q.limit ? rows.at(-1)!.id : null,
  });
});
