import { createContext, useContext } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { lang } from '../i18n';
import { parseState, stateQuery, type AppState } from './app-state';

/**
 * The app state as a Solid store, mirrored to the URL: view and selection changes push a history
 * entry (Back goes back to the previous screen); filters and weights replace the current one. The
 * hash (the map's position, kept by MapLibre) is left as it is.
 */
export function createAppState() {
  const [state, setState] = createStore<AppState>(parseState(location.search));

  const writeUrl = (push: boolean) => {
    const base = new URLSearchParams(location.search);
    if (lang() === 'en') base.set('lang', 'en');
    else base.delete('lang');
    const q = stateQuery(state, base.toString());
    const url = `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const update = (patch: Partial<AppState>) => {
    const push = (['view', 'facility', 'institution', 'area'] as const).some((k) => k in patch && patch[k] !== state[k]);
    setState(patch);
    writeUrl(push);
  };

  window.addEventListener('popstate', () => setState(reconcile(parseState(location.search))));
  return { state, update, writeUrl };
}

export type AppStore = ReturnType<typeof createAppState>;

/** The store, for the views: provided once by App. */
export const AppContext = createContext<AppStore>();

export function useAppStore(): AppStore {
  const store = useContext(AppContext);
  if (!store) throw new Error('useAppStore outside <AppContext.Provider>');
  return store;
}
