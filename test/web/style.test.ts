import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { COVERAGE_STATUSES } from '../../server/domain/coverage';
import { BASEMAPS } from '../../server/features/shared/basemaps';
import { CLUSTER_MAX_ZOOM, TILE_SETS } from '../../server/features/tiles/tile-store';
import { areaFill, baseStyle, facilityClusterFilter, facilityPointFilter, layersOf, OVERLAY_SOURCES, POINT_LAYERS, POINTS_FROM_ZOOM, TILE_MAX_ZOOM } from '../../web/src/map/style';
import { LAND_COLOR, STATUS_COLORS } from '../../web/src/map/palette';

const TILES = { areas: 'http://127.0.0.1:8787/api/tiles/areas/{z}/{x}/{y}?v=1', points: 'http://127.0.0.1:8787/api/tiles/points/{z}/{x}/{y}?v=1' };

describe('the map style', () => {
  const style = baseStyle({ tiles: TILES, basemap: null });
  it('is valid MapLibre style and needs no network beyond the app: no glyphs, no sprite, our tiles and inline GeoJSON', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      if (source.type === 'vector') expect(Object.values(TILES)).toContain(source.tiles![0]);
      else expect(source).toMatchObject({ type: 'geojson', data: { type: 'FeatureCollection' } });
    }
  });
  it('points every layer at a source it defines, and has the layers clicks pick from', () => {
    for (const layer of style.layers) if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    for (const id of POINT_LAYERS) expect(style.layers.map((l) => l.id)).toContain(id);
    expect(Object.keys(STATUS_COLORS).sort()).toEqual([...COVERAGE_STATUSES].sort());
  });
  it('starts each overlay empty with its layers hidden, so the map tiles no empty source at each zoom step', () => {
    for (const source of OVERLAY_SOURCES) {
      expect(style.sources[source]).toMatchObject({ type: 'geojson', data: { features: [] } });
      const ids = layersOf(source, style.layers);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(style.layers.find((l) => l.id === id)).toMatchObject({ layout: { visibility: 'none' } });
    }
    // The data layers are drawn from the start.
    for (const id of ['area-fill', 'facility-point', 'institution-point']) expect(style.layers.find((l) => l.id === id)?.layout?.visibility).toBeUndefined();
  });
  it('colours areas by the share covered of the chosen type only in the 自治体 view', () => {
    expect(areaFill('facility', 'tokuyo')).toBe(LAND_COLOR);
    expect(JSON.stringify(areaFill('area', 'tokuyo'))).toContain('c_tokuyo');
    expect(JSON.stringify(areaFill('area', 'all'))).toContain('n_all');
    const withFill = { ...style, layers: style.layers.map((l) => (l.id === 'area-fill' ? { ...l, paint: { 'fill-color': areaFill('area', 'roken') } } : l)) };
    expect(validateStyleMin(withFill as never)).toEqual([]);
  });
  it('filters facility points and clusters by type', () => {
    expect(JSON.stringify(facilityPointFilter('group_home'))).toContain('group_home');
    expect(JSON.stringify(facilityClusterFilter('group_home'))).toContain('n_group_home');
    const filtered = { ...style, layers: style.layers.map((l) => (l.id === 'facility-point' ? { ...l, filter: facilityPointFilter('roken') } : l.id === 'facility-cluster' ? { ...l, filter: facilityClusterFilter('roken') } : l)) };
    expect(validateStyleMin(filtered as never)).toEqual([]);
  });
  it('adds the online basemap only when the server offers one, hidden until turned on, credited', () => {
    expect(style.sources.basemap).toBeUndefined();
    const online = baseStyle({ tiles: TILES, basemap: BASEMAPS['gsi-pale'] });
    expect(validateStyleMin(online)).toEqual([]);
    expect(online.sources.basemap).toMatchObject({ type: 'raster', tiles: ['https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png'] });
    expect((online.sources.basemap as { attribution: string }).attribution).toContain('地理院タイル');
    expect(online.layers.find((l) => l.id === 'basemap')).toMatchObject({ layout: { visibility: 'none' } });
  });
});

describe('the map and the server agree on the tiles', () => {
  it('asks each set no deeper than the server cuts it, and zooms a selection to where points stand alone', () => {
    expect(TILE_MAX_ZOOM).toEqual(TILE_SETS);
    expect(POINTS_FROM_ZOOM).toBe(CLUSTER_MAX_ZOOM + 1);
  });
});
