import fc from 'fast-check';
import { expect } from 'vitest';
import type { Session } from '../helpers/session';
import { made, type RouteSpec } from './route-specs';

/**
 * Property: whatever a client sends to a route — its valid call with fields dropped, replaced by
 * any JSON value or odd text, extra fields and parameters, given twice, or a body that is not JSON
 * at all — the server never answers 500, and a 400 names the field (error.issues[0].path).
 */
const ODD_TEXT = ['', ' ', '-1', '0', '1.5', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%00', '\u0000', '../..', '9'.repeat(400), '2026-02-30', '9999-99-99', '99', '０１２', '🏥', 'ｱｲｳ', 'A'.repeat(5000)];
const oddText = fc.oneof(fc.constantFrom(...ODD_TEXT), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer().map(String), fc.double().map(String));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText);

type Change = { kind: 'keep' } | { kind: 'drop' } | { kind: 'set'; value: unknown };
const change = (valueArb: fc.Arbitrary<unknown>): fc.Arbitrary<Change> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: 'keep' } as Change) }, { weight: 1, arbitrary: fc.constant({ kind: 'drop' } as Change) }, { weight: 2, arbitrary: valueArb.map((value) => ({ kind: 'set', value }) as Change) });

function mutated<T>(valid: Record<string, T>, valueArb: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  const keys = Object.keys(valid);
  return fc
    .tuple(fc.array(change(valueArb), { minLength: keys.length, maxLength: keys.length }), fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valueArb, { maxKeys: 2 }), fc.boolean())
    .map(([changes, extra, addExtra]) => {
      const out: Record<string, T> = {};
      keys.forEach((k, i) => {
        const c = changes[i]!;
        if (c.kind === 'keep') out[k] = valid[k]!;
        else if (c.kind === 'set') out[k] = c.value as T;
      });
      return addExtra ? { ...out, ...extra } : out;
    });
}

interface Call {
  path: string;
  query: string;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string | null } | { kind: 'bytes'; bytes: Uint8Array };
  anonymous: boolean;
}

function callArb(spec: RouteSpec, xlsx: Uint8Array): fc.Arbitrary<Call> {
  const validParams = Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, v]) => [k, v === 'request' ? made.requestId : v === 'agreement' ? made.agreementId : v === 'proposal' ? made.proposalId : v]));
  const params = fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: oddText }), { minLength: Object.keys(validParams).length, maxLength: Object.keys(validParams).length });
  const query = fc.tuple(mutated(spec.query ?? {}, oddText), fc.option(oddText, { nil: undefined }));
  const body: fc.Arbitrary<Call['body']> =
    spec.body === undefined
      ? fc.constant({ kind: 'none' })
      : spec.body === 'xlsx'
        ? fc.oneof(
            fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes', bytes }) as const),
            fc.tuple(fc.nat(xlsx.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, patch]) => {
              const bytes = Uint8Array.from(xlsx);
              bytes.set(patch.subarray(0, bytes.length - at), at);
              return { kind: 'bytes', bytes } as const;
            }),
            fc.nat(xlsx.length).map((n) => ({ kind: 'bytes', bytes: xlsx.subarray(0, n) }) as const),
          )
        : fc.oneof(
            { weight: 6, arbitrary: mutated(spec.body, anyJson).map((value) => ({ kind: 'json', value }) as const) },
            { weight: 1, arbitrary: anyJson.map((value) => ({ kind: 'json', value }) as const) },
            { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 60 }), fc.constantFrom('application/json', 'text/plain', null)).map(([text, type]) => ({ kind: 'raw', text, type }) as const) },
          );
  return fc.record({ params, query, body, anonymous: fc.boolean() }).map(({ params: p, query: [q, repeated], body: b, anonymous }) => {
    let path = spec.path;
    Object.keys(validParams).forEach((k, i) => (path = path.replace(`:${k}`, encodeURIComponent(p[i] ?? validParams[k]!))));
    const search = new URLSearchParams(q);
    const firstKey = Object.keys(q)[0];
    if (repeated !== undefined && firstKey) search.append(firstKey, repeated);
    return { path, query: search.toString(), body: b, anonymous };
  });
}

function requestInit(spec: RouteSpec, call: Call): RequestInit {
  const b = call.body;
  if (b.kind === 'json') return { method: spec.method, body: JSON.stringify(b.value), headers: { 'content-type': 'application/json' } };
  if (b.kind === 'raw') return { method: spec.method, body: b.text, headers: b.type ? { 'content-type': b.type } : {} };
  if (b.kind === 'bytes') return { method: spec.method, body: Uint8Array.from(b.bytes) };
  return { method: spec.method };
}

/** Runs the property for one route: `numRuns` generated calls, as an administrator or anonymously. */
export async function fuzzRoute(spec: RouteSpec, sessions: { admin: Session; anonymous: Session }, xlsx: Uint8Array, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(callArb(spec, xlsx), async (call) => {
      const url = call.query ? `${call.path}?${call.query}` : call.path;
      // Signing out would end the administrator's session for the calls after: done anonymously.
      const asAdmin = !call.anonymous && spec.path !== '/api/auth/logout';
      const res = await (asAdmin ? sessions.admin : sessions.anonymous).request(url, requestInit(spec, call));
      const text = await res.text();
      expect(res.status, `${spec.method} ${url} → ${res.status} ${text.slice(0, 300)}`).not.toBe(500);
      if (res.status === 400) {
        const error = (JSON.parse(text) as { error: { message: string; issues?: { path: string }[] } }).error;
        const named = typeof error.issues?.[0]?.path === 'string' && error.issues[0].path.trim() !== '' && error.message.trim() !== '';
        expect(named, `${spec.method} ${url}: 400 without the field named: ${text.slice(0, 300)}`).toBe(true);
      }
    }),
    { numRuns, endOnFailure: true },
  );
}

