import { SERVICE_CODES } from '../../server/domain/facility-types';
import type { Bureau } from '../../server/domain/prefectures';

/**
 * Where the official files are published. Index pages are read for links, so a new file name
 * (a new date in it) is found without changing this table. These addresses could not be checked
 * from this workplace (no internet) [未確認]: correct them here, or pass --index KIND=URL.
 */
export const KAIGO_INDEX = 'https://www.mhlw.go.jp/stf/kaigo-kouhyou_opendata.html';
export const NAVII_INDEX = 'https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/kenkou_iryou/iryou/iryou-kikan-opendata.html';
export const N03_INDEX = 'https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-N03-2024.html';
export const TOWN_POINTS_INDEX = 'https://japanese-addresses.geolonia.com/api/ja.json';
export const townPointsUrl = (pref: string, municipality: string) =>
  `https://japanese-addresses.geolonia.com/api/ja/${encodeURIComponent(pref)}/${encodeURIComponent(municipality)}.json`;

/** Each bureau's page listing its 届出受理医療機関名簿 files per prefecture. */
export const MEIBO_INDEX: Record<Bureau, string> = {
  hokkaido: 'https://kouseikyoku.mhlw.go.jp/hokkaido/gyomu/gyomu/hoken_kikan/todokede_juri_ichiran.html',
  tohoku: 'https://kouseikyoku.mhlw.go.jp/tohoku/gyomu/gyomu/hoken_kikan/itiran.html',
  kantoshinetsu: 'https://kouseikyoku.mhlw.go.jp/kantoshinetsu/chousa/kijyun.html',
  tokaihokuriku: 'https://kouseikyoku.mhlw.go.jp/tokaihokuriku/newpage_00349.html',
  kinki: 'https://kouseikyoku.mhlw.go.jp/kinki/gyomu/gyomu/hoken_kikan/shitei_jokyo_00004.html',
  chugokushikoku: 'https://kouseikyoku.mhlw.go.jp/chugokushikoku/chousaka/shisetsukijunjuri.html',
  shikoku: 'https://kouseikyoku.mhlw.go.jp/shikoku/gyomu/gyomu/hoken_kikan/shitei/index.html',
  kyushu: 'https://kouseikyoku.mhlw.go.jp/kyushu/gyomu/gyomu/hoken_kikan/index_00007.html',
};

/** Service codes whose open-data files matter (domain.md §2): those of the table with an open-data name. */
export const KAIGO_CODES = SERVICE_CODES.filter((s) => s.openDataName !== null).map((s) => s.code);
