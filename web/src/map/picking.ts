import * as maplibregl from 'maplibre-gl';
import { FACILITY_TYPES, type FacilityTypeKey } from '../../../server/domain/facility-types';
import { lang, t } from '../i18n';

/** What a click on the map picks. */
export type Pick = { kind: 'facility'; id: string } | { kind: 'institution'; code: string } | { kind: 'area'; code: string };

interface Choice {
  label: string;
  pick: Pick;
}

const typeName = (key: string) => {
  const type = FACILITY_TYPES[key as FacilityTypeKey];
  return type ? (lang() === 'ja' ? type.shortJa : type.nameEn) : key;
};

/** The distinct facilities and institutions under the pointer (clusters aside). */
export function uniqueChoices(hits: maplibregl.MapGeoJSONFeature[]): Choice[] {
  const seen = new Map<string, Choice>();
  for (const h of hits) {
    const p = h.properties as Record<string, string>;
    if (p.cluster) continue;
    const choice: Choice = h.layer.id === 'facility-point'
      ? { label: t('nameWithType', { name: String(p.name), type: typeName(p.type!) }), pick: { kind: 'facility', id: p.id! } }
      : { label: p.name!, pick: { kind: 'institution', code: p.code! } };
    seen.set(JSON.stringify(choice.pick), choice);
  }
  return [...seen.values()];
}

export function showChooser(map: maplibregl.Map, at: maplibregl.LngLat, choices: Choice[], onPick: (p: Pick) => void): void {
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
      onPick(c.pick);
    });
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }
  (list.querySelector('button') as HTMLButtonElement | null)?.focus();
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A one-line hover label for a map feature (HTML-escaped), or null for nothing. */
export function tooltipHtml(f: maplibregl.MapGeoJSONFeature, type: FacilityTypeKey | 'all'): string | null {
  const p = f.properties as Record<string, string | number | boolean>;
  const layer = f.layer.id;
  if (p.cluster) {
    const n = layer === 'facility-cluster' && type !== 'all' ? Number(p[`n_${type}`] ?? 0) : Number(p.point_count);
    return escape(t(layer === 'facility-cluster' ? 'tooltip.facilities' : 'tooltip.institutions', { n }));
  }
  if (layer === 'facility-point') {
    const flag = Number(p.flagKm) > 0 ? `<br>⚠ ${escape(t('positionFlag.outside_municipality', { km: Number(p.flagKm) }))}` : '';
    return `<strong>${escape(String(p.name))}</strong><br>${escape(typeName(String(p.type)))} · ${escape(t(`status.${p.status as 'covered'}`))}${flag}`;
  }
  if (layer === 'institution-point') {
    const offers = String(p.offersKey).replace('1', '①').replace('2', '②').replace('3', '③') || '—';
    return `<strong>${escape(String(p.name))}</strong><br>${escape(t(`kind.${p.kind as 'hospital'}`))} · ${escape(offers)}`;
  }
  if (layer === 'area-fill') {
    const n = Number(p[`n_${type}`] ?? 0);
    const k = Number(p[`k_${type}`] ?? 0);
    const c = Number(p[`c_${type}`] ?? 0);
    // The share is of the facilities whose partners are known; the unknown are said beside it.
    const share = n === 0 ? t('tooltip.noFacilities') : k === 0 ? t('tooltip.allUnknown', { n }) : t('tooltip.share', { c, k, pct: Math.round((100 * c) / k), u: n - k });
    return `<strong>${escape(String(p.name))}</strong><br>${escape(share)}`;
  }
  return null;
}
