import { For, Show } from 'solid-js';
import type { Meta } from '../api';
import { t } from '../i18n';

/** Every data source with its as-of date, and each attribution once. */
export function Sources(props: { meta: Meta | undefined }) {
  const sources = () => props.meta?.sources ?? [];
  const byLabel = () => sources().filter((s, i, all) => all.findIndex((o) => o.label === s.label) === i);
  const attributions = () => [...new Set(sources().map((s) => s.attribution))];
  return (
    <section class="sources-block" data-testid="sources">
      <h3>{t('sources')}</h3>
      <ul class="sources">
        <For each={byLabel()}>
          {(s) => (
            <li>
              {s.label}
              <Show when={s.asOf}>{(d) => <span class="muted">{t('paren', { text: t('asOf', { date: d() }) })}</span>}</Show>
            </li>
          )}
        </For>
      </ul>
      <For each={attributions()}>{(a) => <p class="muted attribution">{a}</p>}</For>
    </section>
  );
}
