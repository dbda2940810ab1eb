import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { createEffect, createMemo, on, onCleanup, onMount, untrack } from 'solid-js';
import type { FacilityTypeKey } from '../../../server/domain/facility-types';
import type { Meta } from '../api';
import type { View } from '../state/app-state';
import { drawInstitutionIcon } from './icons';
import { collection, type LngLat, type Overlay } from './overlays';
import { INSTITUTION_SHAPES } from './palette';
import { areaFill, baseStyle, clusterCount, facilityClusterFilter, facilityPointFilter, LOCAL_FONT_FAMILY, OVERLAY_LAYERS, POINT_LAYERS, POINTS_FROM_ZOOM, SOURCES, type OverlaySource, type TileSetName } from './style';
import { showChooser, tooltipHtml, uniqueChoices, type Pick } from './picking';

maplibregl.setWorkerUrl(workerUrl);
// Two workers cut tiles apart while the page draws (MapLibre's default is half the cores: one here).
maplibregl.setWorkerCount(Math.max(2, Math.floor((navigator.hardwareConcurrency || 2) / 2)));
// The workers load their script while the page renders and asks for its data, not once the map is
// created (MapLibre's prewarm).
maplibregl.prewarm();

export type { Pick };

export interface MapViewProps {
  /** Vector tile URL template of each set; they change with the data version. */
  tiles: Record<TileSetName, string>;
  /** Where the map opens: the data's box. */
  initialBounds: [number, number, number, number] | null;
  basemap: Meta['basemap'];
  basemapOn: boolean;
  view: View;
  type: FacilityTypeKey | 'all';
  /** Municipality (or 政令市) outlined as the selected area. */
  selectedArea: string | null;
  overlay: Overlay;
  /** Position of the selected facility or institution, ringed on the map and brought into view. */
  selectedAt: LngLat | null;
  /** Fit the map to this box whenever `key` changes. */
  fitTo: { key: string; bbox: [number, number, number, number] } | null;
  attribution: string;
  onPick: (pick: Pick) => void;
}

/** Room around a fitted area: clear of the legend (bottom-left) on wide screens. */
const fitPadding = (el: HTMLElement) => ({ top: 40, bottom: 40, right: 40, left: el.clientWidth > 800 ? 250 : 40 });

type Padding = { top: number; bottom: number; left: number; right: number };
/** What may lie over the map: the legend, and the panel where a layout lays it over the map. */
const COVERING = '.legend, .panel, .maplibregl-ctrl-top-left, .maplibregl-ctrl-bottom-right';

/**
 * Room around a box fitted into the part of the map nothing covers: each element lying over the
 * map pushes in the side it takes the least from (the folded legend the bottom, a panel over the
 * map its side), then 16 px more; never more than 60% of the map's width or height, where
 * MapLibre could not fit at all.
 */
function clearPadding(el: HTMLElement): Padding {
  const c = el.getBoundingClientRect();
  const pad: Padding = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const cover of document.querySelectorAll<HTMLElement>(COVERING)) {
    const r = cover.getBoundingClientRect();
    if (r.width === 0 || r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom) continue;
    const cuts: [keyof Padding, number][] = [['top', r.bottom - c.top], ['bottom', c.bottom - r.top], ['left', r.right - c.left], ['right', c.right - r.left]];
    const [side, by] = cuts.reduce((a, b) => (b[1] < a[1] ? b : a));
    pad[side] = Math.max(pad[side], by);
  }
  const fit = (a: number, b: number, size: number) => {
    const k = Math.min(1, (size * 0.6) / (a + b + 32 || 1));
    return [Math.round((a + 16) * k), Math.round((b + 16) * k)] as const;
  };
  const [top, bottom] = fit(pad.top, pad.bottom, c.height);
  const [left, right] = fit(pad.left, pad.right, c.width);
  return { top, bottom, left, right };
}

declare global {
  interface Window {
    /** The live map, for browser tests and debugging. */
    __renkeiMap?: maplibregl.Map;
  }
}

const sameBox = (a: readonly number[], b: readonly number[] | null) => b !== null && a.length === b.length && a.every((v, i) => v === b[i]);

