import { serviceCodeFromOpenDataName, serviceNameKey } from './facility-types';

/**
 * What a サービスの種類 of the 介護サービス情報公表 open data is to this tool:
 *   - `in_scope`: a service of domain.md §2 (facility-types.ts SERVICE_CODES) — imported;
 *   - `out_of_scope`: a real 介護 service the partner rule does not cover (訪問介護, 短期入所療養介護 …)
 *     — its rows are counted as skipped, which is not a problem;
 *   - `unknown`: a value this table does not know — an error, so a renamed or new in-scope service
 *     can never vanish from the map in silence.
 *
 * Out-of-scope services are matched by their name before any parenthesis (a 短期入所療養介護 of any
 * kind, e.g. （介護医療院）), or by the 介護予防 prefix. An in-scope family (特定施設入居者生活介護 …)
 * whose variant is not in SERVICE_CODES stays unknown: it may be a facility the rule covers.
 * File codes beside the names are from the open-data index [未確認 for 155 and 740]; they are data only.
 */
export const OUT_OF_SCOPE_SERVICES: readonly { name: string; codes: readonly string[] }[] = [
  { name: '訪問介護', codes: ['110'] },
  { name: '訪問入浴介護', codes: ['120'] },
  { name: '訪問看護', codes: ['130'] },
  { name: '訪問リハビリテーション', codes: ['140'] },
  { name: '通所介護', codes: ['150'] },
  { name: '療養通所介護', codes: ['155'] },
  { name: '通所リハビリテーション', codes: ['160'] },
  { name: '福祉用具貸与', codes: ['170'] },
  { name: '短期入所生活介護', codes: ['210'] },
  { name: '短期入所療養介護', codes: ['220', '230', '551'] },
  { name: '特定福祉用具販売', codes: ['410'] },
  { name: '居宅介護支援', codes: ['430'] },
  { name: '居宅療養管理指導', codes: [] },
  { name: '介護療養型医療施設', codes: ['530'] },
  { name: '夜間対応型訪問介護', codes: ['710'] },
  { name: '認知症対応型通所介護', codes: ['720'] },
  { name: '小規模多機能型居宅介護', codes: ['730', '740'] },
  { name: '定期巡回・随時対応型訪問介護看護', codes: ['760'] },
  { name: '複合型サービス', codes: ['770'] },
  { name: '看護小規模多機能型居宅介護', codes: ['770'] },
  { name: '地域密着型通所介護', codes: ['780'] },
];

/** 介護予防サービス (介護予防訪問看護 …, 介護予防支援) serve people at home or alongside a main service. */
const PREVENTIVE_PREFIX = '介護予防';

const OUT_OF_SCOPE_KEYS = new Set(OUT_OF_SCOPE_SERVICES.map((s) => serviceNameKey(s.name)));

export type OpenDataService = { kind: 'in_scope'; serviceCode: string } | { kind: 'out_of_scope' } | { kind: 'unknown' };

export function classifyOpenDataService(name: string): OpenDataService {
  const serviceCode = serviceCodeFromOpenDataName(name);
  if (serviceCode !== undefined) return { kind: 'in_scope', serviceCode };
  const key = serviceNameKey(name);
  const base = key.split('(')[0] as string;
  if (OUT_OF_SCOPE_KEYS.has(base) || key.startsWith(PREVENTIVE_PREFIX)) return { kind: 'out_of_scope' };
  return { kind: 'unknown' };
}
