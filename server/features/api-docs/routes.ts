import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { allow, PUBLIC } from '../../auth/rules';
import type { OpenApiDocument } from '../shared/openapi/openapi-document';
import { docsPage } from './docs-page';

/**
 * GET /api/openapi.json and GET /api/docs: the published description of the API and its reference
 * page, both from one document built (by the app, from its own routes) on first use.
 */
export function apiDocsRoutes(document: () => OpenApiDocument) {
  let page: string | undefined;
  return new Hono<AppEnv>()
    .get('/openapi.json', allow(PUBLIC), (c) => c.json(document()))
    .get('/docs', allow(PUBLIC), (c) => c.html((page ??= docsPage(document()))));
}
