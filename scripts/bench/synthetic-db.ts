import { voronoi } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Db } from '../../server/db/client';
import { datasets, facilities, institutionNotifications, institutions, municipalities } from '../../server/db/schema';
import { municipalityCodeFrom5, withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';
import { createRng } from '../demo/random';
import { PREFECTURE_TOTALS } from './population-centres';
import { sampler, syntheticCountry } from './synthetic-country';

/**
 * The synthetic country of the engine benchmark written into a database the app can serve, for the
 * browser benchmark: ~1,700 made-up municipalities (Voronoi cells around points placed like the
 * population, so small where people are many, as real ones are), the facilities and institutions with
 * valid-looking identifiers and the notifications that give them their offers. All fictional (架空).
 */
const MUNICIPALITIES = 1700;
/** Japan and its sea: every cell is clipped to this box. */
const BOX: [number, number, number, number] = [122, 23.5, 147, 46];
const NOTIFICATION_BY_OFFERS: Record<number, string> = { 3: '支援診2', 7: '支援病2', 4: '地包ケア1' };

export function writeSyntheticCountry(db: Db): { municipalities: number; facilities: number; institutions: number } {
  const country = syntheticCountry();
  const rng = createRng(7);
  const place = sampler(rng, country.centres);
  const seeds = Array.from({ length: MUNICIPALITIES }, () => place());
  const cells = voronoi({ type: 'FeatureCollection', features: seeds.map((s) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [s.lng, s.lat] } })) }, { bbox: BOX });
  const prefName = new Map(PREFECTURE_TOTALS.map(([code, name]) => [code, name]));
  const seq = new Map<string, number>();
  const codes = seeds.map((s) => {
    const n = (seq.get(s.centre.pref) ?? 0) + 1;
    seq.set(s.centre.pref, n);
    return municipalityCodeFrom5(`${s.centre.pref}${String(n).padStart(3, '0')}`);
  });
  // A point's municipality is the cell it falls in: its nearest seed.
  const index = new Flatbush(seeds.length);
  for (const s of seeds) index.add(s.lng, s.lat, s.lng, s.lat);
  index.finish();
  const cellOf = (lng: number, lat: number) => index.neighbors(lng, lat, 1)[0]!;

  db.transaction((tx) => {
    const chunks = <T>(rows: T[], write: (chunk: T[]) => void) => {
      for (let k = 0; k < rows.length; k += 500) write(rows.slice(k, k + 500));
    };
    chunks(
      seeds.flatMap((s, k) => {
        const cell = cells.features[k];
        if (!cell?.geometry) return [];
        return [{ code: codes[k]!, name: `合成${k + 1}町`, prefCode: s.centre.pref, prefName: prefName.get(s.centre.pref)!, kind: 'municipality' as const, parentCode: null, boundary: JSON.stringify(cell.geometry) }];
      }),
      (c) => tx.insert(municipalities).values(c).run(),
    );
    chunks(
      country.facilities.map((f, k) => {
        const m = cellOf(f.lng, f.lat);
        const pref = codes[m]!.slice(0, 2);
        return {
          careOfficeNumber: withCareOfficeCheckDigit(`${pref}${String(k + 1).padStart(7, '0')}`), serviceCode: f.serviceCode, name: `合成施設${k + 1}`, kana: `ゴウセイシセツ${k + 1}`,
          address: `${prefName.get(pref)}合成${m + 1}町`, municipalityCode: codes[m]!, lat: f.lat, lng: f.lng, sourceLat: f.lat, sourceLng: f.lng, geocodePrecision: 'source' as const, source: 'kaigo_open_data' as const,
        };
      }),
      (c) => tx.insert(facilities).values(c).run(),
    );
    const instRows = country.institutions.map((x, k) => {
      const m = cellOf(x.lng, x.lat);
      const pref = codes[m]!.slice(0, 2);
      const code = withMedicalCheckDigit(`${pref}1${String(k + 1).padStart(6, '0')}`);
      return {
        row: { code, kind: x.kind, name: `合成${x.kind === 'hospital' ? '病院' : '診療所'}${k + 1}`, address: `${prefName.get(pref)}合成${m + 1}町`, municipalityCode: codes[m]!, lat: x.lat, lng: x.lng, geocodePrecision: 'source' as const, willingness: x.willingness, maxPartners: x.maxPartners },
        note: { institutionCode: code, symbol: NOTIFICATION_BY_OFFERS[x.offers]!, acceptedNumber: `第${k + 1}号`, name: null, startDate: '2024-06-01' },
      };
    });
    chunks(instRows.map((r) => r.row), (c) => tx.insert(institutions).values(c).run());
    chunks(instRows.map((r) => r.note), (c) => tx.insert(institutionNotifications).values(c).run());
    tx.insert(datasets).values({ kind: 'synthetic', label: '合成データ（ベンチマーク・架空）', fileName: 'scripts/bench/synthetic-db.ts', asOf: null, attribution: '架空のデータ', fictional: true, rows: country.facilities.length + instRows.length, importedAt: new Date().toISOString() }).run();
  });
  return { municipalities: seeds.length, facilities: country.facilities.length, institutions: country.institutions.length };
}
