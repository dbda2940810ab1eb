/**
 * The 47 prefectures: JIS X 0401 code, name, and the 地方厚生局 (regional bureau) that publishes its
 * 届出受理医療機関名簿 (四国 has its own 支局). Public facts.
 */
export interface Prefecture {
  code: string;
  name: string;
  bureau: Bureau;
}

export type Bureau = 'hokkaido' | 'tohoku' | 'kantoshinetsu' | 'tokaihokuriku' | 'kinki' | 'chugokushikoku' | 'shikoku' | 'kyushu';

const ROWS: [string, string, Bureau][] = [
  ['01', '北海道', 'hokkaido'], ['02', '青森県', 'tohoku'], ['03', '岩手県', 'tohoku'], ['04', '宮城県', 'tohoku'], ['05', '秋田県', 'tohoku'],
  ['06', '山形県', 'tohoku'], ['07', '福島県', 'tohoku'], ['08', '茨城県', 'kantoshinetsu'], ['09', '栃木県', 'kantoshinetsu'], ['10', '群馬県', 'kantoshinetsu'],
  ['11', '埼玉県', 'kantoshinetsu'], ['12', '千葉県', 'kantoshinetsu'], ['13', '東京都', 'kantoshinetsu'], ['14', '神奈川県', 'kantoshinetsu'], ['15', '新潟県', 'kantoshinetsu'],
  ['16', '富山県', 'tokaihokuriku'], ['17', '石川県', 'tokaihokuriku'], ['18', '福井県', 'kinki'], ['19', '山梨県', 'kantoshinetsu'], ['20', '長野県', 'kantoshinetsu'],
  ['21', '岐阜県', 'tokaihokuriku'], ['22', '静岡県', 'tokaihokuriku'], ['23', '愛知県', 'tokaihokuriku'], ['24', '三重県', 'tokaihokuriku'], ['25', '滋賀県', 'kinki'],
  ['26', '京都府', 'kinki'], ['27', '大阪府', 'kinki'], ['28', '兵庫県', 'kinki'], ['29', '奈良県', 'kinki'], ['30', '和歌山県', 'kinki'],
  ['31', '鳥取県', 'chugokushikoku'], ['32', '島根県', 'chugokushikoku'], ['33', '岡山県', 'chugokushikoku'], ['34', '広島県', 'chugokushikoku'], ['35', '山口県', 'chugokushikoku'],
  ['36', '徳島県', 'shikoku'], ['37', '香川県', 'shikoku'], ['38', '愛媛県', 'shikoku'], ['39', '高知県', 'shikoku'], ['40', '福岡県', 'kyushu'],
  ['41', '佐賀県', 'kyushu'], ['42', '長崎県', 'kyushu'], ['43', '熊本県', 'kyushu'], ['44', '大分県', 'kyushu'], ['45', '宮崎県', 'kyushu'],
  ['46', '鹿児島県', 'kyushu'], ['47', '沖縄県', 'kyushu'],
];

export const PREFECTURES: readonly Prefecture[] = ROWS.map(([code, name, bureau]) => ({ code, name, bureau }));

export function prefectureByCode(code: string): Prefecture | undefined {
  return PREFECTURES.find((p) => p.code === code.padStart(2, '0'));
}
