import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiPath, type OpenApiDocument } from '../../server/features/shared/openapi/openapi-document';
import { demoApp, type TestApp } from '../helpers/db';
import { docsPage } from '../../server/features/api-docs/docs-page';

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { summary: string; operationId: string; parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]; security?: unknown[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>;
}

let app: TestApp;
let doc: Doc;
beforeAll(async () => {
  ({ app } = await demoApp());
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});

/** Every route the app mounts (Hono lists one entry per middleware: ALL ones are middleware and the 404). */
const mounted = () => [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${openApiPath(r.path)}`))].sort();
const documented = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();

describe('the published API description (GET /api/openapi.json)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('lists exactly the routes the app mounts, each with a summary', () => {
    expect(mounted().length).toBeGreaterThan(40);
    expect(documented()).toEqual(mounted());
    for (const methods of Object.values(doc.paths)) for (const op of Object.values(methods)) expect(op.summary.length).toBeGreaterThan(10);
  });

  it("describes a route's parameters from its contract: candidates take maxMinutes, the facility id is in the path", () => {
    const op = doc.paths['/api/facilities/{id}/candidates']!.get!;
    const maxMinutes = op.parameters.find((p) => p.name === 'maxMinutes');
    expect(maxMinutes).toMatchObject({ in: 'query', required: false });
    // A number typed as text says its range and default, as the contract checks them.
    expect(JSON.stringify(maxMinutes)).toMatch(/whole number from \d+ to \d+; \d+ when absent/);
    expect(op.parameters.find((p) => p.name === 'id')).toMatchObject({ in: 'path', required: true });
    expect(op.security).toBeUndefined();
  });

  it('gives the body schema of a write and marks it as needing the session cookie', () => {
    const op = doc.paths['/api/facilities/{id}/meetings']!.post!;
    const body = op.requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['institutionCode', 'heldOn']));
    expect(body.required).toContain('institutionCode');
    expect(op.security).toEqual([{ sessionCookie: [] }]);
  });

  it('has no operation ids twice', () => {
    const ids = Object.values(doc.paths).flatMap((m) => Object.values(m).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the reference page (GET /api/docs)', () => {
  it('is HTML naming every operation, fetching nothing from elsewhere', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(html, `${method} ${path}`).toContain(`id="${op.operationId}"`);
        expect(html).toContain(`<span class="method">${method.toUpperCase()}</span> <span class="path">${path}</span>`);
      }
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('escapes what it shows: a summary holding markup is text on the page', () => {
    const hostile = structuredClone(doc) as unknown as OpenApiDocument;
    hostile.paths['/api/meta']!.get!.summary = '<script>alert(1)</script> & "quoted"';
    const html = docsPage(hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
  });
});
