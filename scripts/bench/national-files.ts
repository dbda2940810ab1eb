import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { SERVICE_CODES } from '../../server/domain/facility-types';
import { municipalityCodeFrom5, withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';
import { createRng, type Rng } from '../demo/random';
import { PREFECTURE_TOTALS } from './population-centres';
import { allCentres, sampler, SYNTHETIC_SEED } from './synthetic-country';

/**
 * Synthetic national open-data files shaped like the real ones, for `npm run bench` (issue 15:
 * a national import within 60 s and 1 GB):
 *   - 14 介護サービス情報公表 CSVs `jigyosho_<code>.csv` (UTF-8 with BOM, CRLF, the 24 published columns),
 *     ~36,000 in-scope facilities in the service mix of domain.md §8, about 1.5 % of 老健 numbers
 *     failing their check digit (older numbers), a few 0.000 coordinates;
 *   - 47 厚生局 名簿 workbooks (standard layout: title row, blank row, the 24-column header, one row per
 *     notification, shared strings, full-width digits, era dates), ~100,000 institutions mixed like
 *     Tottori's list (45 % 医科, 30 % 歯科, 25 % 薬局) with ~9 notification rows each — about 900,000 rows.
 * Made once per seed and scale into `dir` (a marker file beside it says it is complete) and reused.
 */
const KAIGO_HEADER = ['都道府県コード又は市町村コード', 'No', '都道府県名', '市区町村名', '事業所名', '事業所名カナ', 'サービスの種類', '住所', '方書（ビル名等）', '緯度', '経度', '電話番号', 'FAX番号', '法人番号', '法人の名称', '事業所番号', '利用可能曜日', '利用可能曜日特記事項', '定員', 'URL', '高齢者の方と障害者の方が同時一体的に利用できるサービス', '介護保険の通常の指定基準を満たしている', '障害福祉の通常の指定基準を満たしている', '備考'];
const MEIBO_HEADER = ['項番', '都道府県コード', '都道府県名', '区分', '医療機関番号', '併設医療機関番号', '医療機関記号番号', '医療機関名称', '医療機関所在地（郵便番号）', '医療機関所在地（住所）', '電話番号', 'FAX番号', '病床数', '受理届出名称', '受理記号', '受理番号', '算定開始年月日', '個別有効開始年月日', '備考（見出し）', '備考（データ）', '市町村コード', '市町村名', '種別コード', '種別'];

/** Rows per service file (domain.md §8; 510 and 320 as estimated there). */
const SERVICE_ROWS: [string, number][] = [
  ['510', 8000], ['540', 2553], ['520', 4121], ['550', 923], ['331', 3600], ['332', 520], ['334', 1200], ['335', 150], ['336', 60], ['337', 83],
  ['361', 220], ['362', 70], ['364', 82], ['320', 14418],
];
const INSTITUTIONS = 100_000;
/** Notifications a 医科 institution may hold; the home-care ones make it a candidate. */
const IKA_NOTES: [string, string][] = [
  ['支援診２', '在宅療養支援診療所２'], ['支援診３', '在宅療養支援診療所３'], ['支援病３', '在宅療養支援病院３'], ['在後病', '在宅療養後方支援病院'], ['地包ケア１', '地域包括ケア病棟入院料１'],
  ['明細', '明細書発行体制等加算'], ['外来感染', '外来感染対策向上加算'], ['医療ＤＸ', '医療ＤＸ推進体制整備加算'], ['情報通信', '情報通信機器を用いた診療'], ['がん指', 'がん性疼痛緩和指導管理料'],
  ['食', '入院時食事療養／生活療養（Ⅰ）'], ['検Ⅰ', '検体検査管理加算（Ⅰ）'], ['画１', '画像診断管理加算１'], ['ＣＴ撮影', 'ＣＴ撮影及びＭＲＩ撮影'], ['脳Ⅰ', '脳血管疾患等リハビリテーション料（Ⅰ）'],
  ['運Ⅰ', '運動器リハビリテーション料（Ⅰ）'], ['酸単', '酸素の購入価格の届出'], ['時間外１', '時間外対応加算１'], ['ニコ', 'ニコチン依存症管理料'], ['夜', '夜間休日救急搬送医学管理料'],
];
const OTHER_NOTES: [string, string][] = [['歯初診', '歯科初診料の注１に規定する施設基準'], ['外安全', '歯科外来診療医療安全対策加算１'], ['調基１', '調剤基本料１'], ['地支体１', '地域支援体制加算１'], ['後発調２', '後発医薬品調剤体制加算２'], ['在調', '在宅患者調剤加算']];
const ERA_DATES = ['平成24年 4月 1日', '平成29年 2月 1日', '令和 4年10月 1日', '令和 6年 6月 1日', '令和 7年 9月 1日'];

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

interface Place { prefCode: string; prefName: string; muniCode: string; muniName: string; lng: number; lat: number }

/** Each centre its own municipality code (prefecture + 201, 202 … with its check digit). */
function placer(rng: Rng) {
  const centres = allCentres();
  const prefNames = new Map(PREFECTURE_TOTALS.map(([code, name]) => [code, name]));
  const perPref = new Map<string, number>();
  const codes = new Map(centres.map((c) => {
    const k = (perPref.get(c.pref) ?? 0) + 1;
    perPref.set(c.pref, k);
    return [c, municipalityCodeFrom5(`${c.pref}${String(200 + k).padStart(3, '0')}`)];
  }));
  const place = sampler(rng, centres);
  return (): Place => {
    const p = place();
    return { prefCode: p.centre.pref, prefName: prefNames.get(p.centre.pref)!, muniCode: codes.get(p.centre)!, muniName: p.centre.name.replace('（その他）', '郡部町'), lng: p.lng, lat: p.lat };
  };
}

function writeKaigo(dir: string, rng: Rng, place: () => Place, scale: number): number {
  let n = 0;
  for (const [code, rows] of SERVICE_ROWS) {
    const name = SERVICE_CODES.find((s) => s.code === code)!.openDataName!;
    const lines = [KAIGO_HEADER.join(',')];
    for (let k = 0; k < Math.round(rows * scale); k++) {
      const p = place();
      const seq = String(++n).padStart(6, '0');
      const first9 = `${p.prefCode}${code === '550' ? 'B' : String(1 + (k % 9))}${seq}`;
      let number = withCareOfficeCheckDigit(first9);
      if (code === '520' && rng.chance(0.015)) number = `${first9}${(Number(number[9]) + 1) % 10}`; // an older number in use
      const noCoords = rng.chance(0.004);
      const cells = [
        p.muniCode, String(k + 1), p.prefName, p.muniName, `合成${name.slice(0, 6)}${seq}`, 'ゴウセイ', name, `${p.prefName}${p.muniName}本町${1 + (k % 9)}丁目${1 + (k % 40)}番地`, '',
        noCoords ? '0.000000000000000' : p.lat.toFixed(15), noCoords ? '0.000000000000000' : p.lng.toFixed(15), '000-000-0000', '', '1234567890123', '社会福祉法人合成会', number, '', '', String(rng.int(9, 120)), '', '', '', '', '',
      ];
      lines.push(cells.map(csvCell).join(','));
    }
    writeFileSync(join(dir, `jigyosho_${code}.csv`), `\uFEFF${lines.join('\r\n')}\r\n`);
  }
  return n;
}

/** A workbook of one sheet: shared strings, as Excel writes them. */
function xlsx(rows: string[][]): Uint8Array {
  const strings = new Map<string, number>();
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const col = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
  const body: string[] = [];
  rows.forEach((cells, r) => {
    const cs = cells.map((v, i) => {
      if (v === '') return '';
      let idx = strings.get(v);
      if (idx === undefined) strings.set(v, (idx = strings.size));
      return `<c r="${col(i)}${r + 1}" t="s"><v>${idx}</v></c>`;
    });
    body.push(`<row r="${r + 1}">${cs.join('')}</row>`);
  });
  const sst = [...strings.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('');
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${body.join('')}</sheetData></worksheet>`),
  }, { level: 6 });
}

function writeMeibo(dir: string, rng: Rng, place: () => Place, scale: number): { institutions: number; rows: number } {
  const byPref = new Map<string, string[][]>();
  let rows = 0;
  const total = Math.round(INSTITUTIONS * scale);
  for (let k = 0; k < total; k++) {
    const p = place();
    const r = rng.next();
    const kubun = r < 0.45 ? '医科' : r < 0.75 ? '歯科' : '薬局';
    const hospital = kubun === '医科' && rng.chance(0.08);
    const number7 = withMedicalCheckDigit(`${p.prefCode}1${String(k % 1_000_000).padStart(6, '0')}`).slice(3);
    const notes = kubun === '医科' ? rng.int(6, 22) : rng.int(3, 8);
    const list = kubun === '医科' ? IKA_NOTES : OTHER_NOTES;
    const name = hospital ? `医療法人合成会　合成病院${k}` : kubun === '医科' ? `合成クリニック${k}` : kubun === '歯科' ? `合成歯科${k}` : `合成薬局${k}`;
    const address = fullWidth(`${p.muniName}本町${1 + (k % 9)}丁目${1 + (k % 50)}番地`);
    const sheet = byPref.get(p.prefCode) ?? [];
    for (let j = 0; j < notes; j++) {
      const [symbol, title] = list[(k + j * 7) % list.length]!;
      sheet.push([String(sheet.length + 1), p.prefCode, p.prefName, kubun, fullWidth(number7), '', '', name, '000-0000', address, '000-000-0000', '', hospital ? '一般　　120' : '', title, symbol, `第${1 + (k % 300)}号`, ERA_DATES[j % ERA_DATES.length]!, '', '', '', p.muniCode, p.muniName, '', hospital ? '病院' : kubun === '医科' ? '診療所' : '']);
      rows++;
    }
    byPref.set(p.prefCode, sheet);
  }
  for (const [pref, sheet] of byPref) {
    writeFileSync(join(dir, `${pref}_todokede_${pref}_2025-10.xlsx`), xlsx([['[令和７年１０月１日 現在 ]令和７年１０月２１日作成'], [], MEIBO_HEADER, ...sheet]));
  }
  return { institutions: total, rows };
}

export interface NationalFiles { dir: string; facilities: number; institutions: number; meiboRows: number; files: number }

export function nationalFiles(dir: string, scale = 1, seed = SYNTHETIC_SEED): NationalFiles {
  const marker = `${dir}.complete-${seed}-${scale}.json`;
  if (existsSync(marker)) return JSON.parse(String(readFileSync(marker))) as NationalFiles;
  mkdirSync(dir, { recursive: true });
  const rng = createRng(seed);
  const place = placer(rng);
  const facilities = writeKaigo(dir, rng, place, scale);
  const meibo = writeMeibo(dir, rng, place, scale);
  const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/.test(f)).length;
  const made: NationalFiles = { dir, facilities, institutions: meibo.institutions, meiboRows: meibo.rows, files };
  writeFileSync(marker, JSON.stringify(made));
  return made;
}
