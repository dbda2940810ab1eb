import { daysFrom } from './dates';
import type { Requirement } from './requirements';

/**
 * Who must meet what — domain.md §2, one row per facility type. Check it against that table.
 *
 * 義務 types: partners covering ①②③ are best-effort until 2027-03-31 and binding from 2027-04-01.
 * 努力義務 types: must try to secure ①②.
 * Every type files its partners yearly with its designating authority (指定権者): the municipality
 * for 地域密着 types, otherwise the prefecture (or a 指定都市/中核市 itself).
 */
export const TRANSITION_ENDS = '2027-03-31';
export const BINDING_FROM = '2027-04-01';

export type FacilityTypeKey =
  | 'tokuyo'
  | 'chiiki_tokuyo'
  | 'roken'
  | 'iryoin'
  | 'yogo'
  | 'tokutei'
  | 'chiiki_tokutei'
  | 'group_home'
  | 'keihi';

export type ObligationLevel = 'mandatory' | 'best_effort';
export type DesignatingLevel = 'prefecture' | 'municipality';

export interface FacilityType {
  key: FacilityTypeKey;
  nameJa: string;
  shortJa: string;
  nameEn: string;
  required: readonly Requirement[];
  level: ObligationLevel;
  /** Binding date for 義務 types; null for 努力義務. */
  bindingFrom: string | null;
  designatedBy: DesignatingLevel;
  /** Residents admitted to a partner hospital can earn it A253 (domain.md §4). */
  a253: boolean;
  /** Present in the 介護サービス情報公表 open data. */
  inOpenData: boolean;
}

const ALL3: readonly Requirement[] = ['consult', 'examine', 'admit'];
const FIRST2: readonly Requirement[] = ['consult', 'examine'];

export const FACILITY_TYPES: Record<FacilityTypeKey, FacilityType> = {
  tokuyo: { key: 'tokuyo', nameJa: '介護老人福祉施設', shortJa: '特養', nameEn: 'Special nursing home', required: ALL3, level: 'mandatory', bindingFrom: BINDING_FROM, designatedBy: 'prefecture', a253: true, inOpenData: true },
  chiiki_tokuyo: { key: 'chiiki_tokuyo', nameJa: '地域密着型介護老人福祉施設入所者生活介護', shortJa: '地域密着特養', nameEn: 'Community special nursing home', required: ALL3, level: 'mandatory', bindingFrom: BINDING_FROM, designatedBy: 'municipality', a253: true, inOpenData: true },
  roken: { key: 'roken', nameJa: '介護老人保健施設', shortJa: '老健', nameEn: 'Geriatric health services facility', required: ALL3, level: 'mandatory', bindingFrom: BINDING_FROM, designatedBy: 'prefecture', a253: true, inOpenData: true },
  iryoin: { key: 'iryoin', nameJa: '介護医療院', shortJa: '介護医療院', nameEn: 'Integrated care hospital', required: ALL3, level: 'mandatory', bindingFrom: BINDING_FROM, designatedBy: 'prefecture', a253: true, inOpenData: true },
  yogo: { key: 'yogo', nameJa: '養護老人ホーム', shortJa: '養護', nameEn: 'Nursing home for the elderly (yōgo)', required: ALL3, level: 'mandatory', bindingFrom: BINDING_FROM, designatedBy: 'prefecture', a253: false, inOpenData: false },
  tokutei: { key: 'tokutei', nameJa: '特定施設入居者生活介護', shortJa: '特定施設', nameEn: 'Specified facility', required: FIRST2, level: 'best_effort', bindingFrom: null, designatedBy: 'prefecture', a253: false, inOpenData: true },
  chiiki_tokutei: { key: 'chiiki_tokutei', nameJa: '地域密着型特定施設入居者生活介護', shortJa: '地域密着特定', nameEn: 'Community specified facility', required: FIRST2, level: 'best_effort', bindingFrom: null, designatedBy: 'municipality', a253: false, inOpenData: true },
  group_home: { key: 'group_home', nameJa: '認知症対応型共同生活介護', shortJa: 'グループホーム', nameEn: 'Dementia group home', required: FIRST2, level: 'best_effort', bindingFrom: null, designatedBy: 'municipality', a253: false, inOpenData: true },
  keihi: { key: 'keihi', nameJa: '軽費老人ホーム', shortJa: '軽費', nameEn: 'Low-cost home for the elderly', required: FIRST2, level: 'best_effort', bindingFrom: null, designatedBy: 'prefecture', a253: false, inOpenData: false },
};

export interface ServiceCodeInfo {
  code: string;
  type: FacilityTypeKey;
  /** The サービスの種類 text in the open-data CSV, exactly as published (compared after serviceNameKey). */
  openDataName: string | null;
}

