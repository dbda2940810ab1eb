/**
 * One valid call of every API route on the demo region: what the property tests (route-fuzz.ts)
 * mutate. `:name` in a path is filled from `params`. A body of 'xlsx' is the facility's 届出書 file.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown> | 'xlsx';
}

export const FACILITY = '9971600862-510';
export const HOSPITAL = '9910110130';
export const AUTHORITY = '991007';

/** Ids made by the fuzz setup: a pending request, an agreement and a change of it the facility proposed. */
export const made = { requestId: '1', agreementId: '1', proposalId: '1' };

export const ROUTE_SPECS: RouteSpec[] = [
  { method: 'POST', path: '/api/auth/login', body: { login: 'demo-pref', password: 'wrong-password' } },
  { method: 'POST', path: '/api/auth/logout' },
  { method: 'GET', path: '/api/auth/me' },
  { method: 'GET', path: '/api/audit', query: { entity: 'facility', limit: '20', before: '100', actor: 'demo-admin', from: '2026-01-01', to: '2026-12-31', area: '991007' } },
  { method: 'GET', path: '/api/accounts' },
  { method: 'POST', path: '/api/accounts', body: { login: 'fuzz-staff', role: 'facility', scope: ['9971600862'] } },
  // demo-facility: the fuzzing signs in as the administrator only, so changing this account ends no session it uses.
  { method: 'PATCH', path: '/api/accounts/:login', params: { login: 'demo-facility' }, body: { role: 'facility', scope: ['9971600862'], version: 1 } },
  { method: 'POST', path: '/api/accounts/:login/disable', params: { login: 'demo-facility' } },
  { method: 'POST', path: '/api/accounts/:login/enable', params: { login: 'demo-facility' } },
  { method: 'POST', path: '/api/accounts/:login/reset-password', params: { login: 'demo-facility' } },
  { method: 'GET', path: '/api/officer/desk', query: { fiscalYear: '2026', scope: '99,991007' } },
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/meta' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/docs' },
  { method: 'GET', path: '/api/facilities', query: { bbox: '135.0,33.0,136.0,34.0', municipality: '991031', serviceCode: '510,520', status: 'none,partial' } },
  { method: 'GET', path: '/api/facilities/:id', params: { id: FACILITY } },
  { method: 'GET', path: '/api/facilities/:id/candidates', params: { id: FACILITY }, query: { maxMinutes: '30', limit: '20', travelWeight: '2.5', a253Weight: '0' } },
  { method: 'GET', path: '/api/facilities/:id/candidates/:code', params: { id: FACILITY, code: HOSPITAL }, query: { maxMinutes: '30', loadWeight: '1.2' } },
  { method: 'GET', path: '/api/facilities/:id/combinations', params: { id: FACILITY }, query: { maxMinutes: '30', alternatives: '3' } },
  { method: 'GET', path: '/api/institutions', query: { bbox: '135.0,33.0,136.0,34.0', offers: 'admit' } },
  { method: 'GET', path: '/api/institutions/:code', params: { code: HOSPITAL } },
  { method: 'PUT', path: '/api/institutions/:code/declaration', params: { code: HOSPITAL }, body: { offers: ['consult', 'admit'], willingness: 'accepting', maxPartners: 10, version: 1 } },
  { method: 'GET', path: '/api/institutions/:code/nearby-facilities', params: { code: HOSPITAL }, query: { maxMinutes: '30', limit: '50' } },
  { method: 'GET', path: '/api/municipalities', query: { prefecture: '99', geometry: 'false' } },
  { method: 'GET', path: '/api/gaps', query: { municipality: '991007', maxMinutes: '30' } },
  { method: 'GET', path: '/api/gaps/facilities', query: { prefecture: '99', maxMinutes: '30', type: 'tokuyo', sort: 'deadline', offset: '0', limit: '20' } },
  { method: 'POST', path: '/api/plan', body: { municipality: '994219', maxMinutes: 30, defaultCapacity: 2 } },
  { method: 'GET', path: '/api/tiles/:set/:z/:x/:y', params: { set: 'points', z: '9', x: '448', y: '206' }, query: { v: 'x' } },
  { method: 'GET', path: '/api/search', query: { q: 'あじさい', kind: 'facility', limit: '5' } },
  { method: 'PUT', path: '/api/facilities/:id/seeking', params: { id: FACILITY }, body: { seeking: ['admit'], version: 1 } },
  { method: 'GET', path: '/api/facilities/:id/requests', params: { id: FACILITY } },
  { method: 'GET', path: '/api/facilities/:id/meetings', params: { id: FACILITY } },
  { method: 'POST', path: '/api/facilities/:id/meetings', params: { id: FACILITY }, body: { institutionCode: HOSPITAL, heldOn: '2026-07-15', electronicSharing: false } },
  { method: 'GET', path: '/api/facilities/:id/kasan', params: { id: FACILITY }, query: { fiscalYear: '2026' } },
  { method: 'GET', path: '/api/institutions/:code/requests', params: { code: HOSPITAL } },
  { method: 'POST', path: '/api/requests', body: { facilityId: FACILITY, institutionCode: HOSPITAL, requirements: ['consult'], message: 'ご相談' } },
  { method: 'GET', path: '/api/requests/:id', params: { id: 'request' } },
  { method: 'POST', path: '/api/requests/:id/accept', params: { id: 'request' }, body: { version: 1, covers: ['consult'], agreedOn: '2026-10-01', confirmedOn: '2026-10-01', infectionAgreement: true, specialRelationship: false } },
  { method: 'POST', path: '/api/requests/:id/decline', params: { id: 'request' }, body: { version: 1, reason: '病床逼迫' } },
  { method: 'POST', path: '/api/requests/:id/withdraw', params: { id: 'request' }, body: { version: 1 } },
  { method: 'PATCH', path: '/api/agreements/:id', params: { id: 'agreement' }, body: { version: 1, covers: ['admit'], agreedOn: '2026-06-01', confirmedOn: '2026-11-01', infectionAgreement: true, specialRelationship: false, status: 'active', endedOn: null } },
  { method: 'GET', path: '/api/agreements/:id/history', params: { id: 'agreement' } },
  { method: 'PATCH', path: '/api/agreements/:id', params: { id: 'agreement' }, body: { version: 1, status: 'ended', endedOn: '2026-11-01', endReason: '閉院のため' } },
  { method: 'GET', path: '/api/agreements/:id/proposals', params: { id: 'agreement' } },
  { method: 'POST', path: '/api/agreements/:id/proposals/:proposalId/accept', params: { id: 'agreement', proposalId: 'proposal' }, body: { version: 1 } },
  { method: 'POST', path: '/api/agreements/:id/proposals/:proposalId/decline', params: { id: 'agreement', proposalId: 'proposal' }, body: { version: 1, reason: '再検討します' } },
  { method: 'POST', path: '/api/agreements/:id/proposals/:proposalId/withdraw', params: { id: 'agreement', proposalId: 'proposal' }, body: { version: 1 } },
  { method: 'GET', path: '/api/facilities/:id/desk', params: { id: FACILITY } },
  { method: 'GET', path: '/api/institutions/:code/desk', params: { code: HOSPITAL } },
  { method: 'GET', path: '/api/facilities/:id/filing.xlsx', params: { id: FACILITY }, query: { fiscalYear: '2026', submittedOn: '2026-11-20' } },
  { method: 'GET', path: '/api/facilities/:id/filing.html', params: { id: FACILITY }, query: { fiscalYear: '2026' } },
  { method: 'POST', path: '/api/filings', query: { fileName: 'filing.xlsx' }, body: 'xlsx' },
  { method: 'POST', path: '/api/filings', query: { fileName: 'filing.xlsx', check: '1' }, body: 'xlsx' },
  { method: 'GET', path: '/api/filings/tracker', query: { authority: AUTHORITY, fiscalYear: '2026', municipality: '991031', type: 'tokuyo', status: 'not_filed', offset: '0', limit: '50' } },
  { method: 'PUT', path: '/api/filings/deadlines/:authority/:fiscalYear', params: { authority: AUTHORITY, fiscalYear: '2026' }, body: { dueOn: '2027-01-31' } },
];
