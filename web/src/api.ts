import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/app';
import type { FacilityTypeKey } from '../../server/domain/facility-types';
import type { LackingSort } from '../../server/domain/priority';
import { DEFAULT_WEIGHTS, TUNABLE_WEIGHTS, type Weights } from './state/app-state';

/**
 * The session's CSRF token (from sign-in or GET /api/auth/me): every request of a session carries
 * it, since the server refuses an unsafe method (POST/PUT/PATCH/DELETE) in a session without it.
 * The session itself is an HttpOnly cookie the browser sends; this module never sees it.
 */
let csrfToken: string | null = null;

/** The only network code of the web app: a typed client of the API (Hono RPC). */
const client = hc<AppType>('/', { headers: (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) });
const api = client.api;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The parameter or field the server named, if any. */
    readonly path: string | null = null,
    /** The server's error code (`bad_credentials`, `too_many_attempts`, `csrf`, …), if any. */
    readonly code: string | null = null,
    /** Seconds to wait before trying again (Retry-After of a 429), if given. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

interface RawResponse {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
}

async function unwrap<T>(res: RawResponse): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: { code?: string; message: string; issues?: { path: string }[] } };
  if (!res.ok) {
    const wait = Number(res.headers.get('retry-after'));
    throw new ApiRequestError(res.status, body.error?.message ?? `HTTP ${res.status}`, body.error?.issues?.[0]?.path ?? null, body.error?.code ?? null, wait > 0 ? wait : null);
  }
  return body;
}

export type SessionUser = NonNullable<InferResponseType<typeof api.auth.login.$post, 200>['user']>;

/** Who is signed in (null: nobody), keeping the session's CSRF token for later requests. */
export async function fetchMe(): Promise<SessionUser | null> {
  const body = await unwrap<{ user: SessionUser | null; csrfToken?: string | null }>(await api.auth.me.$get());
  csrfToken = body.user ? (body.csrfToken ?? null) : null;
  return body.user;
}
export async function login(name: string, password: string): Promise<SessionUser> {
  const body = await unwrap<InferResponseType<typeof api.auth.login.$post, 200>>(await api.auth.login.$post({ json: { login: name, password } }));
  csrfToken = body.csrfToken;
  return body.user;
}
export async function logout(): Promise<void> {
  try {
    await unwrap<unknown>(await api.auth.logout.$post());
  } finally {
    csrfToken = null;
  }
}

export type FacilityDetail = InferResponseType<(typeof api.facilities)[':id']['$get'], 200>;
export type CandidatesResponse = InferResponseType<(typeof api.facilities)[':id']['candidates']['$get'], 200>;
export type Candidate = CandidatesResponse['candidates'][number];
export type CandidateExplanation = InferResponseType<(typeof api.facilities)[':id']['candidates'][':code']['$get'], 200>;
export type CombinationsResponse = InferResponseType<(typeof api.facilities)[':id']['combinations']['$get'], 200>;
export type InstitutionDetail = InferResponseType<(typeof api.institutions)[':code']['$get'], 200>;
export type NearbyResponse = InferResponseType<(typeof api.institutions)[':code']['nearby-facilities']['$get'], 200>;
export type MunicipalityCollection = InferResponseType<typeof api.municipalities.$get, 200>;
export type Area = MunicipalityCollection['features'][number]['properties'];
export type Meta = InferResponseType<typeof api.meta.$get, 200>;
export type SearchHit = InferResponseType<typeof api.search.$get, 200>['hits'][number];
export type GapsResponse = InferResponseType<typeof api.gaps.$get, 200>;
export type LackingResponse = InferResponseType<typeof api.gaps.facilities.$get, 200>;
export type LackingFacility = LackingResponse['facilities'][number];
export type PlanResponse = InferResponseType<typeof api.plan.$post, 200>;
export type Declaration = InferRequestType<(typeof api.institutions)[':code']['declaration']['$put']>['json'];