/**
 * Service codes. 3-digit codes are the 介護 open-data file codes (`jigyosho_<code>.csv`); the in-scope
 * ones are exactly 510, 520, 540, 550, 320, 331, 332, 334–337, 361, 362, 364 — MHLW publishes no 333 or
 * 363 file. 養護 and 軽費 homes that are not 特定施設 are absent from the open data, so they get
 * project-local codes `YOGO` and `KEIHI` (entered through the facility template).
 * The 337 name closes with a full-width then a half-width parenthesis in the published file; the
 * comparison (serviceNameKey) makes every parenthesis alike, so it is written here as published.
 */
export const SERVICE_CODES: readonly ServiceCodeInfo[] = [
  { code: '510', type: 'tokuyo', openDataName: '介護老人福祉施設' },
  { code: '540', type: 'chiiki_tokuyo', openDataName: '地域密着型介護老人福祉施設入所者生活介護' },
  { code: '520', type: 'roken', openDataName: '介護老人保健施設' },
  { code: '550', type: 'iryoin', openDataName: '介護医療院' },
  { code: '331', type: 'tokutei', openDataName: '特定施設入居者生活介護（有料老人ホーム）' },
  { code: '332', type: 'tokutei', openDataName: '特定施設入居者生活介護（軽費老人ホーム）' },
  { code: '334', type: 'tokutei', openDataName: '特定施設入居者生活介護（有料老人ホーム（サービス付き高齢者向け住宅））' },
  { code: '335', type: 'tokutei', openDataName: '特定施設入居者生活介護（有料老人ホーム（外部サービス利用型））' },
  { code: '336', type: 'tokutei', openDataName: '特定施設入居者生活介護（軽費老人ホーム（外部サービス利用型））' },
  { code: '337', type: 'tokutei', openDataName: '特定施設入居者生活介護（有料老人ホーム（サービス付き高齢者向け住宅（外部サービス利用型））)' },
  { code: '361', type: 'chiiki_tokutei', openDataName: '地域密着型特定施設入居者生活介護（有料老人ホーム）' },
  { code: '362', type: 'chiiki_tokutei', openDataName: '地域密着型特定施設入居者生活介護（軽費老人ホーム）' },
  { code: '364', type: 'chiiki_tokutei', openDataName: '地域密着型特定施設入居者生活介護（有料老人ホーム（サービス付き高齢者向け住宅））' },
  { code: '320', type: 'group_home', openDataName: '認知症対応型共同生活介護' },
  { code: 'YOGO', type: 'yogo', openDataName: null },
  { code: 'KEIHI', type: 'keihi', openDataName: null },
];

/**
 * The form サービスの種類 values are compared in: NFKC (full-width letters, digits and brackets
 * become ASCII), every parenthesis written `(`/`)`, no spaces.
 */
export function serviceNameKey(name: string): string {
  return name.normalize('NFKC').replace(/[（｟⦅]/g, '(').replace(/[）｠⦆]/g, ')').replace(/\s+/g, '');
}

const BY_CODE = new Map(SERVICE_CODES.map((s) => [s.code, s]));
const BY_OPEN_DATA_NAME = new Map(
  SERVICE_CODES.filter((s) => s.openDataName !== null).map((s) => [serviceNameKey(s.openDataName as string), s]),
);

export function serviceCodeInfo(code: string): ServiceCodeInfo | undefined {
  return BY_CODE.get(code);
}

export function isKnownServiceCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The facility type of a service code; throws for a code outside domain.md §2. */
export function facilityTypeOf(serviceCode: string): FacilityType {
  const info = BY_CODE.get(serviceCode);
  if (!info) throw new RangeError(`Unknown service code "${serviceCode}": expected one of ${SERVICE_CODES.map((s) => s.code).join(', ')}`);
  return FACILITY_TYPES[info.type];
}

/** Service code from the open data's サービスの種類 text (any parenthesis width, as published). */
export function serviceCodeFromOpenDataName(name: string): string | undefined {
  return BY_OPEN_DATA_NAME.get(serviceNameKey(name))?.code;
}

/** Whole days from `today` to the binding date (negative once passed); null for 努力義務 types. */
export function daysUntilBinding(type: Pick<FacilityType, 'bindingFrom'>, today: string): number | null {
  return type.bindingFrom === null ? null : daysFrom(today, type.bindingFrom);
}

/** The countdown a facility is shown: days left until its 義務 binds, 0 once it binds; null for 努力義務 types. */
export function daysToBinding(type: Pick<FacilityType, 'bindingFrom'>, today: string): number | null {
  const days = daysUntilBinding(type, today);
  return days === null ? null : Math.max(0, days);
}
