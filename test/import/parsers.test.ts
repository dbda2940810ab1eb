import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eraDateToIso } from '../../server/domain/dates';
import { namesMatch, normalizeAddress } from '../../server/import/join-keys';
import { formatProblem, FatalImportError } from '../../server/import/problems';
import { parseSource } from '../../server/import/source-files';
import { decodeText } from '../../server/import/text-decoding';
import { totalBeds } from '../../server/import/kouseikyoku-meibo';
import { DESIGNATED_CITIES } from '../../server/domain/designated-cities';

const fixture = (name: string) => `test/fixtures/${name}`;
const CTX = { designatedCities: DESIGNATED_CITIES };
/** The one file a fixture parses into. */
const parse = async (name: string) => (await parseSource(fixture(name), readFileSync(fixture(name)), CTX))[0]!;

describe('text decoding', () => {
  it('reads UTF-8 with a BOM, UTF-8 without, and Shift_JIS', () => {
    expect(decodeText(readFileSync(fixture('kaigo_small.csv'))).encoding).toBe('utf-8-bom');
    const sjis = decodeText(readFileSync(fixture('kaigo_small_sjis.csv')));
    expect(sjis.encoding).toBe('shift_jis');
    expect(sjis.text).toContain('介護老人福祉施設');
    expect(decodeText(new TextEncoder().encode('事業所番号')).encoding).toBe('utf-8');
  });
});

const kaigo = await parse('kaigo_small.csv');
const meibo = await parse('meibo_small.csv');
const n03 = await parse('n03_small.geojson');

describe('介護 open data', () => {
  const parsed = kaigo;
  if (parsed.kind !== 'kaigo_open_data') throw new Error('expected kaigo');
  const byNumber = new Map(parsed.records.map((r) => [`${r.careOfficeNumber}-${r.serviceCode}`, r]));

  it('is recognised by its content and counts other services as skipped', () => {
    expect(parsed.rows).toBe(6);
    expect(parsed.skipped).toBe(1);
  });
  it('keeps a valid row with its 6-digit municipality, coordinates and capacity', () => {
    expect(byNumber.get('3151180209-510')).toMatchObject({ municipalityCode: '312011', lat: 35.4839403, lng: 134.26213699999994, capacity: 100, name: 'テスト特養さくら' });
  });
  it('treats 0.000 coordinates as not entered and 定員 0 as unknown', () => {
    expect(byNumber.get('3150180309-510')).toMatchObject({ lat: null, lng: null, capacity: null });
  });
  it('keeps a letter in the 事業所番号 (介護医療院)', () => expect(byNumber.has('31B0100049-550')).toBe(true));
  it('reports text in 緯度 as file:row:column — expected, found; a failing check digit only as a warning', () => {
    expect(parsed.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([
      'test/fixtures/kaigo_small.csv:5:緯度 — Expected a number in degrees, found "abc"',
    ]);
    expect(parsed.problems.filter((p) => p.column === '事業所番号').map(formatProblem)).toEqual([
      'test/fixtures/kaigo_small.csv:6:事業所番号 — check digit does not match; kept as published (事業所番号 "3151180208" fails its check digit (expected 9, found 8))',
    ]);
    expect(byNumber.get('3151180208-510')).toMatchObject({ careOfficeNumber: '3151180208', name: 'テスト特養けた' });
  });
  it('reads the same rows from a Shift_JIS file', async () => {
    const sjis = await parse('kaigo_small_sjis.csv');
    expect(sjis.kind === 'kaigo_open_data' && sjis.records.map((r) => r.name)).toEqual(['テスト特養さくら', 'テスト特養あおば']);
  });
  it('stops on a missing column, naming it', async () => {
    await expect(parse('kaigo_missing_column.csv')).rejects.toThrow(FatalImportError);
    await expect(parse('kaigo_missing_column.csv')).rejects.toThrow(/kaigo_missing_column\.csv:1:緯度 — Missing column 「緯度」/);
  });
});

describe('厚生局 届出受理医療機関名簿', () => {
  const parsed = meibo;
  if (parsed.kind !== 'kouseikyoku_meibo') throw new Error('expected meibo');
  const byCode = new Map(parsed.records.map((r) => [r.code, r]));

  it('reads the as-of date from the title row', () => expect(parsed.asOf).toBe('2025-10-01'));
  it('builds 10-digit codes and the kind from 種別, else 病床数, else unknown', () => {
    expect(byCode.get('3110110750')).toMatchObject({ kind: 'hospital', beds: 120, address: '鳥取県鳥取市雲山57' });
    expect(byCode.get('3110110685')?.kind).toBe('clinic');
    // neither 種別 nor 病床数, but 支援診 exists for 診療所 only
    expect(byCode.get('3110110818')).toMatchObject({ kind: 'clinic', beds: null });
  });
  it('keeps one row per notification, converting era dates and full-width symbols', () => {
    expect(byCode.get('3110110750')?.notifications).toEqual([
      { symbol: '支援病1', acceptedNumber: '第1号', name: '在宅療養支援病院', startDate: '2022-10-01' },
      { symbol: '食', acceptedNumber: '第192号', name: '入院時食事療養／生活療養（Ⅰ）', startDate: '2017-02-01' },
    ]);
    expect(byCode.get('3110110685')?.notifications[0]?.startDate).toBe('2019-09-01');
  });
  it('skips 歯科 rows and continuation rows, and rejects a bad check digit', () => {
    expect(parsed.skipped).toBe(2);
    expect(parsed.notes?.[0]).toMatch(/skipped 1 歯科\/薬局 rows and 1 continuation rows/);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'test/fixtures/meibo_small.csv:10:医療機関番号 — 医療機関コード "3110110751" fails its check digit (expected 0, found 1)',
    ]);
  });
});

