import { describe, expect, it } from 'vitest';
import { chooseLang, LANG_STORAGE_KEY, readStoredLang, rememberLang } from '../../web/src/i18n/lang-choice';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('the language choice', () => {
  it('is Japanese with nothing said or remembered', () => {
    expect(chooseLang('', null)).toBe('ja');
    expect(chooseLang('?lang=fr', 'de')).toBe('ja');
  });
  it('is the remembered one when the URL names none', () => {
    expect(chooseLang('?view=help', 'en')).toBe('en');
  });
  it('lets ?lang= in the URL win over the remembered one', () => {
    expect(chooseLang('?lang=ja', 'en')).toBe('ja');
    expect(chooseLang('?view=area&lang=en', 'ja')).toBe('en');
  });
  it('is remembered under renkei-map.lang and read back', () => {
    const s = memory();
    rememberLang(s, 'en');
    expect(s.m.get(LANG_STORAGE_KEY)).toBe('en');
    expect(LANG_STORAGE_KEY).toBe('renkei-map.lang');
    expect(chooseLang('', readStoredLang(s))).toBe('en');
  });
  it('survives storage that refuses or is missing', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(readStoredLang(broken)).toBeNull();
    expect(() => rememberLang(broken, 'en')).not.toThrow();
    expect(readStoredLang(undefined)).toBeNull();
  });
});
