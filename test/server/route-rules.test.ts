import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { ruleOf } from '../../server/auth/rules';
import { memoryDb } from '../helpers/db';

/** Every route of the app with the rule it declares (undefined when it declares none). */
export function routeRules(app = createApp({ db: memoryDb() })) {
  const byRoute = new Map<string, { method: string; path: string; who: string | undefined }>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue; // middleware and the API's 404
    const key = `${r.method} ${r.path}`;
    const entry = byRoute.get(key) ?? { method: r.method, path: r.path, who: undefined };
    entry.who ??= ruleOf(r.handler)?.who;
    byRoute.set(key, entry);
  }
  return [...byRoute.values()];
}

describe('authorization is declared per route', () => {
  it('every route of the app names who may call it', () => {
    const routes = routeRules();
    expect(routes.length).toBeGreaterThan(30);
    const unruled = routes.filter((r) => r.who === undefined).map((r) => `${r.method} ${r.path}`);
    expect(unruled, `routes without allow(rule): ${unruled.join(', ')}`).toEqual([]);
  });

  it('keeps records and changes away from anonymous visitors: only reads of open data and aggregates are public', () => {
    const publicRoutes = routeRules()
      .filter((r) => r.who === 'anyone')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/auth/me',
        'GET /api/facilities',
        'GET /api/facilities/:id',
        'GET /api/facilities/:id/candidates',
        'GET /api/facilities/:id/candidates/:code',
        'GET /api/facilities/:id/combinations',
        'GET /api/gaps',
        'GET /api/gaps/facilities',
        'GET /api/health',
        'GET /api/institutions',
        'GET /api/institutions/:code',
        'GET /api/institutions/:code/nearby-facilities',
        'GET /api/meta',
        'GET /api/openapi.json',
        'GET /api/docs',
        'GET /api/municipalities',
        'GET /api/search',
        'GET /api/tiles/:set/:z/:x/:y',
        'POST /api/auth/login',
        'POST /api/auth/logout',
      ].sort(),
    );
  });
});