/** An area scope as the API takes it: a municipality, a prefecture, or (null) everything. */
export const scopeQuery = (area: string | null): { municipality?: string; prefecture?: string } =>
  area === null ? {} : area.startsWith('pref:') ? { prefecture: area.slice(5) } : { municipality: area };

export const fetchMeta = async () => unwrap<Meta>(await api.meta.$get());
export const fetchAreas = async () => unwrap<MunicipalityCollection>(await api.municipalities.$get({ query: { geometry: 'false' } }));
export const fetchFacility = async (id: string) => unwrap<FacilityDetail>(await api.facilities[':id'].$get({ param: { id } }));
/** The weights as the API takes them (`travelWeight=…`): only those moved from their default. */
const weightQuery = (w: Weights): Record<string, string> =>
  Object.fromEntries(TUNABLE_WEIGHTS.filter((k) => w[k] !== DEFAULT_WEIGHTS[k]).map((k) => [`${k}Weight`, String(w[k])]));
export const fetchCandidates = async (id: string, maxMinutes: number, weights: Weights, limit = 20) =>
  unwrap<CandidatesResponse>(await api.facilities[':id'].candidates.$get({ param: { id }, query: { maxMinutes: String(maxMinutes), limit: String(limit), ...weightQuery(weights) } }));
export const fetchCandidateExplanation = async (id: string, code: string, maxMinutes: number, weights: Weights) =>
  unwrap<CandidateExplanation>(await api.facilities[':id'].candidates[':code'].$get({ param: { id, code }, query: { maxMinutes: String(maxMinutes), ...weightQuery(weights) } }));
export const fetchCombinations = async (id: string, maxMinutes: number) =>
  unwrap<CombinationsResponse>(await api.facilities[':id'].combinations.$get({ param: { id }, query: { maxMinutes: String(maxMinutes), alternatives: '5' } }));
export const fetchInstitution = async (code: string) => unwrap<InstitutionDetail>(await api.institutions[':code'].$get({ param: { code } }));
export const fetchNearby = async (code: string, maxMinutes: number) =>
  unwrap<NearbyResponse>(await api.institutions[':code']['nearby-facilities'].$get({ param: { code }, query: { maxMinutes: String(maxMinutes), limit: '100' } }));
export const saveDeclaration = async (code: string, json: Declaration) => unwrap<InstitutionDetail>(await api.institutions[':code'].declaration.$put({ param: { code }, json }));
export const search = async (q: string, kind: 'facility' | 'institution') => unwrap<{ hits: SearchHit[] }>(await api.search.$get({ query: { q, kind, limit: '10' } }));
export const fetchGaps = async (area: string | null, maxMinutes: number) => unwrap<GapsResponse>(await api.gaps.$get({ query: { ...scopeQuery(area), maxMinutes: String(maxMinutes) } }));
export interface LackingPage {
  area: string | null;
  maxMinutes: number;
  type: FacilityTypeKey | 'all';
  sort: LackingSort;
  /** lacking: 一部 and 未; unknown: 未把握 (partners not yet recorded). */
  list: 'lacking' | 'unknown';
  limit: number;
}
export const fetchLacking = async (p: LackingPage) =>
  unwrap<LackingResponse>(await api.gaps.facilities.$get({ query: { ...scopeQuery(p.area), maxMinutes: String(p.maxMinutes), type: p.type, sort: p.sort, list: p.list, limit: String(p.limit) } }));
export const fetchPlan = async (area: string, maxMinutes: number) => unwrap<PlanResponse>(await api.plan.$post({ json: { ...scopeQuery(area), maxMinutes } }));

