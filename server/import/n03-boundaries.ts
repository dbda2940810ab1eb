import { featureCollection, union } from '@turf/turf';
import { municipalityCodeFrom5 } from '../domain/identifiers';
import { findDesignatedCity, type DesignatedCity } from '../domain/designated-cities';
import { ProblemLog } from './problems';
import type { MunicipalityRecord, ParsedFile } from './records';

/**
 * 国土数値情報 N03 行政区域 GeoJSON. Islands repeat a code: features are dissolved by `N03_007`
 * (5 digits) and given the 6-digit code with its check digit. 政令市 wards (N03_003 = the city,
 * N03_004 = 〇〇区) become municipalities of their own, named `<city><ward>` (岡山市北区), under a
 * city row holding their union.
 */
type Poly = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;

export function looksLikeN03(json: unknown): boolean {
  const fc = json as { type?: string; features?: { properties?: Record<string, unknown> }[] };
  return fc?.type === 'FeatureCollection' && Array.isArray(fc.features) && fc.features.some((f) => f?.properties && 'N03_007' in f.properties);
}

function dissolve(polys: Poly[]): GeoJSON.Polygon | GeoJSON.MultiPolygon {
  if (polys.length === 1) return (polys[0] as Poly).geometry;
  const merged = union(featureCollection(polys));
  if (!merged) throw new Error('dissolve produced no geometry');
  return merged.geometry;
}

export function parseN03(json: unknown, path: string, designatedCities: readonly DesignatedCity[]): ParsedFile {
  const log = new ProblemLog(path);
  const features = (json as GeoJSON.FeatureCollection).features;
  const groups = new Map<string, { props: Record<string, string | null>; polys: Poly[] }>();
  let skipped = 0;
  features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, string | null>;
    const code5 = props.N03_007;
    const row = i + 1; // feature number
    if (!code5) {
      skipped++; // 所属未定地 (undetermined areas) carry no code
      return;
    }
    if (!/^\d{5}$/.test(code5)) {
      log.error(row, 'N03_007', `Expected a 5-digit municipality code, found "${code5}"`);
      return;
    }
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
      log.error(row, 'geometry', `Expected a Polygon or MultiPolygon, found ${f.geometry?.type ?? 'none'}`);
      return;
    }
    const g = groups.get(code5) ?? { props, polys: [] };
    g.polys.push(f as Poly);
    groups.set(code5, g);
  });

  const records: MunicipalityRecord[] = [];
  const cityWards = new Map<string, { city: DesignatedCity; wards: Poly[] }>();
  for (const [code5, { props, polys }] of groups) {
    const prefName = props.N03_001 ?? '';
    const boundary = dissolve(polys);
    const city = props.N03_003 && props.N03_004?.endsWith('区') ? findDesignatedCity(prefName, props.N03_003, designatedCities) : undefined;
    const isWard = city?.kind === '指定都市';
    records.push({
      code: municipalityCodeFrom5(code5),
      // A ward is named with its city (`岡山市北区`), as the 介護 open data and filings name it.
      name: isWard && city ? `${city.name}${props.N03_004}` : (props.N03_004 ?? props.N03_003 ?? code5),
      prefCode: code5.slice(0, 2),
      prefName,
      kind: isWard ? 'ward' : 'municipality',
      parentCode: isWard ? (city as DesignatedCity).code : null,
      boundary,
    });
    if (isWard && city) {
      const entry = cityWards.get(city.code) ?? { city, wards: [] };
      entry.wards.push({ type: 'Feature', properties: {}, geometry: boundary });
      cityWards.set(city.code, entry);
    }
  }
  for (const { city, wards } of cityWards.values()) {
    records.push({
      code: city.code,
      name: city.name,
      prefCode: city.code.slice(0, 2),
      prefName: city.prefName,
      kind: 'designated_city',
      parentCode: null,
      boundary: dissolve(wards),
    });
  }
  return { kind: 'n03_boundaries', path, rows: features.length, skipped, problems: log.problems, asOf: null, records };
}
