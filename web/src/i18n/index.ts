import { createSignal } from 'solid-js';
import { en } from './en';
import { ja, type MessageKey } from './ja';
import { chooseLang, readStoredLang, rememberLang, type Lang } from './lang-choice';

export type { Lang };
const DICTS: Record<Lang, Record<MessageKey, string>> = { ja, en };

const inBrowser = typeof window !== 'undefined';
const storage = inBrowser ? window.localStorage : undefined;
const initial: Lang = inBrowser ? chooseLang(location.search, readStoredLang(storage)) : 'ja';
const [lang, setLangSignal] = createSignal<Lang>(initial);

/** Switches the language, remembers it and sets `<html lang>`. */
export function setLang(l: Lang): void {
  setLangSignal(l);
  rememberLang(storage, l);
  if (inBrowser) document.documentElement.lang = l;
}
// A language named in the URL is remembered too; the page says which language it is in.
if (inBrowser) setLang(initial);
export { lang };

/** Translates `key`, filling `{name}` placeholders. Japanese is the default. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return DICTS[lang()][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export type { MessageKey };

/** Whether `key` names a message (for keys made from data, such as an audit entry's action). */
export const hasMessage = (key: string): key is MessageKey => key in ja;
