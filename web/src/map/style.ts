import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FacilityTypeKey } from '../../../server/domain/facility-types';
import type { View } from '../state/app-state';
import {
  COMBINATION_COLOR, FACILITY_CLUSTER_COLOR, GAP_COLOR, INSTITUTION_CLUSTER_COLOR, LAND_COLOR, LINE_COLOR, NO_DATA_COLOR, PLAN_COLOR, RING_COLOR, SEA_COLOR, SEEKING_COLOR,
  MOSTLY_UNKNOWN_COLOR, SEEKING_HIGHLIGHT_COLOR, SELECTION_COLOR, SHARE_RAMP, STATUS_COLORS,
} from './palette';
import { MOSTLY_UNKNOWN_SHARE } from '../../../server/domain/coverage';

/**
 * The map style as plain data: the server's vector tiles (server/features/tiles: set `areas` with
 * layers areas, cities, labels; set `points` with facilities, institutions) and GeoJSON overlays; no glyphs or sprite URL, so it
 * renders offline (text from the system's fonts; fonts-noto-cjk for Japanese). An online basemap is
 * added only when the server offers one.
 */
export const SOURCES = {
  /** The server's tiles: municipality polygons, names and tallies (cut to z14). */
  areas: 'areas',
  /** The server's tiles: facilities and institutions, clustered at low zoom (to z14). */
  points: 'points',
  basemap: 'basemap',
  lines: 'overlay-lines',
  rings: 'overlay-rings',
  highlights: 'overlay-highlights',
  selection: 'selection',
} as const;

/** The zoom each tile set stops at (server/features/tiles/tile-store.ts TILE_SETS). */
export const TILE_MAX_ZOOM = { areas: 14, points: 14 } as const;
export type TileSetName = keyof typeof TILE_MAX_ZOOM;
/** Points stand alone from this zoom (the server clusters up to the one before: tile-store.ts CLUSTER_MAX_ZOOM). */
export const POINTS_FROM_ZOOM = 11;

export const LOCAL_FONT_FAMILY = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const isCluster: ExpressionSpecification = ['has', 'point_count'];

const statusColor: ExpressionSpecification = [
  'match', ['get', 'status'],
  'covered', STATUS_COLORS.covered,
  'partial', STATUS_COLORS.partial,
  'none', STATUS_COLORS.none,
  STATUS_COLORS.unknown,
];

/** Icon key by the `offersKey` ("123", "12", "3", ""): see icons.ts. */
export const institutionIcon: ExpressionSpecification = [
  'concat',
  [
    'case',
    ['all', ['in', '3', ['get', 'offersKey']], ['any', ['in', '1', ['get', 'offersKey']], ['in', '2', ['get', 'offersKey']]]], 'inst-full',
    ['in', '3', ['get', 'offersKey']], 'inst-admit',
    ['any', ['in', '1', ['get', 'offersKey']], ['in', '2', ['get', 'offersKey']]], 'inst-primary',
    'inst-none',
  ],
  // Declared it takes new partners: the same shape in a green ring (icons.ts).
  ['case', ['==', ['get', 'accepting'], true], '-accepting', ''],
];

/**
 * The choropleth: the share covered of the type's facilities whose partners are known (c ÷ k) —
 * grey where more than half are 未把握 (MOSTLY_UNKNOWN_SHARE), land colour outside the 自治体 view.
 */
export function areaFill(view: View, type: FacilityTypeKey | 'all'): ExpressionSpecification | string {
  if (view !== 'area') return LAND_COLOR;
  const n: ExpressionSpecification = ['coalesce', ['get', `n_${type}`], 0];
  const k: ExpressionSpecification = ['coalesce', ['get', `k_${type}`], 0];
  const c: ExpressionSpecification = ['coalesce', ['get', `c_${type}`], 0];
  return [
    'case',
    ['==', n, 0], NO_DATA_COLOR,
    ['>', ['-', n, k], ['*', MOSTLY_UNKNOWN_SHARE, n]], MOSTLY_UNKNOWN_COLOR,
    ['interpolate', ['linear'], ['/', c, k], ...SHARE_RAMP.flat()] as ExpressionSpecification,
  ];
}

/** Facility points of the type (all types outside the 自治体 view). */
export function facilityPointFilter(type: FacilityTypeKey | 'all'): FilterSpecification {
  return type === 'all' ? ['!', isCluster] : ['all', ['!', isCluster], ['==', ['get', 'type'], type]];
}

