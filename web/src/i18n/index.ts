import { createSignal } from 'solid-js';
import { en } from './en';
import { ja, type MessageKey } from './ja';

export type Lang = 'ja' | 'en';
const DICTS: Record<Lang, Record<MessageKey, string>> = { ja, en };

const initial: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ja';
const [lang, setLang] = createSignal<Lang>(initial);
export { lang, setLang };

/** Translates `key`, filling `{name}` placeholders. Japanese is the default. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return DICTS[lang()][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export type { MessageKey };

/** Whether `key` names a message (for keys made from data, such as an audit entry's action). */
export const hasMessage = (key: string): key is MessageKey => key in ja;
