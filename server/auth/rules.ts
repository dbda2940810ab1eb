import { eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { agreements, partnershipRequests } from '../db/schema';
import { facilityId } from '../domain/identifiers';
import { ApiFailure, notFound } from '../errors';
import { requireFacility, requireInstitution } from '../features/shared/lookups';
import { ACCESSES, may, roleCanEver, type Access, type ParentOf, type Subject } from './policy';
import type { Principal, Role } from './principal';

/**
 * What every route declares: who may call it. `allow(rule)` goes after the validators of the path and
 * query (so a bad id is a 400 naming it) and before the body's — the body is read only for a caller who
 * may make the call — except where the record is named in the body (facilityInBody), whose check
 * follows parsing (app.ts has already refused anonymous writes). test/server/route-rules.test.ts fails
 * the build when a route has none. The decisions themselves are the table in policy.ts.
 */
export interface Rule {
  /** Who may call, in words (the route list and error messages show it). */
  readonly who: string;
  check(c: Context<AppEnv>): void;
}

const RULE = Symbol('rule');
type RuledMiddleware = MiddlewareHandler<AppEnv> & { [RULE]: Rule };

export function allow(rule: Rule): RuledMiddleware {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    rule.check(c);
    await next();
  };
  return Object.assign(mw, { [RULE]: rule });
}

/** The rule a route's handler carries, if it is an `allow` middleware. */
export const ruleOf = (handler: unknown): Rule | undefined => (handler as Partial<RuledMiddleware> | null)?.[RULE];

const unauthenticated = () => new ApiFailure(401, 'unauthenticated', 'Sign in first (POST /api/auth/login)');
const forbidden = (p: Principal, what: string) => new ApiFailure(403, 'forbidden', `${p.login} (${p.role}) may not ${what}`);

export function requireUser(c: Context<AppEnv>): Principal {
  const user = c.var.user;
  if (!user) throw unauthenticated();
  return user;
}

/** Public open data and aggregates. */
export const PUBLIC: Rule = { who: 'anyone', check: () => undefined };

/** Any signed-in user of the roles; what they see may still depend on their scope. */
export const roles = (...allowed: Role[]): Rule => ({
  who: allowed.join(' | '),
  check(c) {
    const user = requireUser(c);
    if (!allowed.includes(user.role)) throw forbidden(user, `call ${c.req.method} ${c.req.path}`);
  },
});

/**
 * Before a body that names the record is read: 401 for anonymous, 403 for a role that can never have
 * the access the rule asks (policy.ts roleCanEver). The rule itself follows the body's validator.
 */
export function gate(rule: Rule & { access?: Access }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = requireUser(c);
    if (rule.access && !roleCanEver(user.role, rule.access)) throw forbidden(user, `call ${c.req.method} ${c.req.path}`);
    await next();
  };
}

/** A rule about records: allowed when the user may `access` at least one of the subjects. */
export function on(access: Access, what: string, subjects: (c: Context<AppEnv>) => Subject[]): Rule & { access: Access } {
  return {
    access,
    who: `${access} ${what}`,
    check(c) {
      // 401 before the records are looked up: an anonymous caller learns nothing, not even a 404.
      requireUser(c);
      authorize(c, access, subjects(c), `${access} this ${what}`);
    },
  };
}

/** The check for records known only inside a handler (a file's facility, say): 403 unless allowed. */
export function authorize(c: Context<AppEnv>, access: Access, subjects: Subject[], what = `${access} this record`): void {
  const user = requireUser(c);
  if (!subjects.some((s) => may(user, access, s, parentOf(c)))) throw forbidden(user, what);
}

/**
 * What the caller may do with a record, for answers that show more to those who may read and tell
 * the client which parts to draw (the server still checks every call).
 */
export const accessTo = (c: Context<AppEnv>, subject: Subject): Access[] => ACCESSES.filter((a) => may(c.var.user, a, subject, parentOf(c)));

export const parentOf = (c: Context<AppEnv>): ParentOf => {
  const munis = c.var.engine.get(c.var.today()).municipalities;
  return (code) => munis.get(code)?.parentCode ?? null;
};

// ---- The subjects of a request, read from its validated input -------------------------------------

/** Validated input of a target ('param', 'query', 'json'), as the validators left it. */
const valid = <T>(c: Context<AppEnv>, target: 'param' | 'query' | 'json'): T => (c.req.valid as (t: string) => T)(target);

const facilitySubject = (c: Context<AppEnv>, id: { careOfficeNumber: string; serviceCode: string; id: string }): Subject => {
  const row = requireFacility(c.var.db, id);
  return { kind: 'facility', careOfficeNumber: row.careOfficeNumber, areaCode: row.municipalityCode };
};
export const institutionSubject = (c: Context<AppEnv>, code: string): Subject => {
  const row = requireInstitution(c.var.db, code);
  return { kind: 'institution', code: row.code, areaCode: row.municipalityCode };
};

type FacilityKey = { careOfficeNumber: string; serviceCode: string; id: string };
/** The facility named by the path's `:id`. */
export const facilityInPath = (c: Context<AppEnv>) => [facilitySubject(c, valid<{ id: FacilityKey }>(c, 'param').id)];
/** The facility named by the body's `facilityId`. */
export const facilityInBody = (c: Context<AppEnv>) => [facilitySubject(c, valid<{ facilityId: FacilityKey }>(c, 'json').facilityId)];
/** The institution named by the path's `:code`. */
export const institutionInPath = (c: Context<AppEnv>) => [institutionSubject(c, valid<{ code: string }>(c, 'param').code)];
/** The authority (or area) named by `authority` in the path or the query. */
export const authorityIn = (target: 'param' | 'query') => (c: Context<AppEnv>) => [{ kind: 'area', areaCode: valid<{ authority: string }>(c, target).authority } satisfies Subject];

/** The parties of the partnership request `:id`: its facility, its institution, or either. */
export const requestParties = (party: 'facility' | 'institution' | 'either') => (c: Context<AppEnv>) => {
  const { id } = valid<{ id: number }>(c, 'param');
  const row = c.var.db.select().from(partnershipRequests).where(eq(partnershipRequests.id, id)).get();
  if (!row) throw notFound('partnership request', String(id));
  return parties(c, row, party);
};

/** The parties of the agreement `:id`. */
export const agreementParties = (c: Context<AppEnv>) => {
  const { id } = valid<{ id: number }>(c, 'param');
  const row = c.var.db.select().from(agreements).where(eq(agreements.id, id)).get();
  if (!row) throw notFound('agreement', String(id));
  return parties(c, row, 'either');
};

function parties(c: Context<AppEnv>, row: { careOfficeNumber: string; serviceCode: string; institutionCode: string }, party: 'facility' | 'institution' | 'either'): Subject[] {
  const facility = () => facilitySubject(c, { careOfficeNumber: row.careOfficeNumber, serviceCode: row.serviceCode, id: facilityId(row.careOfficeNumber, row.serviceCode) });
  const institution = () => institutionSubject(c, row.institutionCode);
  if (party === 'facility') return [facility()];
  if (party === 'institution') return [institution()];
  return [facility(), institution()];
}
