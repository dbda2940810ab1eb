import { withCareOfficeCheckDigit } from '../../server/domain/identifiers';
import { placeIn, type MunicipalitySpec, type Poly } from './geography';
import { address } from './institutions';
import { facilityName, operatorName, phone } from './names';
import { allocate, type Rng } from './random';

/** A fictional care facility as the 介護 open data (or the facility template) will list it. */
export interface DemoFacility {
  careOfficeNumber: string;
  serviceCode: string;
  name: string;
  kana: string;
  municipality: MunicipalitySpec;
  address: string;
  /** null: written as 0.000000 (not entered), as the open data does. */
  position: [number, number] | null;
  /** null: 定員 left blank. */
  capacity: number | null;
  operatorName: string;
  operatorNumber: string;
  phone: string;
}

/** How many of each service the demo holds (~150 in all, every type of domain.md §2). */
export const FACILITY_MIX: Record<string, number> = {
  '510': 30, '540': 9, '520': 16, '550': 7, YOGO: 5, '331': 16, '332': 4, '334': 7, '335': 2, '336': 1, '337': 1,
  '361': 4, '362': 2, '364': 3, '320': 34, KEIHI: 5,
};

const CAPACITY: Record<string, [number, number]> = {
  '510': [50, 120], '540': [20, 29], '520': [60, 150], '550': [30, 120], YOGO: [50, 100], '320': [9, 18], KEIHI: [20, 50],
};

/** Letter K of the 事業所番号 as the real files use it: B for 介護医療院. */
const K_DIGIT: Record<string, string> = { '550': 'B', YOGO: '9', KEIHI: '9' };

export function makeFacilities(rng: Rng, specs: readonly MunicipalitySpec[], polys: Map<string, Poly>): DemoFacility[] {
  const used = new Set<string>();
  const out: DemoFacility[] = [];
  const codes = Object.entries(FACILITY_MIX).flatMap(([code, n]) => Array.from({ length: n }, () => code));
  // Every municipality gets its population share of facilities (the island and the village too).
  const places = allocate(rng, specs, codes.length);
  codes.forEach((serviceCode, index) => {
    const spec = places[index] as MunicipalitySpec;
    const seq = index + 1;
    const [name, kana] = facilityName(rng, serviceCode, used);
    const [lo, hi] = CAPACITY[serviceCode] ?? [20, 80];
    const k = K_DIGIT[serviceCode] ?? '7';
    out.push({
      careOfficeNumber: withCareOfficeCheckDigit(`99${k}${String(10 + (seq % 80)).padStart(2, '0')}${String(seq).padStart(4, '0')}`),
      serviceCode,
      name,
      kana,
      municipality: spec,
      address: `デモ県${address(rng, spec)}`,
      position: placeIn(rng, spec, polys.get(spec.code5) as Poly, 1.1),
      capacity: rng.chance(0.15) ? null : rng.int(lo, hi),
      operatorName: operatorName(rng, serviceCode === '520' || serviceCode === '550' ? 'medical' : serviceCode.startsWith('3') && rng.chance(0.6) ? 'company' : 'welfare'),
      operatorNumber: String(rng.int(1, 9)) + String(rng.int(0, 999999999999)).padStart(12, '0'),
      phone: phone(rng),
    });
  });
  // The open data's trap: one facility written with 0.000000 coordinates (not entered).
  const unplaced = out.find((f) => f.serviceCode === '331');
  if (unplaced) unplaced.position = null;
  return out;
}

/**
 * 従来型 and ユニット型 wings of one 特養 carry different 事業所番号 at the same address: the open
 * data lists them as separate rows at one point. The demo has two such pairs.
 */
export function addUnitWings(rng: Rng, facilities: DemoFacility[]): void {
  const hosts = facilities.filter((f) => f.serviceCode === '510').slice(0, 2);
  hosts.forEach((host, i) => {
    facilities.push({
      ...host,
      careOfficeNumber: withCareOfficeCheckDigit(`997${String(90 + i)}${String(9000 + i).padStart(4, '0')}`),
      name: `${host.name}（ユニット型）`,
      kana: `${host.kana}（ユニットガタ）`,
      capacity: rng.int(20, 40),
    });
  });
}
