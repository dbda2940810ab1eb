import { createEffect, For, on } from 'solid-js';
import { GLOSSARY } from '../i18n/glossary';
import { lang, t } from '../i18n';
import { useAppStore } from '../state/store';

/** The help page: how to read the map, and the glossary. Loaded when first opened (App.tsx). */
export function HelpView(props: { onBack: () => void }) {
  const { state } = useAppStore();
  // Opened at one entry (`?view=help&term=<id>`): scroll it into view; it is highlighted by its class.
  createEffect(on(() => state.term, (term) => {
    if (term) queueMicrotask(() => document.getElementById(`term-${term}`)?.scrollIntoView({ block: 'start' }));
  }));
  return (
    <div class="desk-page help-page" data-testid="help-page">
      <p><button type="button" class="link" onClick={() => props.onBack()} data-testid="help-back">{t('help.back')}</button></p>
      <h2>{t('help.title')}</h2>
      <p>{t('help.intro')}</p>
      <h3>{t('help.glossary')}</h3>
      <dl class="glossary">
        <For each={GLOSSARY}>
          {(g) => (
            <div id={`term-${g.id}`} class="glossary-entry" classList={{ highlight: state.term === g.id }} data-testid={`term-${g.id}`} data-current={state.term === g.id}>
              <dt>{g.term[lang()]}</dt>
              <dd>{g.body[lang()]}</dd>
            </div>
          )}
        </For>
      </dl>
    </div>
  );
}