/** The one component that owns the MapLibre map: created on mount, removed on cleanup. */
export function MapView(props: MapViewProps) {
  let container!: HTMLDivElement;
  let map!: maplibregl.Map;
  let markReady!: () => void;
  /**
   * Resolves once the style is parsed (not when its tiles are in): changes made before wait for it, in
   * order, and go out with the first tile requests instead of redrawing a finished map.
   */
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const whenReady = (f: () => void) => void ready.then(f);
  // Each overlay source is sent its data only when it differs from what it holds: a new but equal
  // collection would be tiled again in the worker and the map redrawn for nothing.
  // Its layers are shown only while it holds something (they start hidden: style.ts).
  const sent = new Map<string, string>();
  const setData = (source: OverlaySource, data: GeoJSON.FeatureCollection) => {
    const key = JSON.stringify(data.features);
    if ((sent.get(source) ?? '[]') === key) return;
    sent.set(source, key);
    whenReady(() => {
      (map.getSource(source) as maplibregl.GeoJSONSource | undefined)?.setData(data);
      for (const id of OVERLAY_LAYERS[source]) map.setLayoutProperty(id, 'visibility', data.features.length > 0 ? 'visible' : 'none');
    });
  };
  // The first fit is not made when the map opened there already: on a link's position (#map=…),
  // which it keeps, or on the same box (the whole data, given as initialBounds).
  let firstFit = true;
  const openedOnLink = /[#&]map=/.test(location.hash);

  onMount(() => {
    map = new maplibregl.Map({
      container,
      style: baseStyle({ tiles: props.tiles, basemap: props.basemap, fill: areaFill(props.view, props.type) }),
      // Opens on the data at once (a link's #map=… position wins), no tiles loaded for a view then left.
      ...(props.initialBounds ? { bounds: props.initialBounds, fitBoundsOptions: { padding: fitPadding(container) } } : { center: [137.0, 36.0] as [number, number], zoom: 4.5 }),
      hash: 'map',
      // The style is built in code and checked against the style spec by test/web/style.test.ts;
      // validating it again on every load and filter change only costs the first frame.
      validateStyle: false,
      // No symbol fade: labels and icons appear at once, and the map is idle as soon as it is drawn.
      fadeDuration: 0,
      localIdeographFontFamily: LOCAL_FONT_FAMILY,
      attributionControl: false,
    });
    window.__renkeiMap = map;
    map.once('style.load', () => markReady());
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: props.attribution }), 'bottom-right');
    // Start with the credits folded behind their (i) button: expanded they cover the legend.
    map.once('idle', () => {
      const attrib = container.querySelector('.maplibregl-ctrl-attrib');
      attrib?.removeAttribute('open');
      attrib?.classList.remove('maplibregl-compact-show');
    });
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    for (const shape of INSTITUTION_SHAPES) {
      map.addImage(`inst-${shape}`, drawInstitutionIcon(shape, ratio), { pixelRatio: ratio });
      map.addImage(`inst-${shape}-accepting`, drawInstitutionIcon(shape, ratio, true), { pixelRatio: ratio });
    }

    map.on('idle', () => (document.body.dataset.mapIdle = 'true'));
    map.on('movestart', () => (document.body.dataset.mapIdle = 'false'));
    map.on('dataloading', () => (document.body.dataset.mapIdle = 'false'));

    const tooltip = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'map-tooltip', offset: 12, maxWidth: '280px' });
    const hoverLayers = () => (props.view === 'area' ? [...POINT_LAYERS, 'area-fill'] : [...POINT_LAYERS]);
    // eslint-disable-next-line solid/reactivity -- a MapLibre event handler, not a tracked scope
    map.on('mousemove', (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: hoverLayers() })[0];
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      const html = hit ? tooltipHtml(hit, props.type) : null;
      if (html) tooltip.setLngLat(e.lngLat).setHTML(html).addTo(map);
      else tooltip.remove();
    });
    map.getCanvas().addEventListener('mouseleave', () => tooltip.remove());

    // eslint-disable-next-line solid/reactivity -- a MapLibre event handler, not a tracked scope
    map.on('click', (e) => {
      const hits = map.queryRenderedFeatures(e.point, { layers: [...POINT_LAYERS] });
      const first = hits[0];
      if (first?.properties.cluster) {
        map.easeTo({ center: (first.geometry as GeoJSON.Point).coordinates as LngLat, zoom: Math.min(map.getZoom() + 2, 12) });
        return;
      }
      const choices = uniqueChoices(hits);
      if (choices.length === 1) props.onPick(choices[0]!.pick);
      // Several points in one spot (wings of one home, a clinic inside a facility): let the user choose.
      else if (choices.length > 1) showChooser(map, e.lngLat, choices, props.onPick);
      else if (props.view === 'area') {
        const area = map.queryRenderedFeatures(e.point, { layers: ['area-fill'] })[0];
        if (area) props.onPick({ kind: 'area', code: String(area.properties.code) });
      }
    });
  });

  for (const set of ['areas', 'points'] as const) {
    createEffect(on(() => props.tiles[set], (url) => whenReady(() => (map.getSource(SOURCES[set]) as maplibregl.VectorTileSource).setTiles([url])), { defer: true }));
  }
  createEffect(() => {
    const fill = areaFill(props.view, props.type);
    const basemapOn = props.basemapOn && props.basemap !== null;
    whenReady(() => {
      map.setPaintProperty('area-fill', 'fill-color', fill);
      map.setPaintProperty('area-fill', 'fill-opacity', basemapOn ? (props.view === 'area' ? 0.6 : 0.15) : 1);
      if (props.basemap) map.setLayoutProperty('basemap', 'visibility', basemapOn ? 'visible' : 'none');
    });
  });
  createEffect(() => {
    const type = props.view === 'area' ? props.type : 'all';
    whenReady(() => {
      map.setFilter('facility-point', facilityPointFilter(type));
      for (const id of ['facility-cluster', 'facility-cluster-count']) map.setFilter(id, facilityClusterFilter(type));
      map.setLayoutProperty('facility-cluster-count', 'text-field', ['to-string', clusterCount(type)]);
    });
  });
  createEffect(() => {
    const code = props.selectedArea ?? '';
    whenReady(() => {
      // With nothing selected the outline layers are hidden, as empty overlays are: a layer that
      // draws nothing is not laid out in every tile of every zoom step.
      for (const id of ['area-selected', 'city-selected']) {
        map.setFilter(id, ['==', ['get', 'code'], code]);
        map.setLayoutProperty(id, 'visibility', code ? 'visible' : 'none');
      }
    });
  });
  // Widen the view (never narrow it) to the places the view wants seen together.
  createEffect(
    on(
      () => (props.overlay.focus ?? []).join(';'),
      () => {
        const focus = props.overlay.focus ?? [];
        if (focus.length < 2 || fromLink()) return;
        whenReady(() => {
          const pad = fitPadding(container);
          const inView = (p: LngLat) => {
            const { x, y } = map.project(p);
            return x >= pad.left && x <= container.clientWidth - pad.right && y >= pad.top && y <= container.clientHeight - pad.bottom;
          };
          if (focus.every(inView)) return;
          const box = new maplibregl.LngLatBounds(focus[0], focus[0]);
          for (const p of focus) box.extend(p);
          map.fitBounds(box, { padding: pad, maxZoom: map.getZoom(), duration: 400 });
        });
      },
      { defer: true },
    ),
  );
  // Fit a frame the view asked for (the rings just chosen) once per key, whole in the uncovered map.
  createEffect(
    on(
      () => props.overlay.frame?.key,
      (key) => {
        const frame = props.overlay.frame;
        if (!key || !frame) return;
        whenReady(() => map.fitBounds(frame.bbox, { padding: clearPadding(container), duration: 0, maxZoom: 14 }));
      },
      { defer: true },
    ),
  );
  createEffect(() => {
    setData(SOURCES.lines, collection(props.overlay.lines));
    setData(SOURCES.rings, collection(props.overlay.rings));
    setData(SOURCES.highlights, collection(props.overlay.highlights));
  });
  // A memo, so the fit is made when the key changes, not whenever a new but equal target is passed.
  const fitKey = createMemo(() => props.fitTo?.key);
  createEffect(
    on(
      fitKey,
      () => {
        const target = props.fitTo;
        if (!target) return;
        if (firstFit) {
          firstFit = false;
          if (openedOnLink || sameBox(target.bbox, untrack(() => props.initialBounds))) return;
        }
        whenReady(() => map.fitBounds(target.bbox, { padding: fitPadding(container), duration: 0, maxZoom: 13 }));
      },
    ),
  );
  // A link with a map position opens there and stays while its selection is the one it was opened with.
  const openedAt = /[#&]map=/.test(location.hash) ? String(untrack(() => props.selectedAt)) : null;
  const fromLink = () => openedAt !== null && openedAt === String(props.selectedAt);
  createEffect(() => {
    const at = props.selectedAt;
    // Bring a selection made from a list, a search or the map into view, close enough to stand out of
    // its cluster.
    if (at && !fromLink()) whenReady(() => (!map.getBounds().contains(at) || map.getZoom() < POINTS_FROM_ZOOM) && map.easeTo({ center: at, zoom: Math.max(map.getZoom(), POINTS_FROM_ZOOM), duration: 400 }));
    setData(SOURCES.selection, collection(at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] : []));
  });

  onCleanup(() => {
    map?.remove();
    if (window.__renkeiMap === map) delete window.__renkeiMap;
  });

  return <div ref={container} class="map" data-testid="map" />;
}
