import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts';
import type { Role } from '../../server/auth/principal';
import type { TestApp } from './db';

/** Requests made as one signed-in user: the session cookie and the CSRF token ride along. */
export interface Session {
  request(path: string, init?: RequestInit): Promise<Response>;
  /** JSON in, JSON (or text) out, with the status. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  headers: Record<string, string>;
}

export async function signIn(app: TestApp, login: string, password: string): Promise<Session> {
  const res = await app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ login, password }), headers: { 'content-type': 'application/json' } });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return session(app, { cookie, 'x-csrf-token': csrfToken });
}

/** Signed in with the demo region's account of a role. */
export const signInAs = (app: TestApp, role: Role) => signIn(app, DEMO_ACCOUNTS[role].login, DEMO_ACCOUNTS[role].password);

/** No session at all: an anonymous visitor. */
export const anonymous = (app: TestApp): Session => session(app, {});

function session(app: TestApp, headers: Record<string, string>): Session {
  const request = async (path: string, init: RequestInit = {}) => app.request(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  return {
    headers,
    request,
    async call(method, path, body) {
      const res = await request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
    },
  };
}
