import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { normalizeTyped, typedCode } from '../../server/domain/typed-text';
import { demoDb } from '../helpers/db';

/**
 * Codes and numbers as a Japanese IME types them: full-width digits and whichever dash the keyboard
 * gave. The browser normalises its inputs with typed-text.ts; the API reads its code and number
 * parameters through the same function (contracts/common.ts), so a link or a script typed by hand works too.
 */
describe('typed-text', () => {
  it('makes full-width digits ASCII and every dash "-"', () => {
    expect(normalizeTyped('９９１０１１０１３０')).toBe('9910110130');
    for (const dash of ['－', 'ー', 'ｰ', '‐', '‑', '‒', '–', '—', '―', '−', '-']) expect(normalizeTyped(`9971600862${dash}510`)).toBe('9971600862-510');
    expect(normalizeTyped('　１２　')).toBe('12');
  });
  it('drops the dashes and spaces a code is grouped with', () => {
    expect(typedCode('９９ー１０１１ー０１３０')).toBe('9910110130');
    expect(typedCode('99 1011 0130')).toBe('9910110130');
  });
  it('does not mutate its input and leaves plain text as it is', () => {
    const s = '９９';
    normalizeTyped(s);
    expect(s).toBe('９９');
    expect(normalizeTyped('3151180209-520')).toBe('3151180209-520');
  });
});

describe('the API reads typed codes and numbers', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp({ db: await demoDb(), now: () => new Date('2026-11-22T08:00:00+09:00') });
  });
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('finds an institution by a full-width 医療機関コード with long-mark dashes', async () => {
    const plain = await get('/api/institutions/9910110130');
    const typed = await get(`/api/institutions/${encodeURIComponent('９９１０ー１１０ー１３０')}`);
    expect(plain.status).toBe(200);
    expect(typed.status).toBe(200);
    expect(typed.body.code ?? typed.body.institution?.code).toBe(plain.body.code ?? plain.body.institution?.code);
  });
  it('reads a facility id typed with a full-width hyphen and digits', async () => {
    const typed = await get(`/api/facilities/${encodeURIComponent('９９７１６００８６２－５１０')}`);
    expect(typed.status).toBe(200);
    expect(typed.body.id).toBe('9971600862-510');
  });
  it('reads full-width whole numbers and a full-width municipality code', async () => {
    const plain = await get('/api/search?q=%E7%97%85%E9%99%A2&kind=institution&limit=3');
    const typed = await get(`/api/search?q=%E7%97%85%E9%99%A2&kind=institution&limit=${encodeURIComponent('３')}`);
    expect(typed.status).toBe(200);
    expect(typed.body.hits).toEqual(plain.body.hits);
    expect(typed.body.hits).toHaveLength(3);
    const city = await get('/api/facilities?municipality=991007');
    const typedCity = await get(`/api/facilities?municipality=${encodeURIComponent('９９１００７')}`);
    expect(typedCity.status).toBe(200);
    expect(typedCity.body.features.length).toBe(city.body.features.length);
    expect(city.body.features.length).toBeGreaterThan(0);
  });
  it('still refuses what is not a number, naming what was expected', async () => {
    const { status, body } = await get(`/api/search?q=a&limit=${encodeURIComponent('三')}`);
    expect(status).toBe(400);
    expect(body.error.message).toContain('limit: expected a whole number from 1 to 50');
  });
});
