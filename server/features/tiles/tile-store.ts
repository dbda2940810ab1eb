import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import Supercluster from 'supercluster';
import { FACILITY_TYPES } from '../../domain/facility-types';
import type { TileData } from './tile-data';

/**
 * The map's vector tiles, cut on the server so the browser loads only what it shows, in two sets:
 * `areas` — municipality polygons simplified per zoom (geojson-vt), their names and tallies — and
 * `points` — facilities and institutions clustered per zoom (supercluster) up to CLUSTER_MAX_ZOOM,
 * then one by one (layers: tile-data.ts). Areas stop at a lower zoom (a choropleth needs no street
 * detail; the map overzooms them). Tiles are encoded (Mapbox Vector Tile 2.1) and gzipped once, then
 * served from memory until the data changes.
 */
export const EXTENT = 4096;
/** The two tile sets and the zoom beyond which each is overzoomed (its geometry kept at that precision). */
export const TILE_SETS = { areas: 10, points: 14 } as const;
export type TileSetName = keyof typeof TILE_SETS;
/** Points cluster up to this zoom and stand alone from the next. */
export const CLUSTER_MAX_ZOOM = 10;
/** Cluster radius in tile units: 24 of the 512 pixels a tile is drawn at. */
const CLUSTER_RADIUS = (24 / 512) * EXTENT;
const CACHE_LIMIT = 4000;
const TYPE_KEYS = Object.keys(FACILITY_TYPES);

type Index = { getTile(z: number, x: number, y: number): GeoJSONVTTile | { features: unknown[] } | null };

export class TileSet {
  private readonly layers: Record<TileSetName, [string, Index][]>;
  private readonly cache = new Map<string, Uint8Array<ArrayBuffer> | null>();

  constructor(data: TileData) {
    const vt = (features: GeoJSON.Feature[]) => new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: TILE_SETS.areas, extent: EXTENT, tolerance: 3, buffer: 64 });
    // Facility clusters count each type (n_<type>) and those not covered (lacking), so a type filter
    // and the cluster labels agree with the points they stand for.
    const facilities = new Supercluster<Record<string, unknown>, Record<string, number>>({
      radius: CLUSTER_RADIUS,
      extent: EXTENT,
      maxZoom: CLUSTER_MAX_ZOOM,
      map: (p) => ({ ...Object.fromEntries(TYPE_KEYS.map((t) => [`n_${t}`, p.type === t ? 1 : 0])), lacking: p.status === 'covered' ? 0 : 1 }),
      reduce: (acc, p) => {
        for (const k of Object.keys(p)) acc[k] = (acc[k] ?? 0) + (p[k] ?? 0);
      },
    }).load(data.facilities);
    const institutions = new Supercluster({ radius: CLUSTER_RADIUS, extent: EXTENT, maxZoom: CLUSTER_MAX_ZOOM }).load(data.institutions);
    this.layers = {
      areas: [
        ['areas', vt(data.areas)],
        ['cities', vt(data.cities)],
        ['labels', vt(data.labels)],
      ],
      points: [
        ['institutions', institutions as unknown as Index],
        ['facilities', facilities as unknown as Index],
      ],
    };
  }

  /** The gzipped tile of a set, or null when it holds nothing. */
  tile(set: TileSetName, z: number, x: number, y: number): Uint8Array<ArrayBuffer> | null {
    const key = `${set}/${z}/${x}/${y}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const layers: Record<string, GeoJSONVTTile> = {};
    for (const [name, index] of this.layers[set]) {
      const t = index.getTile(z, x, y);
      if (t && t.features.length > 0) layers[name] = t as GeoJSONVTTile;
    }
    const out = Object.keys(layers).length === 0 ? null : new Uint8Array(gzipSync(fromGeojsonVt(layers, { version: 2, extent: EXTENT })));
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, out);
    return out;
  }
}
