import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { fetchFacilities, fetchInstitutions, fetchMeta, fetchMunicipalities, type Candidate } from './api';
import { Legend } from './components/Legend';
import { lang, setLang, t } from './i18n';
import { MapView, type Selection } from './map/MapView';
import { FacilityPanel } from './views/FacilityPanel';
import { InstitutionPanel } from './views/InstitutionPanel';

function selectionFromUrl(): Selection {
  const q = new URLSearchParams(location.search);
  const f = q.get('facility');
  const i = q.get('institution');
  return f ? { kind: 'facility', id: f } : i ? { kind: 'institution', code: i } : null;
}

/** Keeps the selection and language in the URL so a link reproduces the screen. */
function writeUrl(sel: Selection): void {
  const q = new URLSearchParams(location.search);
  q.delete('facility');
  q.delete('institution');
  if (sel?.kind === 'facility') q.set('facility', sel.id);
  if (sel?.kind === 'institution') q.set('institution', sel.code);
  if (lang() === 'en') q.set('lang', 'en');
  else q.delete('lang');
  const s = q.toString();
  history.replaceState(null, '', `${location.pathname}${s ? `?${s}` : ''}${location.hash}`);
}

export function App() {
  const [meta] = createResource(fetchMeta);
  const [municipalities] = createResource(fetchMunicipalities);
  const [facilities] = createResource(fetchFacilities);
  const [institutions] = createResource(fetchInstitutions);
  const [selection, setSelectionRaw] = createSignal<Selection>(selectionFromUrl());
  const [line, setLine] = createSignal<[[number, number], [number, number]] | null>(null);

  const select = (s: Selection) => {
    setLine(null);
    setSelectionRaw(s);
    writeUrl(s);
  };
  const toggleLang = () => {
    setLang(lang() === 'ja' ? 'en' : 'ja');
    document.documentElement.lang = lang();
    writeUrl(selection());
  };
  const onHoverCandidate = (c: Candidate | null, from: [number, number] | null) =>
    setLine(c && from ? [from, [c.institution.lng, c.institution.lat]] : null);

  const selectedAt = createMemo<[number, number] | null>(() => {
    const s = selection();
    if (!s) return null;
    const feature =
      s.kind === 'facility'
        ? facilities()?.features.find((f) => f.properties.id === s.id)
        : institutions()?.features.find((f) => f.properties.code === s.code);
    return feature?.geometry ? feature.geometry.coordinates : null;
  });

  const attribution = () =>
    (meta()?.sources ?? [])
      .map((s) => s.attribution)
      .filter((a, i, all) => a && all.indexOf(a) === i)
      .join(' | ');

  return (
    <div class="app" data-lang={lang()}>
      <header class="topbar">
        <h1>
          {t('appTitle')} <span class="subtitle">{t('appSubtitle')}</span>
        </h1>
        <Show when={meta()?.fictional}>
          <span class="fictional-badge" title={t('fictionalNote')} data-testid="fictional-badge">
            {t('fictional')}
          </span>
        </Show>
        <button class="lang-toggle" type="button" onClick={toggleLang}>
          {t('language')}
        </button>
      </header>
      <main class="layout">
        <div class="map-wrap">
          <Show when={meta()} fallback={<div class="map-loading">{meta.error ? t('loadFailed') : t('loading')}</div>}>
            <MapView
              municipalities={municipalities()}
              facilities={facilities()}
              institutions={institutions()}
              line={line()}
              selectedAt={selectedAt()}
              attribution={attribution()}
              onSelect={select}
            />
          </Show>
          <Legend />
        </div>
        <aside class="panel" aria-live="polite">
          <Switch fallback={<Intro sources={meta()?.sources ?? []} />}>
            <Match when={selection()?.kind === 'facility' && (selection() as { id: string }).id}>
              {(id) => (
                <>
                  <button class="close" type="button" onClick={() => select(null)} aria-label={t('close')}>×</button>
                  <FacilityPanel
                    id={id()}
                    onHoverCandidate={onHoverCandidate}
                    onSelectInstitution={(code) => select({ kind: 'institution', code })}
                    onSelectFacility={(fid) => select({ kind: 'facility', id: fid })}
                  />
                </>
              )}
            </Match>
            <Match when={selection()?.kind === 'institution' && (selection() as { code: string }).code}>
              {(code) => (
                <>
                  <button class="close" type="button" onClick={() => select(null)} aria-label={t('close')}>×</button>
                  <InstitutionPanel code={code()} onSelectFacility={(id) => select({ kind: 'facility', id })} />
                </>
              )}
            </Match>
          </Switch>
        </aside>
      </main>
    </div>
  );
}

function Intro(props: { sources: { label: string; asOf: string | null; attribution: string; fictional: boolean }[] }) {
  const byLabel = () => props.sources.filter((s, i, all) => all.findIndex((o) => o.label === s.label) === i);
  const attributions = () => [...new Set(props.sources.map((s) => s.attribution))];
  return (
    <div class="intro">
      <p>{t('clickHint')}</p>
      <h3>{t('sources')}</h3>
      <ul class="sources">
        <For each={byLabel()}>
          {(s) => (
            <li>
              {s.label}
              <Show when={s.asOf}>{(d) => <span class="muted">（{t('asOf', { date: d() })}）</span>}</Show>
            </li>
          )}
        </For>
      </ul>
      <For each={attributions()}>{(a) => <p class="muted attribution">{a}</p>}</For>
    </div>
  );
}
