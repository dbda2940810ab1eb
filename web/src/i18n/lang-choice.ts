/** The two languages of the UI; Japanese is the default. */
export type Lang = 'ja' | 'en';

/** Where the choice is remembered between visits. */
export const LANG_STORAGE_KEY = 'renkei-map.lang';

const asLang = (v: string | null | undefined): Lang | null => (v === 'ja' || v === 'en' ? v : null);

/**
 * The language to start in: `?lang=en|ja` in the URL wins (a link says which language it shows),
 * then the one remembered, else Japanese.
 */
export function chooseLang(search: string, stored: string | null): Lang {
  return asLang(new URLSearchParams(search).get('lang')) ?? asLang(stored) ?? 'ja';
}

/** Storage that may be missing or refuse (private mode, tests without a browser): failures are ignored. */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readStoredLang(store: KeyValueStore | undefined): string | null {
  try {
    return store?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberLang(store: KeyValueStore | undefined, l: Lang): void {
  try {
    store?.setItem(LANG_STORAGE_KEY, l);
  } catch {
    // Not remembered: the URL still carries it.
  }
}
