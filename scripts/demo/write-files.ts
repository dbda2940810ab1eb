import { serviceCodeInfo } from '../../server/domain/facility-types';
import { municipalityCodeFrom5, withMedicalCheckDigit } from '../../server/domain/identifiers';
import { csvText, isoToEra } from './csv-text';
import type { DemoFacility } from './facilities';
import type { MunicipalitySpec, Poly } from './geography';
import type { DemoInstitution } from './institutions';
import { toFullWidth } from './names';
import type { DemoPartnership } from './partnerships';
import type { Rng } from './random';

/** Renders the demo region into the official formats (and the project's templates): path → text. */
export type DemoFiles = Map<string, string>;

export const AS_OF = '2026-10-01';
export const PREF_NAME = 'デモ県';
export const CITY_CODE = municipalityCodeFrom5('99100');

const KAIGO_HEADER = ['都道府県コード又は市町村コード', 'No', '都道府県名', '市区町村名', '事業所名', '事業所名カナ', 'サービスの種類', '住所', '方書（ビル名等）', '緯度', '経度', '電話番号', 'FAX番号', '法人番号', '法人の名称', '事業所番号', '利用可能曜日', '利用可能曜日特記事項', '定員', 'URL', '高齢者の方と障害者の方が同時一体的に利用できるサービス', '介護保険の通常の指定基準を満たしている', '障害福祉の通常の指定基準を満たしている', '備考'];
const MEIBO_HEADER = ['項番', '都道府県コード', '都道府県名', '区分', '医療機関番号', '併設医療機関番号', '医療機関記号番号', '医療機関名称', '医療機関所在地（郵便番号）', '医療機関所在地（住所）', '電話番号', 'FAX番号', '病床数', '受理届出名称', '受理記号', '受理番号', '算定開始年月日', '個別有効開始年月日', '備考（見出し）', '備考（データ）', '市町村コード', '市町村名', '種別コード', '種別'];
const NAVII_HEADER = ['ID', '正式名称', '機関区分', '都道府県コード', '市区町村コード', '所在地', '所在地座標（緯度）', '所在地座標（経度）', '案内用ホームページアドレス', '一般病床', '療養病床', '療養病床のうち医療保険適用', '療養病床のうち介護保険適用', '精神病床', '結核病床', '感染症病床', '合計病床数'];

const municipalityLabel = (m: MunicipalitySpec) => (m.group?.endsWith('市') ? `${m.group}${m.name}` : m.name);
const code6 = (m: MunicipalitySpec) => municipalityCodeFrom5(m.code5);

export function manifestJson(): string {
  return `${JSON.stringify(
    {
      renkeiMapDataset: 1,
      label: 'デモ県（架空）',
      fictional: true,
      asOf: AS_OF,
      attribution: '架空のデモデータ — scripts/make-demo.ts が生成。実在の施設・医療機関ではありません',
      designatedCities: [{ code: CITY_CODE, prefName: PREF_NAME, name: 'デモ市', kind: '指定都市' }],
    },
    null,
    2,
  )}\n`;
}

