import { createResource, For, Show } from 'solid-js';
import { municipalityCodeFrom5 } from '../../../server/domain/identifiers';
import { ApiRequestError, fetchTracker } from '../api';
import { LoadError } from '../components/LoadError';
import { t } from '../i18n';
import { typeLabel } from '../components/type-name';

/**
 * Who has filed the 届出書 with the selected area as designating authority (指定権者), this fiscal
 * year: a prefecture receives its non-地域密着 facilities' filings (outside 指定都市/中核市), a
 * municipality its 地域密着 ones (and all of them when it is a 指定都市 or 中核市).
 */
export function FilingTracker(props: { area: string }) {
  const authority = () => (props.area.startsWith('pref:') ? municipalityCodeFrom5(`${props.area.slice(5)}000`) : props.area);
  // An area that designates nothing (a town for non-地域密着 types only) has no tracker: 404 → none.
  const [tracker] = createResource(authority, (code) => fetchTracker(code).catch((e: unknown) => (e instanceof ApiRequestError && e.status === 404 ? null : Promise.reject(e))));
  return (
    <Show when={!tracker.error} fallback={<LoadError error={tracker.error} />}>
      <Show when={tracker.latest}>
        {(tr) => (
          <section data-testid="filing-tracker">
            <h3>{t('tracker.title', { fy: tr().fiscalYear })}</h3>
            <p>
              {t('tracker.counts', { filed: tr().counts.filed, notFiled: tr().counts.notFiled, overdue: tr().counts.overdue })}
              <Show when={tr().deadline}> · {t('tracker.deadline', { date: tr().deadline! })}</Show>
            </p>
            <ul class="rows">
              <For each={tr().facilities.filter((f) => f.status !== 'filed').slice(0, 20)}>
                {(f) => <li data-status={f.status}>{f.name} <span class="muted">{typeLabel(f.typeJa)}</span> · {t(`tracker.status.${f.status}`)}</li>}
              </For>
            </ul>
          </section>
        )}
      </Show>
    </Show>
  );
}
