import { DESIGNATED_CITIES, type DesignatedCity } from './designated-cities';
import type { FacilityType } from './facility-types';
import { municipalityCodeFrom5 } from './identifiers';

/**
 * The authority a facility files its partners with (指定権者, domain.md §2): for 地域密着 types the
 * municipality (a 政令市 ward files with its city); for the others the prefecture — or the city itself
 * when it is a 指定都市 or 中核市.
 */
export interface MunicipalityRef {
  code: string;
  name: string;
  prefCode: string;
  prefName: string;
  kind: 'municipality' | 'designated_city' | 'ward';
  /** For a ward: its city. */
  parent: { code: string; name: string } | null;
}

export interface Authority {
  level: 'prefecture' | 'municipality';
  code: string;
  name: string;
}

export function designatingAuthority(type: FacilityType, m: MunicipalityRef | null, cities: readonly DesignatedCity[] = DESIGNATED_CITIES): Authority | null {
  if (!m) return null;
  const city = m.kind === 'ward' && m.parent ? m.parent : { code: m.code, name: m.name };
  const prefecture: Authority = { level: 'prefecture', code: municipalityCodeFrom5(`${m.prefCode}000`), name: m.prefName };
  if (type.designatedBy === 'municipality') return { level: 'municipality', ...city };
  const isCityAuthority = m.kind === 'ward' || m.kind === 'designated_city' || cities.some((c) => c.code === city.code);
  return isCityAuthority ? { level: 'municipality', ...city } : prefecture;
}
