/**
 * What each route of the API does, in one line, keyed by `METHOD /api/path` as Hono mounts it. The
 * OpenAPI document (openapi-document.ts) takes its summaries from here and refuses a mounted route
 * missing from this table, so a new route cannot go undocumented (test/server/openapi.test.ts).
 * `produces` is the response's media type when it is not JSON.
 */
export interface RouteDoc {
  readonly summary: string;
  readonly produces?: string;
}

export const ROUTE_DOCS: Readonly<Record<string, RouteDoc>> = {
  'POST /api/auth/login': { summary: 'Sign in with login and password; sets the session cookie and returns the CSRF token' },
  'POST /api/auth/logout': { summary: 'Sign out: ends the session and clears its cookie' },
  'GET /api/auth/me': { summary: 'The signed-in account (or null) and its CSRF token' },
  'GET /api/audit': { summary: 'The change log with names, filterable by entity, actor, dates and area' },
  'GET /api/accounts': { summary: 'The accounts the caller may administer' },
  'POST /api/accounts': { summary: 'Create an account; its password is returned once' },
  'PATCH /api/accounts/{login}': { summary: "Change an account's role and scope" },
  'POST /api/accounts/{login}/disable': { summary: 'Disable an account and end its sessions' },
  'POST /api/accounts/{login}/enable': { summary: 'Enable a disabled account' },
  'POST /api/accounts/{login}/reset-password': { summary: 'Reset the password of an account; the new one is returned once' },
  'GET /api/officer/desk': { summary: "The officer's desk: municipalities of the scope with counts, filings and deadlines" },
  'GET /api/health': { summary: 'Liveness and the database state' },
  'GET /api/meta': { summary: 'Data sources with as-of dates, the rule tables, the data version and the map box' },
  'GET /api/facilities': { summary: 'Facilities in a box or municipality, filtered by service and coverage status' },
  'GET /api/facilities/{id}': { summary: 'One facility: type, requirement, partners and coverage' },
  'GET /api/facilities/{id}/candidates': { summary: 'The best candidate institutions for a facility, each with every part of its score' },
  'GET /api/facilities/{id}/candidates/{code}': { summary: 'The full explanation of one candidate for a facility' },
  'GET /api/facilities/{id}/combinations': { summary: 'The best combinations (at most 3 institutions) covering what a facility lacks' },
  'PUT /api/facilities/{id}/seeking': { summary: 'Set what a facility is seeking partners for' },
  'GET /api/facilities/{id}/requests': { summary: "A facility's partnership requests and proposals" },
  'GET /api/facilities/{id}/meetings': { summary: 'The 連携会議 a facility has logged' },
  'POST /api/facilities/{id}/meetings': { summary: 'Log a 連携会議 with a partner institution' },
  'GET /api/facilities/{id}/kasan': { summary: 'The 協力医療機関連携加算 tier a facility earns in a fiscal year' },
  'GET /api/facilities/{id}/desk': { summary: "A facility's landing page: status, partners, deadlines, requests" },
  'GET /api/facilities/{id}/filing.xlsx': { summary: "A facility's 届出書 for a fiscal year as a workbook", produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  'GET /api/facilities/{id}/filing.html': { summary: "A facility's 届出書 for a fiscal year as a printable page", produces: 'text/html' },
  'GET /api/institutions': { summary: 'Institutions in a box or municipality, filtered by what they offer' },
  'GET /api/institutions/{code}': { summary: 'One institution: kind, notifications, offers, partners and load' },
  'PUT /api/institutions/{code}/declaration': { summary: "Edit an institution's declared offers, willingness and maximum partners" },
  'GET /api/institutions/{code}/nearby-facilities': { summary: 'Nearby facilities lacking what an institution could give' },
  'GET /api/institutions/{code}/requests': { summary: "An institution's incoming requests and proposals" },
  'GET /api/institutions/{code}/desk': { summary: "An institution's landing page: requests, partners, declaration" },
  'GET /api/municipalities': { summary: 'Municipalities with coverage counts, with or without boundaries' },
  'GET /api/gaps': { summary: 'Coverage shares and structural gaps by municipality' },
  'GET /api/gaps/facilities': { summary: 'The facilities lacking coverage, sorted and paged' },
  'POST /api/plan': { summary: 'A regional plan: a proposed institution for each facility lacking coverage' },
  'GET /api/tiles/{set}/{z}/{x}/{y}': { summary: 'A vector tile of boundaries or points', produces: 'application/x-protobuf' },
  'GET /api/search': { summary: 'Search facilities and institutions by name, kana, code or address' },
  'POST /api/requests': { summary: 'Ask an institution to become a partner of a facility' },
  'GET /api/requests/{id}': { summary: 'One partnership request' },
  'POST /api/requests/{id}/accept': { summary: 'Accept a request (possibly for less than asked); makes the agreement' },
  'POST /api/requests/{id}/decline': { summary: 'Decline a request with a reason' },
  'POST /api/requests/{id}/withdraw': { summary: 'Withdraw a request the facility sent' },
  'PATCH /api/agreements/{id}': { summary: 'Record the yearly 確認日 of an agreement, end it, or propose a change' },
  'GET /api/agreements/{id}/history': { summary: 'The history of an agreement' },
  'GET /api/agreements/{id}/proposals': { summary: 'The proposed changes of an agreement' },
  'POST /api/agreements/{id}/proposals/{proposalId}/accept': { summary: 'Accept a proposed change of an agreement' },
  'POST /api/agreements/{id}/proposals/{proposalId}/decline': { summary: 'Decline a proposed change of an agreement' },
  'POST /api/agreements/{id}/proposals/{proposalId}/withdraw': { summary: 'Withdraw a proposed change of an agreement' },
  'POST /api/filings': { summary: 'Receive a 届出書 workbook (the request body is the .xlsx file)' },
  'GET /api/filings/tracker': { summary: 'The filing tracker: filed, not yet and overdue by facility' },
  'PUT /api/filings/deadlines/{authority}/{fiscalYear}': { summary: "Set an authority's filing deadline for a fiscal year" },
  'GET /api/openapi.json': { summary: 'This OpenAPI 3.1 description of the API' },
  'GET /api/docs': { summary: 'The API reference as a self-contained HTML page', produces: 'text/html' },
};
