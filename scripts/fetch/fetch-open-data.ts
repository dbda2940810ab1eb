import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prefectureByCode, type Prefecture } from '../../server/domain/prefectures';
import { headerKey } from '../../server/import/csv-table';
import { extractLinks, type Link } from './links';
import { rowsOfPrefecture, zipEntry } from './extract';
import { KAIGO_CODES, KAIGO_INDEX, MEIBO_INDEX, N03_INDEX, NAVII_INDEX, TOWN_POINTS_INDEX, townPointsUrl } from './sources';

/**
 * Finds the current official files for one prefecture on the official index pages and saves them
 * under `out`, ready for `npm run import`. National files are cut down to the prefecture's rows.
 * `mirror` replaces every official host by a local server (`<mirror>/<host>/<path>`): tests use it,
 * never the network.
 */
export type SourceName = 'kaigo' | 'meibo' | 'navii' | 'n03' | 'towns';

export interface FetchOptions {
  pref: string;
  out: string;
  mirror?: string;
  /** Index page overrides, per source. */
  index?: Partial<Record<SourceName, string>>;
  log?: (line: string) => void;
}

export interface FetchReport {
  written: { source: SourceName; path: string; url: string; rows?: number }[];
  failed: { source: SourceName; message: string }[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

export async function fetchOpenData(opts: FetchOptions): Promise<FetchReport> {
  const pref = prefectureByCode(opts.pref);
  if (!pref) throw new Error(`--pref: expected a prefecture code 01–47, got "${opts.pref}"`);
  const log = opts.log ?? (() => {});
  const report: FetchReport = { written: [], failed: [] };

  const address = (url: string) => {
    if (!opts.mirror) return url;
    const u = new URL(url);
    return `${opts.mirror.replace(/\/$/, '')}/${u.host}${u.pathname}${u.search}`;
  };
  const get = async (url: string): Promise<Uint8Array> => {
    const res = await fetch(address(url));
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const page = async (url: string): Promise<Link[]> => extractLinks(new TextDecoder().decode(await get(url)), url);
  const save = (source: SourceName, rel: string, content: Uint8Array | string, url: string, rows?: number) => {
    const path = join(opts.out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    report.written.push({ source, path, url, ...(rows === undefined ? {} : { rows }) });
    log(`  ${path}${rows === undefined ? '' : ` (${rows} rows of ${pref.name})`}`);
  };

  const steps: [SourceName, () => Promise<void>][] = [
    ['kaigo', () => fetchKaigo(pref, opts.index?.kaigo ?? KAIGO_INDEX, page, get, save)],
    ['meibo', () => fetchMeibo(pref, opts.index?.meibo ?? MEIBO_INDEX[pref.bureau], page, get, save)],
    ['navii', () => fetchNavii(pref, opts.index?.navii ?? NAVII_INDEX, page, get, save)],
    ['n03', () => fetchN03(pref, opts.index?.n03 ?? N03_INDEX, page, get, save)],
    ['towns', () => fetchTowns(pref, opts.index?.towns ?? TOWN_POINTS_INDEX, get, save)],
  ];
  for (const [source, step] of steps) {
    log(`${source}:`);
    try {
      await step();
    } catch (e) {
      report.failed.push({ source, message: (e as Error).message });
      log(`  failed: ${(e as Error).message}`);
    }
  }
  writeFileSync(join(opts.out, 'SOURCES.md'), sourcesNote(pref, report));
  return report;
}

type Get = (url: string) => Promise<Uint8Array>;
type Page = (url: string) => Promise<Link[]>;
type Save = (source: SourceName, rel: string, content: Uint8Array | string, url: string, rows?: number) => void;

const csvOf = (bytes: Uint8Array, name: string) => (isZip(bytes) ? (zipEntry(bytes, /\.csv$/i)?.bytes ?? fail(`${name}: the ZIP holds no CSV`)) : bytes);
const digits = (s: string) => s.normalize('NFKC').trim();
function fail(message: string): never {
  throw new Error(message);
}

/** 介護 open data: one national CSV per service (a `.csv` link may serve a ZIP). */
async function fetchKaigo(pref: Prefecture, index: string, page: Page, get: Get, save: Save) {
  const links = (await page(index)).filter((l) => KAIGO_CODES.some((c) => new RegExp(`jigyosho_${c}\\.(csv|zip)$`).test(l.url)));
  if (links.length === 0) fail(`no jigyosho_<code>.csv link on ${index}`);
  for (const link of links) {
    const code = /jigyosho_(\d{3})/.exec(link.url)![1]!;
    const { text, rows } = rowsOfPrefecture(csvOf(await get(link.url), link.url), link.url, pref.code, (h) => h.map(headerKey).indexOf(headerKey('都道府県コード又は市町村コード')), digits);
    save('kaigo', `kaigo/jigyosho_${code}_${pref.code}.csv`, text, link.url, rows);
  }
}

/** 厚生局 名簿: the bureau page's file for this prefecture's 医科 institutions. */
async function fetchMeibo(pref: Prefecture, index: string, page: Page, get: Get, save: Save) {
  const files = (await page(index)).filter((l) => /\.(xlsx|xls|zip|csv)$/i.test(l.url));
  const named = files.filter((l) => `${l.text} ${decodeURIComponent(l.url)}`.includes(pref.name.replace(/[都道府県]$/, '')));
  const ika = named.filter((l) => l.text.includes('医科') || /ika/i.test(l.url));
  const link = ika[0] ?? named[0] ?? fail(`no 名簿 file for ${pref.name} on ${index}`);
  save('meibo', `kouseikyoku/${decodeURIComponent(link.url.split('/').pop() as string)}`, await get(link.url), link.url);
}

/** ナビイ: the national hospital and clinic 施設票 ZIPs, cut down to the prefecture. */
async function fetchNavii(pref: Prefecture, index: string, page: Page, get: Get, save: Save) {
  const links = await page(index);
  for (const kind of ['hospital', 'clinic']) {
    const link = links.find((l) => new RegExp(`${kind}_facility_info_\\d{8}\\.(zip|csv)$`).test(l.url)) ?? fail(`no ${kind}_facility_info link on ${index}`);
    const date = /(\d{8})/.exec(link.url.split('/').pop() as string)![1];
    const { text, rows } = rowsOfPrefecture(csvOf(await get(link.url), link.url), link.url, pref.code, (h) => h.map(headerKey).indexOf('都道府県コード'), (c) => digits(c).padStart(2, '0'));
    save('navii', `navii/${kind}_facility_info_${date}_${pref.code}.csv`, text, link.url, rows);
  }
}

/** 国土数値情報 N03: the prefecture's ZIP; its GeoJSON is kept. */
async function fetchN03(pref: Prefecture, index: string, page: Page, get: Get, save: Save) {
  const link = (await page(index)).filter((l) => new RegExp(`N03-\\d{8}_${pref.code}_GML\\.zip$`).test(l.url)).sort((a, b) => b.url.localeCompare(a.url))[0]
    ?? fail(`no N03 ZIP for ${pref.code} on ${index}`);
  const entry = zipEntry(await get(link.url), /\.geojson$/i) ?? fail(`${link.url}: the ZIP holds no GeoJSON`);
  save('n03', `n03/${entry.name.split('/').pop()}`, entry.bytes, link.url);
}

/** Geolonia japanese-addresses: one town-point file per municipality of the prefecture. */
async function fetchTowns(pref: Prefecture, index: string, get: Get, save: Save) {
  const list = JSON.parse(new TextDecoder().decode(await get(index))) as Record<string, string[]>;
  const municipalities = list[pref.name] ?? fail(`${pref.name} is not in ${index}`);
  for (const m of municipalities) {
    const url = townPointsUrl(pref.name, m);
    save('towns', `geocode/${pref.name}/${m}.json`, await get(url), url);
  }
}

function sourcesNote(pref: Prefecture, r: FetchReport): string {
  const lines = [`# Official files for ${pref.name} (${pref.code}), fetched ${new Date().toISOString()}`, '', '| file | from | rows |', '|---|---|---|'];
  for (const w of r.written) lines.push(`| ${w.path} | ${w.url} | ${w.rows ?? ''} |`);
  for (const f of r.failed) lines.push('', `Failed — ${f.source}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}
