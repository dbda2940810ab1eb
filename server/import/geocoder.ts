import { normalizeAddressText, PREFECTURE_PATTERN } from './address-normal';
import type { TownPointRecord } from './records';

/**
 * Offline geocoding at town level from town-point files (Geolonia japanese-addresses format:
 * `[{ town, koaza, lat, lng }]` per municipality). Pure: the points come in, a position comes out.
 *
 *   1. the prefecture is the address's prefix (or `prefHint`);
 *   2. the municipality is the longest file name the rest starts with — with or without its 郡
 *      (`日野郡日南町…` and `日南町…` both match the file 日野郡日南町);
 *   3. the town is the longest town name the remainder starts with, after normalisation (三丁目 →
 *      3丁目; `東町3-307` is also read as `東町3丁目307`; a leading 大字/字 is ignored): precision `town`;
 *   4. otherwise the mean of the municipality's town points: precision `municipality`.
 */
export type TownPoint = TownPointRecord;

export interface GeocodeResult {
  lat: number;
  lng: number;
  precision: 'town' | 'municipality';
  prefName: string;
  municipalityName: string;
  town: string | null;
}

interface MunicipalityEntry {
  prefName: string;
  name: string;
  /** Names an address may start with: the file name, and without its 郡. */
  keys: string[];
  towns: { key: string; town: string; lat: number; lng: number }[];
  centre: [number, number];
}

const stripAza = (s: string) => s.replace(/^(大字|字)/, '');

export class TownGeocoder {
  private readonly byPref = new Map<string, MunicipalityEntry[]>();

  constructor(points: readonly TownPoint[]) {
    const groups = new Map<string, TownPoint[]>();
    for (const p of points) {
      const key = `${p.prefName}|${p.municipalityName}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const list of groups.values()) {
      const { prefName, municipalityName } = list[0] as TownPoint;
      // One point per town: the entry without a 小字 if there is one, else the first.
      const towns = new Map<string, TownPoint>();
      for (const p of list) if (!towns.has(p.town) || p.koaza === '') towns.set(p.town, p);
      const mean: [number, number] = [list.reduce((s, p) => s + p.lng, 0) / list.length, list.reduce((s, p) => s + p.lat, 0) / list.length];
      const name = normalizeAddressText(municipalityName);
      const entry: MunicipalityEntry = {
        prefName,
        name: municipalityName,
        keys: [...new Set([name, name.replace(/^.+?郡/, '')])],
        towns: [...towns.values()]
          .map((t) => ({ key: stripAza(normalizeAddressText(t.town)), town: t.town, lat: t.lat, lng: t.lng }))
          .sort((a, b) => b.key.length - a.key.length),
        centre: mean,
      };
      this.byPref.set(prefName, [...(this.byPref.get(prefName) ?? []), entry]);
    }
  }

  get size(): number {
    return [...this.byPref.values()].reduce((s, l) => s + l.length, 0);
  }

  /**
   * @param hints the prefecture and municipality the record is known to be in (e.g. the 介護 open
   *   data's municipality code), used when the address itself omits them (`覚寺61番地17`).
   */
  geocode(address: string, hints: { prefName?: string; municipalityName?: string } = {}): GeocodeResult | null {
    let rest = normalizeAddressText(address);
    const prefMatch = PREFECTURE_PATTERN.exec(rest);
    const prefName = prefMatch && this.byPref.has(prefMatch[1] as string) ? (prefMatch[1] as string) : hints.prefName;
    if (prefMatch && prefName === prefMatch[1]) rest = rest.slice(prefMatch[1]!.length);
    const candidates = prefName ? (this.byPref.get(prefName) ?? []) : [];
    const findMunicipality = (text: string) => {
      let best: { entry: MunicipalityEntry; key: string } | null = null;
      for (const entry of candidates) {
        for (const key of entry.keys) if (text.startsWith(key) && (!best || key.length > best.key.length)) best = { entry, key };
      }
      return best;
    };
    let best = findMunicipality(rest);
    if (!best && hints.municipalityName) {
      rest = `${normalizeAddressText(hints.municipalityName)}${rest}`;
      best = findMunicipality(rest);
    }
    if (!best) return null;
    const { entry } = best;
    const remainder = stripAza(rest.slice(best.key.length));
    // 「東町3-307」: the first number after the town name is its 丁目.
    const asChome = remainder.replace(/^(\D+?)(\d+)-(?=\d)/, '$1$2丁目');
    const town = entry.towns.find((t) => t.key !== '' && (remainder.startsWith(t.key) || asChome.startsWith(t.key)));
    if (town) return { lat: town.lat, lng: town.lng, precision: 'town', prefName: entry.prefName, municipalityName: entry.name, town: town.town };
    return { lat: entry.centre[1], lng: entry.centre[0], precision: 'municipality', prefName: entry.prefName, municipalityName: entry.name, town: null };
  }
}
