import { createEffect, createMemo, createResource, createSignal, For, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { fetchAreas, fetchMeta } from './api';
import { AccountControl } from './components/AccountControl';
import { Legend } from './components/Legend';
import { SearchBox } from './components/SearchBox';
import { Sources } from './components/Sources';
import { lang, setLang, t } from './i18n';
import { MapView, type Pick } from './map/MapView';
import { EMPTY_OVERLAY, type LngLat, type Overlay } from './map/overlays';
import { isMapView, VIEWS, type MapView as MapViewName, type View } from './state/app-state';
import { loadSession, user } from './state/session';
import { AppContext, createAppState } from './state/store';
import { AreaView } from './views/AreaView';
import { FacilityView } from './views/FacilityView';
import { InstitutionView } from './views/InstitutionView';
import { areaBox } from './views/areas';

/** The landing pages load when first opened: a visitor who never signs in never downloads them. */
const DeskView = lazy(() => import('./views/DeskView').then((m) => ({ default: m.DeskView })));
/** The help page (with the glossary's texts) loads when first opened, too. */
const HelpView = lazy(() => import('./views/HelpView').then((m) => ({ default: m.HelpView })));

export function App() {
  const store = createAppState();
  const { state, update } = store;
  const [meta, { refetch: refetchMeta }] = createResource(fetchMeta);
  const [areas] = createResource(fetchAreas);
  void loadSession();
  const [overlay, setOverlay] = createSignal<Overlay>(EMPTY_OVERLAY);
  const [selectedAt, setSelectedAt] = createSignal<LngLat | null>(null);
  // The landing page (desk) takes the whole window; the map keeps its place (and state) behind it,
  // made only once a map view is first opened, and shows the last map view when it comes back.
  const [mapView, setMapView] = createSignal<MapViewName>(isMapView(state.view) ? state.view : 'area');
  const [mapWanted, setMapWanted] = createSignal(isMapView(state.view));
  createEffect(() => {
    if (isMapView(state.view)) {
      setMapView(state.view);
      setMapWanted(true);
    }
  });
  // The help page's "back" returns to the page it was opened from (the map's view when opened by a link).
  const [beforeHelp, setBeforeHelp] = createSignal<View>(state.view === 'help' ? 'area' : state.view);
  createEffect(() => {
    if (state.view !== 'help') setBeforeHelp(state.view);
  });
  // Every account has a landing page: its facility's or institution's, or its authority's.
  const hasDesk = () => user() !== null;
  const tabs = () => VIEWS.filter((v) => v !== 'help' && (v !== 'desk' || hasDesk()));
  // Signed out on the desk: back to the map.
  createEffect(() => {
    if (state.view === 'desk' && user() === null && mapWanted()) update({ view: mapView() });
  });

  const tileUrl = (set: string) => `${location.origin}/api/tiles/${set}/{z}/{x}/{y}?v=${meta()?.dataVersion ?? ''}`;
  const tiles = createMemo(() => ({ areas: tileUrl('areas'), points: tileUrl('points') }));
  // The whole data at first (its box comes with /api/meta), a chosen area in the 自治体 view.
  const fitTo = createMemo(() => {
    const list = areas()?.features.map((f) => f.properties) ?? [];
    const box = state.view === 'area' && state.area ? areaBox(list, state.area) : null;
    if (box) return { key: state.area!, bbox: box };
    const all = meta()?.bbox;
    return all ? { key: 'all', bbox: all } : null;
  });

  const onPick = (p: Pick) => {
    if (p.kind === 'facility') update({ view: 'facility', facility: p.id });
    else if (p.kind === 'institution') update({ view: 'institution', institution: p.code });
    else update({ area: p.code });
  };
  const setView = (view: View) => {
    setOverlay(EMPTY_OVERLAY);
    update({ view });
  };
  // Signed in from the opening map: to the account's landing page. Signed in on a page someone
  // linked to (a facility, an institution, an area): stay there — the desk is one tab away.
  const onSignedIn = () => {
    const onRecord = (state.view === 'facility' && state.facility) || (state.view === 'institution' && state.institution) || (state.view === 'area' && state.area);
    if (!onRecord) setView('desk');
  };
  const toggleLang = () => {
    setLang(lang() === 'ja' ? 'en' : 'ja');
    store.writeUrl(false);
  };
  const attribution = () =>
    (meta()?.sources ?? [])
      .map((s) => s.attribution)
      .filter((a, i, all) => a && all.indexOf(a) === i)
      .join(' | ');

  return (
    <AppContext.Provider value={store}>
    <div class="app" data-lang={lang()} data-view={state.view}>
      <header class="topbar">
        <h1>
          {t('appTitle')} <span class="subtitle">{t('appSubtitle')}</span>
        </h1>
        <nav class="tabs" role="tablist" aria-label={t('views')}>
          <For each={tabs()}>
            {(v) => (
              <button type="button" role="tab" aria-selected={state.view === v} classList={{ active: state.view === v }} onClick={() => setView(v)} data-testid={`tab-${v}`}>
                {t(`view.${v}`)}
              </button>
            )}
          </For>
        </nav>
        <Show when={meta()?.fictional}>
          <span class="fictional-badge" title={t('fictionalNote')} data-testid="fictional-badge">
            {t('fictional')}
          </span>
        </Show>
        <a class="help-nav" href="?view=help" classList={{ active: state.view === 'help' }} data-testid="nav-help" onClick={(e) => { e.preventDefault(); update({ view: 'help', term: null }); }}>
          {t('help.link')}
        </a>
        <button class="lang-toggle" type="button" onClick={toggleLang}>
          {t('language')}
        </button>
        <AccountControl onSignedIn={onSignedIn} />
      </header>
      <Show when={state.view === 'desk'}>
        <main class="desk-main">
          <Suspense fallback={<p class="muted desk-page">{t('loading')}</p>}>
            <DeskView />
          </Suspense>
        </main>
      </Show>
      <Show when={state.view === 'help'}>
        <main class="desk-main">
          <Suspense fallback={<p class="muted desk-page">{t('loading')}</p>}>
            <HelpView onBack={() => update({ view: beforeHelp() })} />
          </Suspense>
        </main>
      </Show>
      <main class="layout" hidden={!isMapView(state.view)}>
        <div class="map-wrap">
          <Show when={meta() && mapWanted()} fallback={<div class="map-loading">{meta.error ? t('loadFailed') : t('loading')}</div>}>
            {(_) => (
              <MapView
                tiles={tiles()}
                initialBounds={meta()!.bbox}
                basemap={meta()!.basemap}
                basemapOn={state.basemap}
                view={mapView()}
                type={state.type}
                selectedArea={state.view === 'area' ? state.area : null}
                overlay={overlay()}
                selectedAt={state.view === 'area' ? null : selectedAt()}
                fitTo={fitTo()}
                attribution={attribution()}
                onPick={onPick}
              />
            )}
          </Show>
          <Legend view={mapView()} type={state.type} overlay={overlay()} selection={state.view !== 'area' && selectedAt() !== null} basemapAvailable={!!meta()?.basemap} basemapOn={state.basemap} onBasemap={(on) => update({ basemap: on })} />
        </div>
        <aside class="panel" aria-live="polite">
          <Switch>
            <Match when={state.view === 'area'}>
              <AreaView areas={areas()?.features.map((f) => f.properties) ?? []} onOverlay={setOverlay} />
            </Match>
            <Match when={state.view === 'facility'}>
              <SearchBox kind="facility" onSelect={(hit) => update({ facility: hit.id })} />
              <Show when={state.facility} fallback={<Intro hint={t('facilityHint')} />}>
                {(id) => <FacilityView id={id()} onOverlay={setOverlay} onPosition={setSelectedAt} />}
              </Show>
            </Match>
            <Match when={state.view === 'institution'}>
              <SearchBox kind="institution" onSelect={(hit) => update({ institution: hit.id })} />
              <Show when={state.institution} fallback={<Intro hint={t('institutionHint')} />}>
                {(code) => <InstitutionView code={code()} onOverlay={setOverlay} onPosition={setSelectedAt} onDataChanged={() => void refetchMeta()} />}
              </Show>
            </Match>
          </Switch>
          <Sources meta={meta()} />
        </aside>
      </main>
    </div>
    </AppContext.Provider>
  );
}

function Intro(props: { hint: string }) {
  return (
    <div class="intro">
      <p>{props.hint}</p>
    </div>
  );
}
