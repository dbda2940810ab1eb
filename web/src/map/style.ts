import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { FACILITY_CLUSTER_COLOR, INSTITUTION_COLOR, LAND_COLOR, LINE_COLOR, SEA_COLOR, STATUS_COLORS } from './palette';

/**
 * The map style as plain data: no remote source, no glyphs or sprite URL, so it renders offline.
 * Text uses the system's fonts (MapLibre's local glyph rendering; fonts-noto-cjk for Japanese).
 */
export const SOURCES = {
  municipalities: 'municipalities',
  /** One point per municipality to hang its name on (polygon labels repeat per tile). */
  municipalityLabels: 'municipality-labels',
  facilities: 'facilities',
  institutions: 'institutions',
  candidateLine: 'candidate-line',
  selection: 'selection',
} as const;

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export const LOCAL_FONT_FAMILY = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif';

const statusColor: ExpressionSpecification = [
  'match', ['get', 'status'],
  'covered', STATUS_COLORS.covered,
  'partial', STATUS_COLORS.partial,
  'none', STATUS_COLORS.none,
  STATUS_COLORS.unknown,
];

/** Icon key by the `offersKey` ("123", "12", "3", ""): see icons.ts. */
export const institutionIcon: ExpressionSpecification = [
  'case',
  ['all', ['in', '3', ['get', 'offersKey']], ['any', ['in', '1', ['get', 'offersKey']], ['in', '2', ['get', 'offersKey']]]], 'inst-full',
  ['in', '3', ['get', 'offersKey']], 'inst-admit',
  ['any', ['in', '1', ['get', 'offersKey']], ['in', '2', ['get', 'offersKey']]], 'inst-primary',
  'inst-none',
];

/** A cluster circle (sized by count: <10, <50, more) and its count label. */
function clusterLayers(prefix: string, source: string, color: string, radii: [number, number, number], textSize: number): LayerSpecification[] {
  return [
    {
      id: `${prefix}-cluster`, type: 'circle', source, filter: ['has', 'point_count'],
      paint: { 'circle-color': color, 'circle-opacity': 0.85, 'circle-radius': ['step', ['get', 'point_count'], radii[0], 10, radii[1], 50, radii[2]], 'circle-stroke-width': 1.5, 'circle-stroke-color': '#FFFFFF' },
    },
    {
      id: `${prefix}-cluster-count`, type: 'symbol', source, filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': textSize, 'text-font': ['sans-serif'] },
      paint: { 'text-color': '#FFFFFF' },
    },
  ];
}

export const LAYERS: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': SEA_COLOR } },
  {
    id: 'municipality-fill', type: 'fill', source: SOURCES.municipalities,
    filter: ['!=', ['get', 'kind'], 'designated_city'],
    paint: { 'fill-color': LAND_COLOR, 'fill-outline-color': '#B9B1A0' },
  },
  {
    id: 'municipality-line', type: 'line', source: SOURCES.municipalities,
    filter: ['!=', ['get', 'kind'], 'designated_city'],
    paint: { 'line-color': '#9C9383', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 12, 1.6] },
  },
  {
    // 政令市: its outline drawn thicker over its wards' lines.
    id: 'designated-city-line', type: 'line', source: SOURCES.municipalities,
    filter: ['==', ['get', 'kind'], 'designated_city'],
    paint: { 'line-color': '#6B6253', 'line-width': 2.2, 'line-dasharray': [3, 1.5] },
  },
  {
    id: 'candidate-line', type: 'line', source: SOURCES.candidateLine,
    paint: { 'line-color': LINE_COLOR, 'line-width': 3.5, 'line-dasharray': [2, 1] },
  },
  ...clusterLayers('institution', SOURCES.institutions, INSTITUTION_COLOR, [12, 15, 19], 11),
  {
    id: 'institution-point', type: 'symbol', source: SOURCES.institutions, filter: ['!', ['has', 'point_count']],
    layout: { 'icon-image': institutionIcon, 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.7, 13, 1] },
  },
  ...clusterLayers('facility', SOURCES.facilities, FACILITY_CLUSTER_COLOR, [13, 16, 20], 12),
  {
    id: 'facility-point', type: 'circle', source: SOURCES.facilities, filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': statusColor,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 13, 8],
      'circle-stroke-width': 1.5,
      'circle-stroke-color': '#FFFFFF',
    },
  },
  {
    id: 'selection-ring', type: 'circle', source: SOURCES.selection,
    paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': '#000000' },
  },
  {
    // Names on top: circles never hide them, and clicks query the point layers only.
    id: 'municipality-label', type: 'symbol', source: SOURCES.municipalityLabels,
    filter: ['!=', ['get', 'kind'], 'designated_city'],
    layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-font': ['sans-serif'], 'symbol-placement': 'point' },
    paint: { 'text-color': '#5B5448', 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.5 },
  },
];

/** Layers a click can select, topmost first. */
export const CLICKABLE_LAYERS = ['facility-point', 'facility-cluster', 'institution-point', 'institution-cluster'] as const;

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCES.municipalities]: { type: 'geojson', data: EMPTY },
      [SOURCES.municipalityLabels]: { type: 'geojson', data: EMPTY },
      [SOURCES.facilities]: { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 24, clusterMaxZoom: 7 },
      [SOURCES.institutions]: { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 22, clusterMaxZoom: 7 },
      [SOURCES.candidateLine]: { type: 'geojson', data: EMPTY },
      [SOURCES.selection]: { type: 'geojson', data: EMPTY },
    },
    layers: LAYERS,
  };
}