/** Clusters holding facilities of the type, and how many. */
export const clusterCount = (type: FacilityTypeKey | 'all'): ExpressionSpecification => (type === 'all' ? ['get', 'point_count'] : ['coalesce', ['get', `n_${type}`], 0]);
export const facilityClusterFilter = (type: FacilityTypeKey | 'all'): FilterSpecification => ['all', isCluster, ['>', clusterCount(type), 0]];

const clusterRadius = (count: ExpressionSpecification, r: [number, number, number]): ExpressionSpecification => ['step', count, r[0], 10, r[1], 50, r[2]];

/**
 * Each distinct paint configuration is a shader program the page compiles before its first frame
 * (about 50 ms each with software GL), so layers share configurations where they can: the fill has no
 * anti-aliased outline pass (area-line draws the borders), and the highlight ring is drawn with the
 * facility point's configuration (data-driven colour and stroke, zoom-driven radius).
 */
export function layers(fill: ExpressionSpecification | string = LAND_COLOR): LayerSpecification[] {
  const areas = SOURCES.areas;
  const points = SOURCES.points;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': SEA_COLOR } },
    { id: 'area-fill', type: 'fill', source: areas, 'source-layer': 'areas', paint: { 'fill-color': fill, 'fill-antialias': false } },
    { id: 'area-line', type: 'line', source: areas, 'source-layer': 'areas', paint: { 'line-color': '#9C9383', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 12, 1.6] } },
    // 政令市: its outline drawn thicker over its wards' lines.
    { id: 'city-line', type: 'line', source: areas, 'source-layer': 'cities', paint: { 'line-color': '#6B6253', 'line-width': 2.2, 'line-dasharray': [3, 1.5] } },
    { id: 'area-selected', type: 'line', source: areas, 'source-layer': 'areas', filter: ['==', ['get', 'code'], ''], layout: { visibility: 'none' }, paint: { 'line-color': '#000000', 'line-width': 3 } },
    { id: 'city-selected', type: 'line', source: areas, 'source-layer': 'cities', filter: ['==', ['get', 'code'], ''], layout: { visibility: 'none' }, paint: { 'line-color': '#000000', 'line-width': 3.5 } },
    { id: 'ring-line', type: 'line', source: SOURCES.rings, paint: { 'line-color': RING_COLOR, 'line-width': 1.5, 'line-dasharray': [4, 3] } },
    {
      id: 'ring-label', type: 'symbol', source: SOURCES.rings,
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'label'], 'text-size': 11, 'text-font': ['sans-serif'], 'symbol-spacing': 400 },
      paint: { 'text-color': RING_COLOR, 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.5 },
    },
    {
      id: 'overlay-line', type: 'line', source: SOURCES.lines,
      paint: {
        'line-color': ['match', ['get', 'kind'], 'candidate', LINE_COLOR, 'combination', COMBINATION_COLOR, PLAN_COLOR],
        'line-width': ['match', ['get', 'kind'], 'plan', 1.8, 3.5],
        'line-dasharray': [2, 1],
      },
    },
    {
      id: 'institution-cluster', type: 'circle', source: points, 'source-layer': 'institutions', filter: isCluster,
      paint: { 'circle-color': INSTITUTION_CLUSTER_COLOR, 'circle-opacity': 0.85, 'circle-radius': clusterRadius(['get', 'point_count'], [11, 14, 18]), 'circle-stroke-width': 1.5, 'circle-stroke-color': '#FFFFFF' },
    },
    {
      id: 'institution-cluster-count', type: 'symbol', source: points, 'source-layer': 'institutions', filter: isCluster,
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 11, 'text-font': ['sans-serif'], 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#FFFFFF' },
    },
    {
      id: 'institution-point', type: 'symbol', source: points, 'source-layer': 'institutions', filter: ['!', isCluster],
      layout: { 'icon-image': institutionIcon, 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.7, 13, 1] },
    },
    {
      id: 'facility-cluster', type: 'circle', source: points, 'source-layer': 'facilities', filter: facilityClusterFilter('all'),
      paint: { 'circle-color': FACILITY_CLUSTER_COLOR, 'circle-opacity': 0.85, 'circle-radius': clusterRadius(clusterCount('all'), [12, 15, 19]), 'circle-stroke-width': 1.5, 'circle-stroke-color': '#FFFFFF' },
    },
    {
      id: 'facility-cluster-count', type: 'symbol', source: points, 'source-layer': 'facilities', filter: facilityClusterFilter('all'),
      layout: { 'text-field': ['to-string', clusterCount('all')], 'text-size': 12, 'text-font': ['sans-serif'], 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#FFFFFF' },
    },
    {
      id: 'facility-point', type: 'circle', source: points, 'source-layer': 'facilities', filter: facilityPointFilter('all'),
      // A facility that said it is seeking partners wears a thick ring.
      paint: {
        'circle-color': statusColor, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 13, 8],
        'circle-stroke-width': ['case', ['>', ['coalesce', ['get', 'seeking'], 0], 0], 3, 1.5],
        'circle-stroke-color': ['case', ['>', ['coalesce', ['get', 'seeking'], 0], 0], SEEKING_COLOR, '#FFFFFF'],
      },
    },
    {
      id: 'highlight-ring', type: 'circle', source: SOURCES.highlights,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 13, 12],
        'circle-color': ['match', ['get', 'kind'], 'gap', 'rgba(0,0,0,0)', 'rgba(0,0,0,0)'],
        'circle-stroke-width': ['match', ['get', 'kind'], 'gap', 2.5, 2],
        'circle-stroke-color': ['match', ['get', 'kind'], 'gap', GAP_COLOR, 'seeking-a253', SEEKING_COLOR, SEEKING_HIGHLIGHT_COLOR],
      },
    },
    { id: 'selection-ring', type: 'circle', source: SOURCES.selection, paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': SELECTION_COLOR } },
    {
      // Names on top: circles never hide them, and clicks query the point layers only.
      id: 'area-label', type: 'symbol', source: areas, 'source-layer': 'labels', minzoom: 7.5,
      layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-font': ['sans-serif'], 'symbol-placement': 'point' },
      paint: { 'text-color': '#5B5448', 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.5 },
    },
  ];
}