export function boundariesJson(specs: readonly MunicipalitySpec[], polys: Map<string, Poly>): string {
  const features = specs.map((m) => ({
    type: 'Feature',
    properties: { N03_001: PREF_NAME, N03_002: null, N03_003: m.group, N03_004: m.name, N03_007: m.code5 },
    geometry: (polys.get(m.code5) as Poly).geometry,
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}

export function kaigoFiles(rng: Rng, facilities: readonly DemoFacility[], files: DemoFiles): void {
  const byCode = new Map<string, DemoFacility[]>();
  for (const f of facilities) if (/^\d{3}$/.test(f.serviceCode)) byCode.set(f.serviceCode, [...(byCode.get(f.serviceCode) ?? []), f]);
  const row = (f: DemoFacility, serviceName: string) => [
    code6(f.municipality), f.careOfficeNumber, PREF_NAME, municipalityLabel(f.municipality), f.name, f.kana, serviceName, f.address, '',
    f.position ? f.position[1].toFixed(15) : '0.000000000000000', f.position ? f.position[0].toFixed(15) : '0.000000000000000',
    f.phone, '', f.operatorNumber, f.operatorName, f.careOfficeNumber, '', '', f.capacity === null ? rng.pick(['', '0']) : f.capacity, '', '', '', '', '',
  ];
  for (const [code, list] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const name = serviceCodeInfo(code)?.openDataName as string;
    files.set(`kaigo/jigyosho_${code}.csv`, csvText([KAIGO_HEADER, ...list.map((f) => row(f, name))], { bom: true }));
  }
  // A 介護医療院 also runs 短期入所療養介護 (551) under the same number: a service outside §2, skipped on import.
  const iryoin = byCode.get('550')?.[0];
  if (iryoin) files.set('kaigo/jigyosho_551.csv', csvText([KAIGO_HEADER, row(iryoin, '短期入所療養介護（介護医療院）')], { bom: true }));
}

const SYMBOL_NAMES: [RegExp, string][] = [
  [/^支援診/, '別添１の「第９」の１の(３)に規定する在宅療養支援診療所'],
  [/^支援病/, '別添１の「第14の２」の１の(３)に規定する在宅療養支援病院'],
  [/^在後病/, '在宅療養後方支援病院'],
  [/^地包ケア/, '地域包括ケア病棟入院料及び地域包括ケア入院医療管理料'],
  [/^地包医/, '地域包括医療病棟入院料'],
  [/^医療ＤＸ/, '医療ＤＸ推進体制整備加算'],
  [/^地包加/, '地域包括診療加算'],
  [/^食/, '入院時食事療養／生活療養（Ⅰ）'],
];
const symbolName = (s: string) => SYMBOL_NAMES.find(([re]) => re.test(s))?.[1] ?? '施設基準（その他）';

function bedsText(i: DemoInstitution): string {
  const parts: string[] = [];
  if (i.beds.general > 0) parts.push(`一般　　${i.beds.general}`);
  if (i.beds.longTerm > 0) parts.push(`療養　　${i.beds.longTerm}`);
  return parts.join('／');
}

export function meiboFile(rng: Rng, insts: readonly DemoInstitution[]): string {
  const rows: (string | number)[][] = [[`[令和８年１０月１日 現在 ]令和８年１０月２１日作成`], [], MEIBO_HEADER];
  let item = 0;
  let accepted = 100;
  for (const i of insts) {
    item++;
    const shubetsu = i.shubetsuBlank ? ['', ''] : i.kind === 'hospital' ? ['22', '病院'] : ['23', '診療所'];
    for (const symbol of i.symbols) {
      const start = `${rng.int(2012, 2026)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      rows.push([
        item, '99', PREF_NAME, '医科', i.number7, '', '', i.listName, i.postalCode, toFullWidth(i.address), i.phone, '',
        i.bedsBlank ? '' : bedsText(i), symbolName(symbol), symbol, `第${accepted++}号`, isoToEra(start > AS_OF ? '2026-04-01' : start),
        '', '', '', '', '', ...shubetsu,
      ]);
    }
  }
  // 歯科 and 薬局 rows share the list; the importer counts and skips them.
  for (let n = 0; n < 24; n++) {
    item++;
    const dental = n < 14;
    const number7 = withMedicalCheckDigit(`99${dental ? 3 : 4}50${String(n).padStart(4, '0')}`).slice(3);
    for (let k = 0; k < rng.int(1, 3); k++) {
      rows.push([
        item, '99', PREF_NAME, dental ? '歯科' : '薬局', number7, '', '', dental ? `デモ歯科医院${n + 1}` : `デモ薬局${n + 1}`, '000-0000', 'デモ市中央区本町１丁目１番１号', '000-200-0000', '',
        '', dental ? '歯科外来診療医療安全対策加算１' : '調剤基本料１', dental ? '外安全１' : '調基１', `第${accepted++}号`, isoToEra('2024-06-01'),
        '', '', '', '', '', dental ? '23' : '24', dental ? '診療所' : '薬局',
      ]);
    }
  }
  return csvText(rows, { bom: true });
}

export function naviiFiles(insts: readonly DemoInstitution[], files: DemoFiles): void {
  const row = (i: DemoInstitution, n: number) => [
    `99${i.kind === 'hospital' ? '1' : '2'}${String(n).padStart(10, '0')}`, i.name, i.kind === 'hospital' ? 1 : 2, '99', i.municipality.code5.slice(2),
    `${PREF_NAME}${i.address}`, i.position[1].toFixed(6), i.position[0].toFixed(6), '',
    i.beds.general || '', i.beds.longTerm || '', '', '', '', '', '', i.beds.general + i.beds.longTerm || '',
  ];
  const placed = insts.filter((i) => i.inNavii);
  files.set('navii/hospital_facility_info.csv', csvText([NAVII_HEADER, ...placed.filter((i) => i.kind === 'hospital').map(row)], { bom: true }));
  files.set('navii/clinic_facility_info.csv', csvText([NAVII_HEADER, ...placed.filter((i) => i.kind === 'clinic').map(row)], { bom: true }));
}

export function templateFiles(facilities: readonly DemoFacility[], partnerships: readonly DemoPartnership[], files: DemoFiles): void {
  const local = facilities.filter((f) => !/^\d{3}$/.test(f.serviceCode));
  files.set(
    'templates/facilities_yogo_keihi.csv',
    csvText(
      [
        ['事業所番号', 'サービスコード', '事業所名', '事業所名カナ', '市区町村コード', '住所', '緯度', '経度', '電話番号', '法人の名称', '定員'],
        ...local.map((f) => [f.careOfficeNumber, f.serviceCode, f.name, f.kana, code6(f.municipality), f.address, f.position?.[1] ?? '', f.position?.[0] ?? '', f.phone, f.operatorName, f.capacity ?? '']),
      ],
      { bom: true },
    ),
  );
  const mark = (p: DemoPartnership, r: string) => (p.covers.includes(r as never) ? '○' : '');
  files.set(
    'templates/partnerships.csv',
    csvText(
      [
        ['事業所番号', 'サービスコード', '医療機関コード', '①相談対応', '②診療', '③入院', '協定締結日', '急変時対応確認日', '終了日', '特別の関係', '報告日'],
        ...partnerships.map((p) => [
          p.facility.careOfficeNumber, p.facility.serviceCode, p.institution?.code ?? '', mark(p, 'consult'), mark(p, 'examine'), mark(p, 'admit'),
          p.agreedOn ?? '', p.confirmedOn ?? '', p.endedOn ?? '', p.specialRelationship ? '○' : '', p.reportedOn ?? '',
        ]),
      ],
      { bom: true },
    ),
  );
}
