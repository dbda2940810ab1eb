import { beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../../server/domain/search-text';
import { demoApp, type TestApp } from '../helpers/db';

let app: TestApp;
beforeAll(async () => {
  ({ app } = await demoApp());
});
const search = async (query: string) => {
  const res = await app.request(`/api/search?${query}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('searchKey', () => {
  it('compares full-width, half-width, hiragana and katakana alike, ignoring spaces', () => {
    expect(searchKey('ＡＢＣ　たんぽぽ苑')).toBe(searchKey('abc タンポポ苑'));
    expect(searchKey('ｼｵｻｲ')).toBe(searchKey('しおさい'));
  });
});

describe('GET /api/search', () => {
  it('finds a facility by part of its name, by kana typed in hiragana, by 事業所番号 and by address', async () => {
    const byName = (await search(`q=${encodeURIComponent('しおさいホーム')}`)).body.hits;
    expect(byName[0]).toMatchObject({ kind: 'facility', id: '9978500750-510', name: '特別養護老人ホームしおさいホーム', detail: '特養' });
    expect(byName[0].position).toHaveLength(2);
    expect((await search(`q=${encodeURIComponent('とくべつようごろうじんほーむたんぽぽ')}`)).body.hits[0].id).toBe('9978600766-510');
    expect((await search('q=9978600766')).body.hits[0].id).toBe('9978600766-510');
    const byAddress = (await search(`q=${encodeURIComponent('沖ノ島町灯台')}&limit=50`)).body.hits;
    expect(byAddress.map((h: any) => h.id)).toContain('9978600766-510');
  });

  it('finds an institution by name or 医療機関コード, with separators', async () => {
    const inst = (await (await app.request('/api/institutions')).json()).features[0].properties;
    const byCode = (await search(`kind=institution&q=${inst.code.slice(0, 2)}-${inst.code.slice(2)}`)).body.hits;
    expect(byCode[0]).toMatchObject({ kind: 'institution', id: inst.code, name: inst.name });
    const byName = (await search(`kind=institution&q=${encodeURIComponent(inst.name)}`)).body.hits;
    expect(byName[0].id).toBe(inst.code);
  });

  it('returns nothing for blank text, and 400 naming the parameter for a bad kind or limit', async () => {
    expect((await search('q=')).body.hits).toEqual([]);
    expect((await search('q=a&kind=hospital')).body.error.issues[0].path).toBe('kind');
    expect((await search('q=a&limit=0')).body.error.issues[0].path).toBe('limit');
    expect((await search('kind=facility')).body.error.issues[0].path).toBe('q');
  });
});
