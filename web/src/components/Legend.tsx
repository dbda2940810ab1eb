import { For, Show } from 'solid-js';
import { COVERAGE_STATUSES } from '../../../server/domain/coverage';
import { FACILITY_TYPES, type FacilityTypeKey } from '../../../server/domain/facility-types';
import { lang, t } from '../i18n';
import { institutionIconUrl } from '../map/icons';
import { FACILITY_CLUSTER_COLOR, GAP_COLOR, INSTITUTION_SHAPES, MOSTLY_UNKNOWN_COLOR, NO_DATA_COLOR, SEEKING_COLOR, SHARE_RAMP, STATUS_COLORS } from '../map/palette';
import type { View } from '../state/app-state';

/** What the colours and shapes mean; in the 自治体 view also the choropleth's ramp. */
export function Legend(props: { view: View; type: FacilityTypeKey | 'all'; basemapAvailable: boolean; basemapOn: boolean; onBasemap: (on: boolean) => void }) {
  const typeName = () => (props.type === 'all' ? t('allTypes') : lang() === 'ja' ? FACILITY_TYPES[props.type].shortJa : FACILITY_TYPES[props.type].nameEn);
  return (
    <details class="legend" aria-label={t('legend')} open={window.innerWidth > 1000}>
      <summary>{t('legend')}</summary>
      <Show when={props.view === 'area'}>
        <h2>{t('shareLegend', { type: typeName() })}</h2>
        <div class="ramp" data-testid="share-ramp" style={{ background: `linear-gradient(to right, ${SHARE_RAMP.map(([v, c]) => `${c} ${v * 100}%`).join(', ')})` }} />
        <div class="ramp-labels"><span>0%</span><span>50%</span><span>100%</span></div>
        <ul>
          <li data-testid="legend-mostly-unknown"><span class="swatch-box" style={{ background: MOSTLY_UNKNOWN_COLOR }} /> <span class="muted">{t('mostlyUnknownLegend')}</span></li>
          <li><span class="swatch-box" style={{ background: NO_DATA_COLOR }} /> <span class="muted">{t('noFacilitiesOfType')}</span></li>
          <li><span class="swatch-dot ring" style={{ 'border-color': GAP_COLOR }} /> <span class="muted">{t('structuralGapLegend')}</span></li>
        </ul>
      </Show>
      <h2>{t('facilitiesLegend')}</h2>
      <ul>
        <For each={COVERAGE_STATUSES}>
          {(s) => (
            <li>
              <span class="swatch-dot" style={{ background: STATUS_COLORS[s] }} />
              <strong>{t(`status.${s}`)}</strong> <span class="muted">{t(`statusHelp.${s}`)}</span>
            </li>
          )}
        </For>
        <li>
          <span class="swatch-dot cluster" style={{ background: FACILITY_CLUSTER_COLOR }} />
          <span class="muted">{t('cluster')}</span>
        </li>
        <li><span class="swatch-dot ring" style={{ 'border-color': SEEKING_COLOR }} /> <span class="muted">{t('seekingLegend')}</span></li>
      </ul>
      <h2>{t('institutionsLegend')}</h2>
      <ul>
        <For each={INSTITUTION_SHAPES}>
          {(shape) => (
            <li>
              <img class="swatch-icon" src={institutionIconUrl(shape)} alt="" width="18" height="18" />
              <span>{t(`shape.${shape}`)}</span>
            </li>
          )}
        </For>
        <li><img class="swatch-icon" src={institutionIconUrl('full', true)} alt="" width="18" height="18" /> <span class="muted">{t('acceptingLegend')}</span></li>
      </ul>
      <Show when={props.basemapAvailable}>
        <label class="inline">
          <input type="checkbox" checked={props.basemapOn} onChange={(e) => props.onBasemap(e.currentTarget.checked)} data-testid="basemap-toggle" /> {t('basemap')}
        </label>
      </Show>
    </details>
  );
}
