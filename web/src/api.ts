import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/app';

/** The only network code of the web app: a typed client of the API (Hono RPC). */
const client = hc<AppType>('/');
const api = client.api;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function unwrap<T>(res: { ok: boolean; status: number; json(): Promise<unknown> }): Promise<T> {
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiRequestError(res.status, body.error?.message ?? `HTTP ${res.status}`);
  return body;
}

export type FacilityCollection = InferResponseType<typeof api.facilities.$get, 200>;
export type FacilityFeature = FacilityCollection['features'][number];
export type FacilityDetail = InferResponseType<(typeof api.facilities)[':id']['$get'], 200>;
export type CandidatesResponse = InferResponseType<(typeof api.facilities)[':id']['candidates']['$get'], 200>;
export type Candidate = CandidatesResponse['candidates'][number];
export type InstitutionCollection = InferResponseType<typeof api.institutions.$get, 200>;
export type InstitutionDetail = InferResponseType<(typeof api.institutions)[':code']['$get'], 200>;
export type MunicipalityCollection = InferResponseType<typeof api.municipalities.$get, 200>;
export type Meta = InferResponseType<typeof api.meta.$get, 200>;

export const fetchMeta = async () => unwrap<Meta>(await api.meta.$get());
export const fetchFacilities = async () => unwrap<FacilityCollection>(await api.facilities.$get({ query: {} }));
export const fetchInstitutions = async () => unwrap<InstitutionCollection>(await api.institutions.$get({ query: {} }));
export const fetchMunicipalities = async () => unwrap<MunicipalityCollection>(await api.municipalities.$get({ query: {} }));
export const fetchFacility = async (id: string) => unwrap<FacilityDetail>(await api.facilities[':id'].$get({ param: { id } }));
export const fetchCandidates = async (id: string, maxMinutes: number) =>
  unwrap<CandidatesResponse>(await api.facilities[':id'].candidates.$get({ param: { id }, query: { maxMinutes: String(maxMinutes) } }));
export const fetchInstitution = async (code: string) => unwrap<InstitutionDetail>(await api.institutions[':code'].$get({ param: { code } }));
