import { createSignal, For, Show } from 'solid-js';
import { COVERAGE_STATUSES } from '../../../server/domain/coverage';
import { FACILITY_TYPES, type FacilityTypeKey } from '../../../server/domain/facility-types';
import { lang, t } from '../i18n';
import { institutionIconUrl } from '../map/icons';
import type { HighlightKind, LineKind, Overlay } from '../map/overlays';
import {
  COMBINATION_COLOR, FACILITY_CLUSTER_COLOR, GAP_COLOR, INSTITUTION_CLUSTER_COLOR, INSTITUTION_SHAPES, LINE_COLOR, MOSTLY_UNKNOWN_COLOR, NO_DATA_COLOR, PLAN_COLOR,
  RING_COLOR, SEEKING_COLOR, SEEKING_HIGHLIGHT_COLOR, SELECTION_COLOR, SHARE_RAMP, STATUS_COLORS,
} from '../map/palette';
import type { View } from '../state/app-state';

/** Whether the legend is unfolded: remembered for the session; folded at first on a narrow screen (a phone). */
const STORAGE_KEY = 'renkei.legend.open';
const NARROW = '(max-width: 1000px)';
function initialOpen(): boolean {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  return saved === null ? !window.matchMedia(NARROW).matches : saved === 'true';
}

const LINE_COLORS: Record<LineKind, string> = { candidate: LINE_COLOR, combination: COMBINATION_COLOR, plan: PLAN_COLOR };
const HIGHLIGHT_COLORS: Record<HighlightKind, string> = { gap: GAP_COLOR, seeking: SEEKING_HIGHLIGHT_COLOR, 'seeking-a253': SEEKING_COLOR };

/**
 * What every symbol on the map means (style.ts draws them; palette.ts colours both): the facilities'
 * status and clusters, the institutions' shapes, clusters and accepting halo, in the 自治体 view the
 * choropleth's ramp, and whichever overlay (rings, lines, highlights, the selection) is drawn now.
 * A button folds it away.
 */
export function Legend(props: { view: View; type: FacilityTypeKey | 'all'; overlay: Overlay; selection: boolean; basemapAvailable: boolean; basemapOn: boolean; onBasemap: (on: boolean) => void }) {
  const [open, setOpen] = createSignal(initialOpen());
  const toggle = () => {
    setOpen(!open());
    sessionStorage.setItem(STORAGE_KEY, String(open()));
  };
  const typeName = () => (props.type === 'all' ? t('allTypes') : lang() === 'ja' ? FACILITY_TYPES[props.type].shortJa : FACILITY_TYPES[props.type].nameEn);
  const lineKinds = () => [...new Set(props.overlay.lines.map((l) => l.properties.kind))];
  const highlightKinds = () => [...new Set(props.overlay.highlights.map((h) => h.properties.kind))].filter((k) => k !== 'gap' || props.view !== 'area');
  const overlayShown = () => props.selection || props.overlay.rings.length > 0 || lineKinds().length > 0 || highlightKinds().length > 0;
  return (
    <section class="legend" classList={{ folded: !open() }} aria-label={t('legend')} data-testid="legend">
      <button type="button" class="legend-toggle" aria-expanded={open()} aria-controls="legend-body" onClick={toggle} data-testid="legend-toggle">
        {t('legend')} <span aria-hidden="true">{open() ? '▾' : '▸'}</span>
        <span class="visually-hidden">{open() ? t('legend.fold') : t('legend.unfold')}</span>
      </button>
      <Show when={open()}>
        <div id="legend-body" class="legend-body" data-testid="legend-body">
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
                <li data-testid={`legend-status-${s}`}>
                  <span class="swatch-dot" style={{ background: STATUS_COLORS[s] }} />
                  <strong>{t(`status.${s}`)}</strong> <span class="muted">{t(`statusHelp.${s}`)}</span>
                </li>
              )}
            </For>
            <li><span class="swatch-dot seeking" style={{ background: STATUS_COLORS.none, 'box-shadow': `0 0 0 3px ${SEEKING_COLOR}` }} /> <span class="muted">{t('seekingLegend')}</span></li>
            <li data-testid="legend-facility-cluster">
              <span class="swatch-dot cluster" style={{ background: FACILITY_CLUSTER_COLOR }} />
              <span class="muted">{t('cluster')}</span>
            </li>
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
            <li data-testid="legend-institution-cluster">
              <span class="swatch-dot cluster" style={{ background: INSTITUTION_CLUSTER_COLOR }} />
              <span class="muted">{t('legend.institutionCluster')}</span>
            </li>
          </ul>
          <Show when={overlayShown()}>
            <h2>{t('legend.overlays')}</h2>
            <ul data-testid="legend-overlays">
              <Show when={props.selection}>
                <li><span class="swatch-dot ring" style={{ 'border-color': SELECTION_COLOR }} /> <span class="muted">{t('legend.selection')}</span></li>
              </Show>
              <Show when={props.overlay.rings.length > 0}>
                <li data-testid="legend-rings"><span class="swatch-line dashed" style={{ 'border-color': RING_COLOR }} /> <span class="muted">{t('legend.rings')}</span></li>
              </Show>
              <For each={lineKinds()}>
                {(k) => <li data-testid={`legend-line-${k}`}><span class="swatch-line dashed" style={{ 'border-color': LINE_COLORS[k] }} /> <span class="muted">{t(`legend.line.${k}`)}</span></li>}
              </For>
              <For each={highlightKinds()}>
                {(k) => <li data-testid={`legend-highlight-${k}`}><span class="swatch-dot ring" style={{ 'border-color': HIGHLIGHT_COLORS[k] }} /> <span class="muted">{t(`legend.highlight.${k}`)}</span></li>}
              </For>
            </ul>
          </Show>
          <Show when={props.basemapAvailable}>
            <label class="inline">
              <input type="checkbox" checked={props.basemapOn} onChange={(e) => props.onBasemap(e.currentTarget.checked)} data-testid="basemap-toggle" /> {t('basemap')}
            </label>
          </Show>
        </div>
      </Show>
    </section>
  );
}