export type PartnershipRequest = InferResponseType<typeof api.requests.$post, 201>;
export type KasanResponse = InferResponseType<(typeof api.facilities)[':id']['kasan']['$get'], 200>;
export const sendRequest = async (json: InferRequestType<typeof api.requests.$post>['json']) => unwrap<PartnershipRequest>(await api.requests.$post({ json }));
export const fetchFacilityRequests = async (id: string) => unwrap<PartnershipRequest[]>(await api.facilities[':id'].requests.$get({ param: { id } }));
export const fetchInstitutionRequests = async (code: string) => unwrap<PartnershipRequest[]>(await api.institutions[':code'].requests.$get({ param: { code } }));
export const acceptRequest = async (id: number, version: number) => unwrap<{ agreementId: number }>(await api.requests[':id'].accept.$post({ param: { id: String(id) }, json: { version } }));
export const declineRequest = async (id: number, version: number, reason: string) => unwrap<PartnershipRequest>(await api.requests[':id'].decline.$post({ param: { id: String(id) }, json: { version, reason } }));
export const saveSeeking = async (id: string, seeking: ('consult' | 'examine' | 'admit')[] | null, version: number) =>
  unwrap<{ version: number }>(await api.facilities[':id'].seeking.$put({ param: { id }, json: { seeking, version } }));
export const fetchKasan = async (id: string) => unwrap<KasanResponse>(await api.facilities[':id'].kasan.$get({ param: { id }, query: {} }));
export type TrackerResponse = InferResponseType<typeof api.filings.tracker.$get, 200>;
export const fetchTracker = async (authority: string) => unwrap<TrackerResponse>(await api.filings.tracker.$get({ query: { authority } }));
export type AuditResponse = InferResponseType<typeof api.audit.$get, 200>;
export type AuditEntry = AuditResponse['entries'][number];
export const fetchAudit = async (limit = 50) => unwrap<AuditResponse>(await api.audit.$get({ query: { limit: String(limit) } }));

// The landing pages ("desks") of a facility and an institution, and the cycle's forms.
export type FacilityDesk = InferResponseType<(typeof api.facilities)[':id']['desk']['$get'], 200>;
export type InstitutionDesk = InferResponseType<(typeof api.institutions)[':code']['desk']['$get'], 200>;
export type DeskPartner = FacilityDesk['partners'][number] | InstitutionDesk['partners'][number];
export type Proposal = FacilityDesk['proposals'][number];
export type AgreementPatch = InferRequestType<(typeof api.agreements)[':id']['$patch']>['json'];
export type AcceptTerms = InferRequestType<(typeof api.requests)[':id']['accept']['$post']>['json'];
export type MeetingInput = InferRequestType<(typeof api.facilities)[':id']['meetings']['$post']>['json'];
export const fetchFacilityDesk = async (id: string) => unwrap<FacilityDesk>(await api.facilities[':id'].desk.$get({ param: { id } }));
export const fetchInstitutionDesk = async (code: string) => unwrap<InstitutionDesk>(await api.institutions[':code'].desk.$get({ param: { code } }));
/** An edit: applied at once (確認日, ending), or — for what both parties must agree — a proposal to the other. */
export const patchAgreement = async (id: number, json: AgreementPatch) => unwrap<{ proposal: Proposal | null }>(await api.agreements[':id'].$patch({ param: { id: String(id) }, json }));
const proposalRoute = (agreementId: number, proposalId: number) => ({ param: { id: String(agreementId), proposalId: String(proposalId) } });
export const acceptProposal = async (p: Proposal) => unwrap<unknown>(await api.agreements[':id'].proposals[':proposalId'].accept.$post({ ...proposalRoute(p.agreementId, p.id), json: { version: p.version } }));
export const declineProposal = async (p: Proposal, reason: string) =>
  unwrap<unknown>(await api.agreements[':id'].proposals[':proposalId'].decline.$post({ ...proposalRoute(p.agreementId, p.id), json: { version: p.version, ...(reason.trim() ? { reason: reason.trim() } : {}) } }));
export const withdrawProposal = async (p: Proposal) => unwrap<unknown>(await api.agreements[':id'].proposals[':proposalId'].withdraw.$post({ ...proposalRoute(p.agreementId, p.id), json: { version: p.version } }));
export const acceptRequestOn = async (id: number, json: AcceptTerms) => unwrap<{ agreementId: number }>(await api.requests[':id'].accept.$post({ param: { id: String(id) }, json }));
export const withdrawRequest = async (id: number, version: number) => unwrap<PartnershipRequest>(await api.requests[':id'].withdraw.$post({ param: { id: String(id) }, json: { version } }));
export const logMeeting = async (id: string, json: MeetingInput) => unwrap<unknown>(await api.facilities[':id'].meetings.$post({ param: { id }, json }));

