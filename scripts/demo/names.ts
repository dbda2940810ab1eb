import type { Rng } from './random';

/** Fictional names with their katakana readings. Nothing here names a real facility. */
type Named = readonly [ja: string, kana: string];

const NATURE: Named[] = [
  ['さくら', 'サクラ'], ['あおば', 'アオバ'], ['ひまわり', 'ヒマワリ'], ['かえで', 'カエデ'], ['つばき', 'ツバキ'],
  ['すみれ', 'スミレ'], ['やまびこ', 'ヤマビコ'], ['しおさい', 'シオサイ'], ['あさひ', 'アサヒ'], ['こもれび', 'コモレビ'],
  ['なぎさ', 'ナギサ'], ['みどり', 'ミドリ'], ['はまなす', 'ハマナス'], ['たんぽぽ', 'タンポポ'], ['ゆうなぎ', 'ユウナギ'],
  ['いずみ', 'イズミ'], ['ふじ', 'フジ'], ['けやき', 'ケヤキ'], ['あじさい', 'アジサイ'], ['もみじ', 'モミジ'],
];
const PLACE_SUFFIX: Named[] = [['苑', 'エン'], ['荘', 'ソウ'], ['の里', 'ノサト'], ['園', 'エン'], ['の家', 'ノイエ'], ['ホーム', 'ホーム']];
const SURNAMES: Named[] = [
  ['青木', 'アオキ'], ['石田', 'イシダ'], ['上野', 'ウエノ'], ['岡本', 'オカモト'], ['北村', 'キタムラ'], ['小池', 'コイケ'],
  ['坂口', 'サカグチ'], ['杉山', 'スギヤマ'], ['高野', 'タカノ'], ['津田', 'ツダ'], ['中川', 'ナカガワ'], ['野口', 'ノグチ'],
  ['平田', 'ヒラタ'], ['藤井', 'フジイ'], ['松尾', 'マツオ'], ['宮本', 'ミヤモト'], ['村上', 'ムラカミ'], ['森田', 'モリタ'],
  ['山下', 'ヤマシタ'], ['吉川', 'ヨシカワ'], ['和田', 'ワダ'], ['今井', 'イマイ'], ['大西', 'オオニシ'], ['川口', 'カワグチ'],
];
const SPECIALTIES = ['内科', '外科', '整形外科', '内科・小児科', '循環器内科', '消化器内科', '脳神経外科', '心療内科', '泌尿器科', '眼科', '皮膚科', '耳鼻咽喉科'];
const CLINIC_SUFFIX = ['クリニック', '医院', '診療所'];
const HOSPITAL_STEMS = ['中央', '記念', '総合', '協立', '共済', '第一', '市民', '厚生'];

export interface TypeNaming {
  prefix: Named;
}

/** Name prefixes by service code, as such homes are usually called. */
export const TYPE_PREFIX: Record<string, Named> = {
  '510': ['特別養護老人ホーム', 'トクベツヨウゴロウジンホーム'],
  '540': ['地域密着型特別養護老人ホーム', 'チイキミッチャクガタトクベツヨウゴロウジンホーム'],
  '520': ['介護老人保健施設', 'カイゴロウジンホケンシセツ'],
  '550': ['介護医療院', 'カイゴイリョウイン'],
  '331': ['介護付有料老人ホーム', 'カイゴツキユウリョウロウジンホーム'],
  '332': ['ケアハウス', 'ケアハウス'],
  '334': ['サービス付き高齢者向け住宅', 'サービスツキコウレイシャムケジュウタク'],
  '335': ['住宅型有料老人ホーム', 'ジュウタクガタユウリョウロウジンホーム'],
  '336': ['ケアハウス', 'ケアハウス'],
  '337': ['サービス付き高齢者向け住宅', 'サービスツキコウレイシャムケジュウタク'],
  '361': ['介護付有料老人ホーム', 'カイゴツキユウリョウロウジンホーム'],
  '362': ['ケアハウス', 'ケアハウス'],
  '364': ['サービス付き高齢者向け住宅', 'サービスツキコウレイシャムケジュウタク'],
  '320': ['グループホーム', 'グループホーム'],
  YOGO: ['養護老人ホーム', 'ヨウゴロウジンホーム'],
  KEIHI: ['軽費老人ホーム', 'ケイヒロウジンホーム'],
};

export function facilityName(rng: Rng, serviceCode: string, used: Set<string>): Named {
  const prefix = TYPE_PREFIX[serviceCode] as Named;
  for (;;) {
    const n = rng.pick(NATURE);
    const s = rng.pick(PLACE_SUFFIX);
    const name: Named = [`${prefix[0]}${n[0]}${s[0]}`, `${prefix[1]}${n[1]}${s[1]}`];
    if (!used.has(name[0])) {
      used.add(name[0]);
      return name;
    }
  }
}

export function operatorName(rng: Rng, kind: 'welfare' | 'medical' | 'company'): string {
  const n = rng.pick(NATURE)[0];
  if (kind === 'welfare') return `社会福祉法人${n}会`;
  if (kind === 'medical') return `医療法人社団${rng.pick(SURNAMES)[0]}会`;
  return `株式会社ケアサービス${n}`;
}

export function clinicName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const name = `${rng.pick(SURNAMES)[0]}${rng.pick(SPECIALTIES)}${rng.pick(CLINIC_SUFFIX)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** `<town><stem>病院` or `<surname><stem>病院`, e.g. 緑ケ丘総合病院, 森田記念病院. */
export function hospitalName(rng: Rng, town: string, used: Set<string>): string {
  for (;;) {
    const stem = rng.pick(HOSPITAL_STEMS);
    const name = rng.chance(0.5) ? `${town}${stem}病院` : `${rng.pick(SURNAMES)[0]}${stem === '市民' ? '記念' : stem}病院`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Fictional phone numbers: no Japanese area code starts with 00. */
export function phone(rng: Rng): string {
  return `000-${rng.int(200, 899)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

const FULL_DIGITS = '０１２３４５６７８９';
/** Half-width digits → full-width, as the 厚生局 lists print them. */
export const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)] as string);
