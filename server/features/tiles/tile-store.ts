import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import Supercluster, { type Options as SuperclusterOptions } from 'supercluster';
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
/**
 * Both sets are cut to z14, the town zoom: a polygon overzoomed from a lower zoom is the whole
 * municipality laid out again and drawn scaled in every tile of the view; cut, a tile holds its piece.
 */
export const TILE_SETS = { areas: 14, points: 14 } as const;
/** Every area name is in the tiles from this zoom (label-zoom.ts spreads them out before). */
export const ALL_LABELS_FROM_ZOOM = 10;
export type TileSetName = keyof typeof TILE_SETS;
/** Points cluster up to this zoom and stand alone from the next. */
export const CLUSTER_MAX_ZOOM = 10;
/**
 * Cluster radius by zoom, in pixels of the 512 a tile is drawn at. Across the country and a region
 * (to z7) clusters are 40 px apart, supercluster's own default: they sit clear of each other at their
 * largest (19 px), and a view holds a few hundred circles and counts to lay out and draw, not a
 * thousand. Within a prefecture (z8–10) 24 px, so more facilities stand alone in their status colour.
 */
const CLUSTER_BANDS = [
  { toZoom: 7, radiusPx: 40 },
  { toZoom: CLUSTER_MAX_ZOOM, radiusPx: 24 },
] as const;
const CACHE_LIMIT = 4000;
const TYPE_KEYS = Object.keys(FACILITY_TYPES);

type Index = { getTile(z: number, x: number, y: number): GeoJSONVTTile | { features: unknown[] } | null };

/** Points clustered per zoom band (CLUSTER_BANDS): one supercluster index each, asked by the tile's zoom. */
function clustered<P extends Record<string, unknown>, C extends Record<string, unknown>>(points: GeoJSON.Feature<GeoJSON.Point, P>[], options: SuperclusterOptions<P, C>): Index {
  const bands = CLUSTER_BANDS.map(({ toZoom, radiusPx }) => ({ toZoom, index: new Supercluster<P, C>({ ...options, radius: (radiusPx / 512) * EXTENT, extent: EXTENT, maxZoom: toZoom }).load(points) }));
  return { getTile: (z, x, y) => (bands.find((b) => z <= b.toZoom) ?? bands.at(-1)!).index.getTile(z, x, y) };
}
/** A layer of a tile set: its name, its index, and which of a tile's features it keeps at a zoom. */
type Layer = [name: string, index: Index, keep?: (tags: GeoJSON.GeoJsonProperties, z: number) => boolean];

export class TileSet {
  private readonly layers: Record<TileSetName, Layer[]>;
  private readonly cache = new Map<string, Uint8Array<ArrayBuffer> | null>();

  constructor(data: TileData) {
    const vt = (features: GeoJSON.Feature[]) => new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: TILE_SETS.areas, extent: EXTENT, tolerance: 3, buffer: 64 });
    // Facility clusters count each type (n_<type>) and those not covered (lacking), so a type filter
    // and the cluster labels agree with the points they stand for.
    const facilities = clustered<Record<string, unknown>, Record<string, number>>(data.facilities, {
      map: (p) => ({ ...Object.fromEntries(TYPE_KEYS.map((t) => [`n_${t}`, p.type === t ? 1 : 0])), lacking: p.status === 'covered' ? 0 : 1 }),
      reduce: (acc, p) => {
        for (const k of Object.keys(p)) acc[k] = (acc[k] ?? 0) + (p[k] ?? 0);
      },
    });
    const institutions = clustered(data.institutions, {});
    this.layers = {
      areas: [
        ['areas', vt(data.areas)],
        ['cities', vt(data.cities)],
        // Names enter at their own zoom (tile-data.ts labels, label-zoom.ts).
        ['labels', vt(data.labels), (tags, z) => Number(tags?.minzoom) <= z],
      ],
      points: [
        ['institutions', institutions],
        ['facilities', facilities],
      ],
    };
  }

  /** The gzipped tile of a set, or null when it holds nothing. */
  tile(set: TileSetName, z: number, x: number, y: number): Uint8Array<ArrayBuffer> | null {
    const key = `${set}/${z}/${x}/${y}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const layers: Record<string, GeoJSONVTTile> = {};
    for (const [name, index, keep] of this.layers[set]) {
      let t = index.getTile(z, x, y) as GeoJSONVTTile | null;
      if (t && keep) t = { ...t, features: t.features.filter((f) => keep(f.tags, z)) } as GeoJSONVTTile;
      if (t && t.features.length > 0) layers[name] = t;
    }
    const out = Object.keys(layers).length === 0 ? null : new Uint8Array(gzipSync(fromGeojsonVt(layers, { version: 2, extent: EXTENT })));
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, out);
    return out;
  }
}
