import { For } from 'solid-js';
import { COVERAGE_STATUSES } from '../../../server/domain/coverage';
import { t } from '../i18n';
import { institutionIconUrl } from '../map/icons';
import { FACILITY_CLUSTER_COLOR, INSTITUTION_SHAPES, STATUS_COLORS } from '../map/palette';

/** What the colours and shapes mean, always visible. */
export function Legend() {
  return (
    <details class="legend" aria-label={t('legend')} open={window.innerWidth > 700}>
      <summary>{t('legend')}</summary>
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
      </ul>
    </details>
  );
}
