import { sql } from 'drizzle-orm';
import { allow, PUBLIC } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { facilities, institutions, municipalities } from '../../db/schema';

export const healthRoutes = new Hono<AppEnv>().get('/', allow(PUBLIC), (c) => {
  const { db } = c.var;
  const count = (table: typeof facilities | typeof institutions | typeof municipalities) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
  return c.json({ status: 'ok' as const, counts: { municipalities: count(municipalities), facilities: count(facilities), institutions: count(institutions) } });
});
