import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, parseState, stateQuery } from '../../web/src/state/app-state';

describe('the URL state', () => {
  it('round-trips every part of a screen', () => {
    const s = parseState('?view=facility&area=pref:99&facility=9978500750-510&type=tokuyo&min=60&w=travel:3,load:0&basemap=1');
    expect(s).toEqual({
      view: 'facility', area: 'pref:99', facility: '9978500750-510', institution: null, type: 'tokuyo', minutes: 60,
      weights: { ...DEFAULT_WEIGHTS, travel: 3, load: 0 }, basemap: true, term: null,
    });
    expect(parseState(`?${stateQuery(s, 'lang=en')}`)).toEqual(s);
    expect(stateQuery(s, 'lang=en')).toContain('lang=en');
  });

  it('opens the help page at a glossary entry, and keeps the entry only on the help page', () => {
    const s = parseState('?view=help&term=a253');
    expect(s.view).toBe('help');
    expect(s.term).toBe('a253');
    expect(stateQuery(s, '')).toBe('view=help&term=a253');
    expect(parseState('?view=help&term=nonsense').term).toBeNull();
    expect(stateQuery({ ...s, view: 'area' }, '')).toBe('');
  });

  it('opens the view of what a link names, and falls back to defaults for anything unreadable', () => {
    expect(parseState('?institution=3111111111').view).toBe('institution');
    expect(parseState('?facility=x').view).toBe('facility');
    const s = parseState('?view=bogus&area=12&type=spa&min=17&w=travel:abc,coverage:99,willingness:1');
    expect(s).toMatchObject({ view: 'area', area: null, type: 'all', minutes: 30 });
    expect(s.weights).toEqual({ ...DEFAULT_WEIGHTS, willingness: 1 });
    expect(stateQuery(parseState(''), '')).toBe('');
  });
});
