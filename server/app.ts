import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { dateInJapan } from './domain/dates';
import type { AppEnv } from './app-env';
import type { Db } from './db/client';
import { ApiFailure, errorResponse } from './errors';
import { gzip } from './compress';
import { corsFor, hostCheck, securityHeaders, sessionMiddleware } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { accountsRoutes } from './features/accounts/routes';
import { officerRoutes } from './features/officer/routes';
import { auditRoutes } from './features/audit/routes';
import { facilitiesRoutes } from './features/facilities/routes';
import { healthRoutes } from './features/health/routes';
import { institutionsRoutes } from './features/institutions/routes';
import { metaRoutes } from './features/meta/routes';
import { municipalitiesRoutes } from './features/municipalities/routes';
import { EngineStore } from './features/engine/engine-store';
import { gapsRoutes } from './features/gaps/routes';
import { planRoutes } from './features/plan/routes';
import { tilesRoutes } from './features/tiles/routes';
import { searchRoutes } from './features/search/routes';
import { VersionMemo } from './features/engine/version-memo';
import { agreementsRoutes } from './features/partnerships/agreements-routes';
import { apiDocsRoutes } from './features/api-docs/routes';
import { openApiDocument, type MountedRoute, type OpenApiDocument } from './features/shared/openapi/openapi-document';
import { facilityCycleRoutes, institutionCycleRoutes } from './features/partnerships/facility-cycle-routes';
import { requestsRoutes } from './features/partnerships/requests-routes';
import { facilityDeskRoutes, institutionDeskRoutes } from './features/partnerships/desk-routes';
import { facilityFilingRoutes, filingsRoutes } from './features/filings/routes';
import type { TravelTimes } from './routing/travel-times';
import { BASEMAPS, type BasemapName } from './features/shared/basemaps';

export interface AppDeps {
  db: Db;
  /** The clock; defaults to the real one. */
  now?: () => Date;
  /** Road travel times (ROUTING_URL); the built-in estimate when absent. */
  routing?: TravelTimes | null;
  /** The optional online basemap (BASEMAP). */
  basemap?: BasemapName;
  /** Other sites allowed to call the API with credentials (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** Behind an https proxy that sets X-Forwarded-Proto (TRUST_PROXY): cookies are marked Secure. */
  trustProxy?: boolean;
  /** The Host names served (HOST, localhost, 127.0.0.1, PUBLIC_HOSTS); any Host when absent (tests). */
  hosts?: readonly string[];
  /** The read model over `db`; one of its own when absent (a benchmark shares one with the engine calls it times). */
  engine?: EngineStore;
}

export const JSON_BODY_LIMIT = 64 * 1024;
export const UPLOAD_BODY_LIMIT = 10 * 1024 * 1024;
const tooLarge = (limit: number) => () => {
  throw new ApiFailure(413, 'payload_too_large', `body: larger than ${limit / 1024} KB; expected at most that`, [{ path: 'body', message: `expected at most ${limit / 1024} KB` }]);
};
const jsonCap = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge(JSON_BODY_LIMIT) });
const uploadCap = bodyLimit({ maxSize: UPLOAD_BODY_LIMIT, onError: tooLarge(UPLOAD_BODY_LIMIT) });
/** The cap for a request: the filing upload takes a workbook, everything else JSON. */
const bodyCap: MiddlewareHandler = (c, next) => (c.req.method === 'POST' && c.req.path === '/api/filings' ? uploadCap(c, next) : jsonCap(c, next));

/** The writes anyone may make: signing in and out. */
const PUBLIC_WRITES = new Set(['/api/auth/login', '/api/auth/logout']);
const signedInForWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !PUBLIC_WRITES.has(c.req.path) && !c.var.user) {
    throw new ApiFailure(401, 'unauthenticated', 'Sign in first (POST /api/auth/login)');
  }
  await next();
};

/** The API. Static files are added by the server (server/main.ts), so tests can use this alone. */
export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const engine = deps.engine ?? new EngineStore(deps.db);
  const memo = new VersionMemo(engine);
  const basemap = BASEMAPS[deps.basemap ?? 'none'];
  const origins = deps.corsOrigins ?? [];
  let published: OpenApiDocument | undefined;
  /** The finished app's routes (set below): what the published document describes. */
  const mounted: { routes: readonly MountedRoute[] } = { routes: [] };
  const secureCookie = (url: string, forwardedProto: string | undefined) => url.startsWith('https:') || (deps.trustProxy === true && forwardedProto === 'https');
  const api = new Hono<AppEnv>()
    .use(corsFor(origins))
    .use(gzip())
    .use(async (c, next) => {
      c.set('db', deps.db);
      c.set('now', now);
      c.set('today', () => dateInJapan(now()));
      c.set('engine', engine);
      c.set('memo', memo);
      c.set('routing', deps.routing ?? null);
      c.set('basemap', basemap);
      await next();
    })
    .use(sessionMiddleware(origins))
    // Bodies are capped before they are read (413): JSON at 64 KB, a 届出書 upload at 10 MB.
    .use(bodyCap)
    // A write's body is read only for a signed-in caller (401 first); each route's own rule checks the
    // role before its body too, and the record after it where the record is named in the body.
    .use(signedInForWrites)
    // What a signed-in user is shown (partners, requests, filings) is never kept by a cache; tiles are
    // public data under a versioned URL and keep their own caching.
    .use(async (c, next) => {
      await next();
      if (c.var.user && !c.req.path.startsWith('/api/tiles/')) c.header('cache-control', 'no-store');
    })
    .route('/auth', authRoutes({ secureCookie, trustProxy: deps.trustProxy === true }))
    .route('/audit', auditRoutes)
    .route('/accounts', accountsRoutes)
    .route('/officer', officerRoutes)
    .route('/health', healthRoutes)
    .route('/meta', metaRoutes)
    // Each path is mounted once; a record's routes from several features are joined first.
    .route('/facilities', new Hono<AppEnv>().route('/', facilitiesRoutes).route('/', facilityCycleRoutes).route('/', facilityDeskRoutes).route('/', facilityFilingRoutes))
    .route('/institutions', new Hono<AppEnv>().route('/', institutionsRoutes).route('/', institutionCycleRoutes).route('/', institutionDeskRoutes))
    .route('/municipalities', municipalitiesRoutes)
    .route('/gaps', gapsRoutes)
    .route('/plan', planRoutes)
    .route('/tiles', tilesRoutes)
    .route('/search', searchRoutes)
    .route('/requests', requestsRoutes)
    .route('/agreements', agreementsRoutes)
    .route('/filings', filingsRoutes)
    // The API's description, read from the routes of the finished app (below) on first use.
    .route('/', apiDocsRoutes(() => (published ??= openApiDocument(mounted.routes))));

  const app = new Hono()
    .use(securityHeaders(basemap ? new URL(basemap.tiles[0]!).origin : null))
    // Before anything else, the page and the API alike: only the configured host names are served.
    .use(deps.hosts ? hostCheck(deps.hosts) : (_c, next) => next())
    .route('/api', api);
  app.all('/api/*', (c) => errorResponse(new ApiFailure(404, 'not_found', `No API route ${c.req.method} ${c.req.path}`), c));
  app.onError(errorResponse);
  api.onError(errorResponse);
  mounted.routes = app.routes;
  return app;
}

export type AppType = ReturnType<typeof createApp>;
