import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { createEffect, onCleanup, onMount } from 'solid-js';
import type { FacilityCollection, InstitutionCollection, MunicipalityCollection } from '../api';
import { drawInstitutionIcon } from './icons';
import { INSTITUTION_SHAPES } from './palette';
import { baseStyle, CLICKABLE_LAYERS, LOCAL_FONT_FAMILY, SOURCES } from './style';

maplibregl.setWorkerUrl(workerUrl);

export type Selection = { kind: 'facility'; id: string } | { kind: 'institution'; code: string } | null;

export interface MapViewProps {
  municipalities: MunicipalityCollection | undefined;
  facilities: FacilityCollection | undefined;
  institutions: InstitutionCollection | undefined;
  /** [from, to] in [lng, lat] — the hovered candidate's line; null to clear. */
  line: [[number, number], [number, number]] | null;
  /** Position of the selected feature, ringed on the map. */
  selectedAt: [number, number] | null;
  attribution: string;
  onSelect: (selection: Selection) => void;
}

declare global {
  interface Window {
    /** The live map, for browser tests and debugging. */
    __renkeiMap?: maplibregl.Map;
  }
}

const withGeometry = <T extends { features: { geometry: unknown }[] }>(fc: T): GeoJSON.FeatureCollection =>
  ({ type: 'FeatureCollection', features: fc.features.filter((f) => f.geometry !== null) }) as unknown as GeoJSON.FeatureCollection;

function boundsOf(fc: MunicipalityCollection): maplibregl.LngLatBounds | null {
  const b = new maplibregl.LngLatBounds();
  let any = false;
  const visit = (coords: unknown): void => {
    if (typeof (coords as number[])[0] === 'number') {
      b.extend(coords as [number, number]);
      any = true;
    } else (coords as unknown[]).forEach(visit);
  };
  for (const f of fc.features) if (f.geometry) visit(f.geometry.coordinates);
  return any ? b : null;
}

interface Choice {
  label: string;
  selection: NonNullable<Selection>;
}

function uniqueChoices(hits: maplibregl.MapGeoJSONFeature[]): Choice[] {
  const seen = new Map<string, Choice>();
  for (const h of hits) {
    const p = h.properties as Record<string, unknown>;
    if (p.cluster) continue;
    const choice: Choice =
      h.layer.id === 'facility-point'
        ? { label: `${p.name as string}（${p.typeJa as string}）`, selection: { kind: 'facility', id: p.id as string } }
        : { label: p.name as string, selection: { kind: 'institution', code: p.code as string } };
    seen.set(JSON.stringify(choice.selection), choice);
  }
  return [...seen.values()];
}

function showChooser(map: maplibregl.Map, at: maplibregl.LngLat, choices: Choice[], onSelect: (s: Selection) => void): void {
  const list = document.createElement('ul');
  list.className = 'chooser';
  list.dataset.testid = 'chooser';
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '320px' }).setLngLat(at).setDOMContent(list).addTo(map);
  for (const c of choices) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = c.label;
    button.addEventListener('click', () => {
      popup.remove();
      onSelect(c.selection);
    });
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }
  (list.querySelector('button') as HTMLButtonElement | null)?.focus();
}

/** The one component that owns the MapLibre map: created on mount, removed on cleanup. */
export function MapView(props: MapViewProps) {
  let container!: HTMLDivElement;
  let map: maplibregl.Map | undefined;
  let markReady!: () => void;
  /** Resolves once the style has loaded; data set before that waits for it, in order. */
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let markFitted!: () => void;
  /** Resolves once the view has been fitted to the region: only then is a selection brought into view. */
  const fitted = new Promise<void>((resolve) => (markFitted = resolve));
  let didFit = false;

  const setData = (source: string, data: GeoJSON.FeatureCollection | GeoJSON.Feature) => {
    void ready.then(() => (map?.getSource(source) as maplibregl.GeoJSONSource | undefined)?.setData(data));
  };

  onMount(() => {
    map = new maplibregl.Map({
      container,
      style: baseStyle(),
      center: [137.0, 32.3],
      zoom: 8,
      localIdeographFontFamily: LOCAL_FONT_FAMILY,
      attributionControl: false,
    });
    window.__renkeiMap = map;
    map.once('load', () => markReady());
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
    for (const shape of INSTITUTION_SHAPES) map.addImage(`inst-${shape}`, drawInstitutionIcon(shape, ratio), { pixelRatio: ratio });

    map.on('idle', () => (document.body.dataset.mapIdle = 'true'));
    map.on('movestart', () => (document.body.dataset.mapIdle = 'false'));

    for (const layer of CLICKABLE_LAYERS) {
      map.on('mouseenter', layer, () => (map!.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map!.getCanvas().style.cursor = ''));
    }
    // eslint-disable-next-line solid/reactivity -- a MapLibre event handler, not a tracked scope
    map.on('click', (e) => {
      const hits = map!.queryRenderedFeatures(e.point, { layers: [...CLICKABLE_LAYERS] });
      const first = hits[0];
      if (!first) return;
      const p = first.properties as Record<string, unknown>;
      if (p.cluster) {
        const source = map!.getSource(first.source) as maplibregl.GeoJSONSource;
        void source.getClusterExpansionZoom(p.cluster_id as number).then((zoom) =>
          map!.easeTo({ center: (first.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.5 }),
        );
        return;
      }
      const choices = uniqueChoices(hits);
      if (choices.length === 1) props.onSelect(choices[0]!.selection);
      // Several points in one spot (wings of one home, a clinic inside a facility): let the user choose.
      else showChooser(map!, e.lngLat, choices, props.onSelect);
    });
  });

  createEffect(() => {
    const m = props.municipalities;
    if (!m) return;
    setData(SOURCES.municipalities, m as unknown as GeoJSON.FeatureCollection);
    setData(SOURCES.municipalityLabels, {
      type: 'FeatureCollection',
      features: m.features.flatMap((f) =>
        f.properties.labelPoint ? [{ type: 'Feature' as const, properties: { name: f.properties.name, kind: f.properties.kind }, geometry: { type: 'Point' as const, coordinates: f.properties.labelPoint } }] : [],
      ),
    });
    void ready.then(() => {
      const b = boundsOf(m);
      if (!didFit) {
        didFit = true;
        // Keep the region clear of the legend (bottom-left) on wide screens.
        const wide = container.clientWidth > 800;
        if (b) map!.fitBounds(b, { padding: { top: 30, bottom: 30, right: 30, left: wide ? 240 : 30 }, duration: 0 });
        markFitted();
      }
    });
  });
  createEffect(() => {
    const f = props.facilities;
    if (f) setData(SOURCES.facilities, withGeometry(f));
  });
  createEffect(() => {
    const i = props.institutions;
    if (i) setData(SOURCES.institutions, withGeometry(i));
  });
  createEffect(() => {
    const line = props.line;
    setData(SOURCES.candidateLine, {
      type: 'FeatureCollection',
      features: line ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } }] : [],
    });
  });
  createEffect(() => {
    const at = props.selectedAt;
    // Bring a selection made from a list or a link (not by clicking the map) into view.
    if (at) void fitted.then(() => !map!.getBounds().contains(at) && map!.easeTo({ center: at, zoom: Math.max(map!.getZoom(), 11), duration: 400 }));
    setData(SOURCES.selection, { type: 'FeatureCollection', features: at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] : [] });
  });

  onCleanup(() => {
    map?.remove();
    if (window.__renkeiMap === map) delete window.__renkeiMap;
  });

  return <div ref={container} class="map" data-testid="map" />;
}
