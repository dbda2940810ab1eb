import { Hono } from 'hono';
import { allow, PUBLIC } from '../../auth/rules';
import type { AppEnv } from '../../app-env';
import { searchQuery } from '../../contracts/api';
import { validate } from '../../validate';
import { SearchIndex } from './search-index';

/**
 * GET /api/search?q=&kind=facility|institution — facilities by name, kana, 事業所番号 or address;
 * institutions by name, 医療機関コード or address.
 */
export const searchRoutes = new Hono<AppEnv>().get('/', validate('query', searchQuery), allow(PUBLIC), (c) => {
  const q = c.req.valid('query');
  const index = c.var.memo.get(c.var.today(), 'search', () => new SearchIndex(c.var.db));
  return c.json({ query: q.q, kind: q.kind, hits: index.find(q.q, q.kind, q.limit) });
});
