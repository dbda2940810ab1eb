import { facilityTypeOf } from '../../server/domain/facility-types';
import { maskOf } from '../../server/domain/engine/masks';
import type { EngineFacility, EngineInstitution } from '../../server/domain/engine/model';
import { createRng, type Rng } from '../demo/random';
import { CITIES, PREFECTURE_TOTALS, type Centre } from './population-centres';

/**
 * A seeded synthetic Japan for benchmarks: ~36,000 care facilities and ~25,000 candidate
 * institutions (those with a 支援診/支援病/在後病/地包ケア notification), clustered like the population
 * (population-centres.ts). Mixes follow domain.md §8: service shares from the open-data row counts,
 * institutions ~78% 支援診 clinics (①②), ~7% 支援病/在後病 hospitals (①②③), ~15% 地包ケア (③).
 * Every facility starts with no partner recorded (未把握), the hardest case for every question.
 */
export const SYNTHETIC_SEED = 20240401;

const SERVICE_MIX: [string, number][] = [
  ['510', 8000], ['540', 2553], ['520', 4121], ['550', 923], ['331', 3600], ['332', 520], ['334', 1200], ['335', 150], ['336', 60], ['337', 83],
  ['361', 220], ['362', 70], ['364', 82], ['320', 14418],
];

export interface SyntheticCountry {
  facilities: EngineFacility[];
  institutions: EngineInstitution[];
  centres: Centre[];
}

/** The cities, plus each prefecture's remaining population spread around its office. */
export function allCentres(): Centre[] {
  const rest = PREFECTURE_TOTALS.map(([pref, name, pop, lng, lat]) => ({
    pref, name: `${name}（その他）`, lng, lat, pop: Math.max(50, pop - CITIES.filter((c) => c.pref === pref).reduce((s, c) => s + c.pop, 0)),
  }));
  return [...CITIES, ...rest];
}

/** Spread in degrees: cities grow with their size; a prefecture's rest is spread widely. */
const spreadOf = (c: Centre) => (c.name.endsWith('（その他）') ? 0.28 : 0.02 + 0.05 * Math.sqrt(c.pop / 1000));

export function sampler(rng: Rng, centres: readonly Centre[]) {
  const total = centres.reduce((s, c) => s + c.pop, 0);
  const cumulative: number[] = [];
  centres.reduce((s, c) => (cumulative.push(s + c.pop), s + c.pop), 0);
  return () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    const c = centres[lo]!;
    const s = spreadOf(c);
    return { centre: c, lng: c.lng + rng.normal() * s * 1.2, lat: c.lat + rng.normal() * s };
  };
}

export function syntheticCountry(seed = SYNTHETIC_SEED, scale = 1): SyntheticCountry {
  const rng = createRng(seed);
  const centres = allCentres();
  const place = sampler(rng, centres);
  const facilities: EngineFacility[] = [];
  let n = 0;
  for (const [code, count] of SERVICE_MIX) {
    const type = facilityTypeOf(code);
    for (let k = 0; k < Math.round(count * scale); k++) {
      const p = place();
      facilities.push({
        id: `S${String(++n).padStart(6, '0')}-${code}`,
        serviceCode: code,
        lng: p.lng,
        lat: p.lat,
        municipalityCode: null,
        prefCode: p.centre.pref,
        required: maskOf(type.required),
        met: 0,
        status: 'unknown',
        a253Type: type.a253,
        landmass: null,
        partnerCodes: [],
        specialRelationshipCodes: [],
      });
    }
  }
  const institutions: EngineInstitution[] = [];
  for (let k = 0; k < Math.round(25_000 * scale); k++) {
    const p = place();
    const r = rng.next();
    const [kind, offers] = r < 0.78 ? (['clinic', 3] as const) : r < 0.85 ? (['hospital', 7] as const) : (['hospital', 4] as const);
    const declaresMax = rng.chance(0.3);
    institutions.push({
      code: `I${String(k + 1).padStart(7, '0')}`,
      kind,
      lng: p.lng,
      lat: p.lat,
      offers,
      eligible: kind === 'hospital' ? 7 : 3,
      declared: false,
      a253Basis: kind === 'hospital',
      willingness: rng.chance(0.03) ? 'not_accepting' : rng.chance(0.1) ? 'accepting' : null,
      maxPartners: declaresMax ? rng.int(2, 10) : null,
      activePartners: 0,
      landmass: null,
    });
  }
  return { facilities, institutions, centres };
}
