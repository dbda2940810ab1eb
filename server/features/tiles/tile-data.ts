import type { Db } from '../../db/client';
import { municipalities } from '../../db/schema';
import { FACILITY_TYPES, facilityTypeOf, type FacilityTypeKey } from '../../domain/facility-types';
import { area } from '@turf/turf';
import type { EngineSnapshot } from '../engine/engine-store';
import { labelPoint } from '../shared/label-point';
import { labelMinZooms, type LabelCandidate } from './label-zoom';
import { ALL_LABELS_FROM_ZOOM } from './tile-store';

/**
 * What the map's vector tiles hold, as GeoJSON features per layer. Property names are short but
 * readable; the web style (web/src/map/style.ts) reads exactly these.
 *
 *  areas        municipalities and wards: code, name, kind, parentCode, and per facility type T
 *               (and `all`) the number of facilities `n_T`, of those whose partners are known `k_T`
 *               and of those covered `c_T` — the choropleth is c_T ÷ k_T, greyed where more than
 *               half are unknown; a 政令市's own row is in `cities`
 *  cities       政令市 as a whole (the union of its wards): code, name
 *  labels       one point per area to hang its name on, and the zoom from which the tiles hold it
 *               (`minzoom`: larger areas first, spread so the names do not crowd: label-zoom.ts)
 *  facilities   id, name, status, type, level ('mandatory' | 'best_effort'), missing (mask ①1 ②2 ③4;
 *               absent when status is unknown),
 *               flagKm (km its published point lies outside its municipality; 0 when not flagged)
 *  institutions code, name, kind, offersKey ("123", "12", "3", ""), a253 (holds an A253 basis),
 *               accepting (declared it takes new partners)
 */
type Props = Record<string, string | number | boolean>;
type PointFeature = GeoJSON.Feature<GeoJSON.Point, Props>;

export interface TileData {
  areas: GeoJSON.Feature[];
  cities: GeoJSON.Feature[];
  labels: PointFeature[];
  facilities: PointFeature[];
  institutions: PointFeature[];
}

const TYPE_KEYS = Object.keys(FACILITY_TYPES) as FacilityTypeKey[];
const OFFER_DIGITS: [number, string][] = [[1, '1'], [2, '2'], [4, '3']];

export function tileData(db: Db, snap: EngineSnapshot): TileData {
  // Facility counts per area and type; a ward's facilities also count for its city.
  const rows = db.select().from(municipalities).all();
  const parentOf = new Map(rows.map((m) => [m.code, m.parentCode]));
  const counts = new Map<string, Record<string, number>>();
  const bump = (code: string, key: string) => {
    const c = counts.get(code) ?? {};
    c[key] = (c[key] ?? 0) + 1;
    counts.set(code, c);
  };
  for (const f of [...snap.facilities, ...snap.unplaced]) {
    if (!f.municipalityCode) continue;
    const type = facilityTypeOf(f.serviceCode).key;
    for (const code of [f.municipalityCode, parentOf.get(f.municipalityCode)]) {
      if (!code) continue;
      for (const t of ['all', type]) {
        bump(code, `n_${t}`);
        // Shares are of the facilities whose partners are known (k_); 未把握 is never counted as lacking.
        if (f.status !== 'unknown') bump(code, `k_${t}`);
        if (f.status === 'covered') bump(code, `c_${t}`);
      }
    }
  }

  const areas: GeoJSON.Feature[] = [];
  const cities: GeoJSON.Feature[] = [];
  const labels: PointFeature[] = [];
  const candidates: LabelCandidate[] = [];
  for (const m of rows) {
    if (!m.boundary) continue;
    const geometry = JSON.parse(m.boundary) as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const c = counts.get(m.code) ?? {};
    const tally = Object.fromEntries(['all', ...TYPE_KEYS].flatMap((t) => (c[`n_${t}`] ? [[`n_${t}`, c[`n_${t}`]], [`k_${t}`, c[`k_${t}`] ?? 0], [`c_${t}`, c[`c_${t}`] ?? 0]] : [])));
    if (m.kind === 'designated_city') {
      cities.push({ type: 'Feature', geometry, properties: { code: m.code, name: m.name, ...tally } });
      continue;
    }
    areas.push({ type: 'Feature', geometry, properties: { code: m.code, name: m.name, kind: m.kind, parentCode: m.parentCode ?? '', ...tally } });
    const at = labelPoint(geometry);
    if (!at) continue;
    labels.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { code: m.code, name: m.name, kind: m.kind } });
    candidates.push({ lng: at[0], lat: at[1], name: m.name, weight: area(geometry) });
  }
  const minZooms = labelMinZooms(candidates, ALL_LABELS_FROM_ZOOM);
  labels.forEach((l, k) => (l.properties.minzoom = minZooms[k]!));

  return {
    areas,
    cities,
    labels,
    facilities: snap.facilities.map((f) => {
      const type = facilityTypeOf(f.serviceCode);
      const info = snap.facilityInfo.get(f.id);
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [f.lng, f.lat] },
        // `missing` only where coverage is known: an unknown facility has no missing requirements to show.
        properties: { id: f.id, name: info?.name ?? f.id, status: f.status, type: type.key, level: type.level, ...(f.status === 'unknown' ? {} : { missing: f.required & ~f.met }), seeking: f.seeking ?? 0, flagKm: info?.positionOffsetKm ?? 0 },
      };
    }),
    institutions: snap.institutions.map((i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [i.lng, i.lat] },
      properties: { code: i.code, name: snap.institutionInfo.get(i.code)?.name ?? i.code, kind: i.kind, offersKey: OFFER_DIGITS.filter(([bit]) => i.offers & bit).map(([, d]) => d).join(''), a253: i.a253Basis, accepting: i.willingness === 'accepting' },
    })),
  };
}