/** The GeoJSON overlay sources: each starts empty, and its layers hidden until it holds something. */
export const OVERLAY_SOURCES = [SOURCES.lines, SOURCES.rings, SOURCES.highlights, SOURCES.selection] as const;
export type OverlaySource = (typeof OVERLAY_SOURCES)[number];

/** The layers drawing a source. */
export const layersOf = (source: string, all: LayerSpecification[]): string[] => all.filter((l) => 'source' in l && l.source === source).map((l) => l.id);

/** Each overlay source's layers, worked out once: they are shown and hidden with its data. */
export const OVERLAY_LAYERS = ((all) => Object.fromEntries(OVERLAY_SOURCES.map((s) => [s, layersOf(s, all)])))(layers()) as Record<OverlaySource, string[]>;

/** Layers a click or hover can pick, topmost first. */
export const POINT_LAYERS = ['facility-point', 'facility-cluster', 'institution-point', 'institution-cluster'] as const;

export interface StyleOptions {
  /** Tile URL template of each set. */
  tiles: Record<TileSetName, string>;
  basemap: { tiles: string[]; tileSize: number; minzoom: number; maxzoom: number; attribution: string } | null;
  /** The areas' fill the map opens with (areaFill), so the first frame is drawn once, in its colours. */
  fill?: ExpressionSpecification | string;
}

export function baseStyle(opts: StyleOptions): StyleSpecification {
  // A hidden layer's source is not tiled: empty overlays cost nothing at each zoom step.
  const overlays = new Set<string>(OVERLAY_SOURCES);
  const all = layers(opts.fill).map((l) => ('source' in l && overlays.has(l.source) ? ({ ...l, layout: { ...l.layout, visibility: 'none' } } as LayerSpecification) : l));
  const style: StyleSpecification = {
    version: 8,
    sources: {
      [SOURCES.areas]: { type: 'vector', tiles: [opts.tiles.areas], minzoom: 0, maxzoom: TILE_MAX_ZOOM.areas },
      [SOURCES.points]: { type: 'vector', tiles: [opts.tiles.points], minzoom: 0, maxzoom: TILE_MAX_ZOOM.points },
      ...Object.fromEntries(OVERLAY_SOURCES.map((id) => [id, { type: 'geojson', data: EMPTY }])),
    },
    layers: all,
  };
  if (opts.basemap) {
    const { tiles, tileSize, minzoom, maxzoom, attribution } = opts.basemap;
    style.sources[SOURCES.basemap] = { type: 'raster', tiles, tileSize, minzoom, maxzoom, attribution };
    // Under the data, hidden until turned on.
    all.splice(1, 0, { id: 'basemap', type: 'raster', source: SOURCES.basemap, layout: { visibility: 'none' } });
  }
  return style;
}
