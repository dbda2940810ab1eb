import { z, type ZodType } from 'zod';
import { ruleOf, PUBLIC } from '../../../auth/rules';
import { SESSION_COOKIE } from '../../../auth/sessions';
import { apiErrorSchema } from '../../../contracts/common';
import { validatedBy } from '../../../validate';
import { ROUTE_DOCS } from './summaries';

/** A route as Hono lists it in `app.routes`: one entry per handler and middleware. */
export interface MountedRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: unknown;
}

type JsonSchema = Record<string, unknown>;
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
  'x-allowed'?: string;
}
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** Hono's `/api/facilities/:id` as OpenAPI's `/api/facilities/{id}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The JSON Schema of what a client sends (zod's input side: query values are text before parsing). */
const inputSchema = (schema: ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** The properties of an object schema as parameters of one kind. */
function parametersOf(schema: JsonSchema, where: 'path' | 'query'): OpenApiParameter[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), ...(typeof description === 'string' ? { description } : {}), schema: rest };
  });
}

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

/**
 * The OpenAPI 3.1 document of the mounted routes, read from the routes themselves: the contracts
 * their validate() middlewares check (path, query and JSON body), the rule their allow() declares
 * (anything but PUBLIC needs the session cookie), and the summary in ROUTE_DOCS.
 */
export function openApiDocument(routes: readonly MountedRoute[]): OpenApiDocument {
  const byRoute = new Map<string, { method: string; path: string; handlers: unknown[] }>();
  for (const r of routes) {
    // Middleware and the API's 404 are ALL; the web app's files (server/main.ts) are not the API.
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const key = `${r.method} ${r.path}`;
    const entry = byRoute.get(key) ?? { method: r.method, path: r.path, handlers: [] };
    entry.handlers.push(r.handler);
    byRoute.set(key, entry);
  }
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  for (const { method, path: honoPath, handlers } of byRoute.values()) {
    const path = openApiPath(honoPath);
    const doc = ROUTE_DOCS[`${method} ${path}`];
    if (!doc) throw new Error(`${method} ${path}: no entry in ROUTE_DOCS (server/features/shared/openapi/summaries.ts)`);
    const tag = path.split('/')[2] ?? 'api';
    tags.add(tag);
    const rule = handlers.map(ruleOf).find(Boolean);
    const validated = handlers.map(validatedBy).filter((v) => v !== undefined);
    const parameters: OpenApiParameter[] = [];
    let requestBody: OpenApiOperation['requestBody'];
    for (const v of validated) {
      if (v.target === 'param') parameters.push(...parametersOf(inputSchema(v.schema), 'path'));
      else if (v.target === 'query') parameters.push(...parametersOf(inputSchema(v.schema), 'query'));
      else if (v.target === 'json') requestBody = { required: true, content: { 'application/json': { schema: inputSchema(v.schema) } } };
    }
    // A path parameter no contract describes is still a parameter.
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
      if (!parameters.some((p) => p.in === 'path' && p.name === name)) parameters.push({ name: name!, in: 'path', required: true, schema: { type: 'string' } });
    }
    if (method === 'POST' && path === '/api/filings') requestBody = { required: true, content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } } };
    const signIn = rule !== undefined && rule !== PUBLIC;
    const responses: OpenApiOperation['responses'] = {
      '200': { description: 'OK', content: { [doc.produces ?? 'application/json']: { schema: doc.produces ? { type: 'string' } : {} } } },
    };
    if (validated.length > 0 || requestBody) responses['400'] = errorResponse('A parameter or the body is invalid; `issues` names each field');
    if (signIn) {
      responses['401'] = errorResponse('Not signed in');
      responses['403'] = errorResponse('Signed in, but not allowed (or a missing CSRF token on a write)');
    }
    if (path.includes('{')) responses['404'] = errorResponse('No record with that id');
    if (['PUT', 'PATCH', 'POST'].includes(method) && signIn) responses['409'] = errorResponse('The record changed since it was read (stale version)');
    responses.default = errorResponse('Any other error, in the one error shape');
    const operation: OpenApiOperation = {
      operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, '').split(/[/.-]/).filter(Boolean).map((s) => s[0]!.toUpperCase() + s.slice(1)).join('')}`,
      summary: doc.summary,
      tags: [tag],
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses,
      ...(signIn ? { security: [{ sessionCookie: [] }], 'x-allowed': rule.who } : {}),
    };
    (paths[path] ??= {})[method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '連携マップ Renkei Map API',
      version: '0.1.0',
      description: 'Care facilities and their partner medical institutions (協力医療機関). Writes need the session cookie set by POST /api/auth/login and its CSRF token in the X-CSRF-Token header.',
    },
    servers: [{ url: '/' }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: { ApiError: inputSchema(apiErrorSchema) },
      securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login' } },
    },
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
