import { describe, expect, it } from 'vitest';
import { baseStyle, CLICKABLE_LAYERS, LAYERS } from '../../web/src/map/style';
import { STATUS_COLORS } from '../../web/src/map/palette';
import { COVERAGE_STATUSES } from '../../server/domain/coverage';

describe('the map style', () => {
  const style = baseStyle();
  it('needs no network: no glyphs, no sprite, only inline GeoJSON sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });
  it('points every layer at a source it defines', () => {
    for (const layer of LAYERS) if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
  });
  it('clusters the point layers', () => {
    expect(style.sources.facilities).toMatchObject({ cluster: true });
    expect(style.sources.institutions).toMatchObject({ cluster: true });
  });
  it('has a colour for every coverage status, and the clickable layers exist', () => {
    expect(Object.keys(STATUS_COLORS).sort()).toEqual([...COVERAGE_STATUSES].sort());
    for (const id of CLICKABLE_LAYERS) expect(LAYERS.map((l) => l.id)).toContain(id);
  });
});