describe('N03 boundaries', () => {
  const parsed = n03;
  if (parsed.kind !== 'n03_boundaries') throw new Error('expected n03');
  const byCode = new Map(parsed.records.map((r) => [r.code, r]));
  it('dissolves the pieces of one code into one MultiPolygon with the 6-digit code', () => {
    expect(byCode.get('312011')?.boundary?.type).toBe('MultiPolygon');
  });
  it('makes 政令市 wards municipalities of their own under the city, which holds their union', () => {
    expect(byCode.get('141038')).toMatchObject({ name: '横浜市西区', kind: 'ward', parentCode: '141003' });
    expect(byCode.get('141003')).toMatchObject({ name: '横浜市', kind: 'designated_city', parentCode: null });
  });
  it('skips 所属未定地 (no code)', () => expect(parsed.skipped).toBe(1));
});

describe('helpers', () => {
  it('converts era dates, including 元年 and full-width digits', () => {
    expect(eraDateToIso('令和 4年10月 1日')).toBe('2022-10-01');
    expect(eraDateToIso('令和元年 9月 1日')).toBe('2019-09-01');
    expect(eraDateToIso('平成２４年　４月　１日')).toBe('2012-04-01');
    expect(eraDateToIso('令和 4年13月 1日')).toBeNull();
    expect(eraDateToIso('令和元年 4月 1日')).toBeNull(); // still 平成31年 then
    expect(eraDateToIso('平成31年 4月30日')).toBe('2019-04-30');
  });
  it('sums 病床数 as published', () => {
    expect(totalBeds('精神　　258／療養　　24')).toBe(282);
    expect(totalBeds('')).toBeNull();
  });
  it('normalises addresses and matches names with a 法人 prefix', () => {
    expect(normalizeAddress('鳥取県鳥取市東町３丁目３０７番地')).toBe(normalizeAddress('鳥取市東町3-307'));
    expect(namesMatch('医療法人メンタルリカバリーセンター　幡病院', '幡病院')).toBe(true);
    expect(namesMatch('渡辺病院', '幡病院')).toBe(false);
  });
});