// The officer's landing page, the full tracker, receiving filings, the audit log and accounts.
export type OfficerDesk = InferResponseType<typeof api.officer.desk.$get, 200>;
export type OfficerMunicipality = OfficerDesk['municipalities'][number];
export type TrackerQuery = { authority: string; fiscalYear?: number; municipality?: string; type?: string; status?: string; offset?: number; limit?: number };
export type TrackerRow = TrackerResponse['facilities'][number];
export const fetchOfficerDesk = async (fiscalYear?: number) => unwrap<OfficerDesk>(await api.officer.desk.$get({ query: fiscalYear ? { fiscalYear: String(fiscalYear) } : {} }));
export const fetchTrackerPage = async (q: TrackerQuery) =>
  unwrap<TrackerResponse>(
    await api.filings.tracker.$get({
      query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])) as { authority: string },
    }),
  );
export const setDeadline = async (authority: string, fiscalYear: number, dueOn: string) =>
  unwrap<unknown>(await api.filings.deadlines[':authority'][':fiscalYear'].$put({ param: { authority, fiscalYear: String(fiscalYear) }, json: { dueOn } }));
export interface FilingCheck {
  ok: boolean;
  /** Errors stop the filing (`ok` false); warnings (an unregistered partner, an old 事業所番号) do not. */
  problems: { level: 'error' | 'warning'; sheet: string | null; cell: string | null; row: number | null; column: string | null; message: string }[];
  preview: { facilityId: string; name: string | null; fiscalYear: number; authority: { code: string; name: string } | null; partners: { institutionCode: string | null; name: string | null; registered: boolean; covers: string[] }[]; replaces: { id: number; version: number } | null } | null;
}
/** A 届出書 workbook sent as it is (the intake reads the bytes): checked only (`check`), or received. */
async function postFiling(file: File, query: Record<string, string>): Promise<RawResponse> {
  const qs = new URLSearchParams({ fileName: file.name, ...query });
  return fetch(`/api/filings?${qs}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) } });
}
export const checkFiling = async (file: File) => unwrap<FilingCheck>(await postFiling(file, { check: '1' }));
export const receiveFiling = async (file: File, replaces: { id: number; version: number } | null) =>
  unwrap<{ id: number; facilityId: string }>(await postFiling(file, replaces ? { replaces: String(replaces.id), version: String(replaces.version) } : {}));
export type AuditQuery = { entity?: string; actor?: string; from?: string; to?: string; before?: number; limit?: number };
export const fetchAuditPage = async (q: AuditQuery) =>
  unwrap<AuditResponse>(await api.audit.$get({ query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])) }));

export type AccountsResponse = InferResponseType<typeof api.accounts.$get, 200>;
export type Account = AccountsResponse['accounts'][number];
export type AccountInput = InferRequestType<typeof api.accounts.$post>['json'];
export const fetchAccounts = async () => unwrap<AccountsResponse>(await api.accounts.$get());
export const createAccount = async (json: AccountInput) => unwrap<{ account: Account; password: string }>(await api.accounts.$post({ json }));
const accountRoute = (login: string) => ({ param: { login } });
export const disableAccount = async (login: string) => unwrap<unknown>(await api.accounts[':login'].disable.$post(accountRoute(login)));
export const enableAccount = async (login: string) => unwrap<unknown>(await api.accounts[':login'].enable.$post(accountRoute(login)));
export const resetPassword = async (login: string) => unwrap<{ password: string }>(await api.accounts[':login']['reset-password'].$post(accountRoute(login)));
export const updateAccount = async (login: string, json: InferRequestType<(typeof api.accounts)[':login']['$patch']>['json']) => unwrap<unknown>(await api.accounts[':login'].$patch({ ...accountRoute(login), json }));
