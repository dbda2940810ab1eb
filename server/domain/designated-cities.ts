/**
 * 指定都市 (政令市) and 中核市 — the cities that are themselves the designating authority (指定権者)
 * for non-地域密着 facilities (domain.md §2). 政令市 are also the cities whose wards (区) are
 * municipalities of their own.
 *
 * Source: ../shared/data/reference/shitei_chukaku_cities.csv (compiled from a public municipal-code
 * dataset dated 2026-07; membership after 2024 not re-verified [未確認]). Data, not logic: correct here.
 */
export type DesignatedCityKind = '指定都市' | '中核市';

export interface DesignatedCity {
  code: string;
  prefName: string;
  name: string;
  kind: DesignatedCityKind;
}

const ROWS = `
指定都市,北海道,札幌市,011002
指定都市,宮城県,仙台市,041009
指定都市,埼玉県,さいたま市,111007
指定都市,千葉県,千葉市,121002
指定都市,神奈川県,横浜市,141003
指定都市,神奈川県,川崎市,141305
指定都市,神奈川県,相模原市,141500
指定都市,新潟県,新潟市,151009
指定都市,静岡県,静岡市,221007
指定都市,静岡県,浜松市,221309
指定都市,愛知県,名古屋市,231002
指定都市,京都府,京都市,261009
指定都市,大阪府,大阪市,271004
指定都市,大阪府,堺市,271403
指定都市,兵庫県,神戸市,281000
指定都市,岡山県,岡山市,331007
指定都市,広島県,広島市,341002
指定都市,福岡県,北九州市,401005
指定都市,福岡県,福岡市,401307
指定都市,熊本県,熊本市,431001
中核市,北海道,函館市,012025
中核市,北海道,旭川市,012041
中核市,青森県,青森市,022012
中核市,青森県,八戸市,022039
中核市,岩手県,盛岡市,032018
中核市,秋田県,秋田市,052019
中核市,山形県,山形市,062014
中核市,福島県,福島市,072010
中核市,福島県,郡山市,072036
中核市,福島県,いわき市,072044
中核市,茨城県,水戸市,082015
中核市,栃木県,宇都宮市,092011
中核市,群馬県,前橋市,102016
中核市,群馬県,高崎市,102024
中核市,埼玉県,川越市,112011
中核市,埼玉県,川口市,112038
中核市,埼玉県,越谷市,112224
中核市,千葉県,船橋市,122041
中核市,千葉県,柏市,122173
中核市,東京都,八王子市,132012
中核市,神奈川県,横須賀市,142018
中核市,富山県,富山市,162019
中核市,石川県,金沢市,172014
中核市,福井県,福井市,182010
中核市,山梨県,甲府市,192015
中核市,長野県,長野市,202011
中核市,長野県,松本市,202029
中核市,岐阜県,岐阜市,212016
中核市,愛知県,豊橋市,232017
中核市,愛知県,岡崎市,232025
中核市,愛知県,一宮市,232033
中核市,愛知県,豊田市,232114
中核市,滋賀県,大津市,252018
中核市,大阪府,豊中市,272035
中核市,大阪府,吹田市,272051
中核市,大阪府,高槻市,272078
中核市,大阪府,枚方市,272108
中核市,大阪府,八尾市,272124
中核市,大阪府,寝屋川市,272159
中核市,大阪府,東大阪市,272272
中核市,兵庫県,姫路市,282014
中核市,兵庫県,尼崎市,282022
中核市,兵庫県,明石市,282031
中核市,兵庫県,西宮市,282049
中核市,奈良県,奈良市,292010
中核市,和歌山県,和歌山市,302015
中核市,鳥取県,鳥取市,312011
中核市,島根県,松江市,322016
中核市,岡山県,倉敷市,332020
中核市,広島県,呉市,342025
中核市,広島県,福山市,342076
中核市,山口県,下関市,352012
中核市,香川県,高松市,372013
中核市,愛媛県,松山市,382019
中核市,高知県,高知市,392014
中核市,福岡県,久留米市,402036
中核市,長崎県,長崎市,422011
中核市,長崎県,佐世保市,422029
中核市,大分県,大分市,442011
中核市,宮崎県,宮崎市,452017
中核市,鹿児島県,鹿児島市,462012
中核市,沖縄県,那覇市,472018
`;

export const DESIGNATED_CITIES: readonly DesignatedCity[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [kind, prefName, name, code] = line.split(',') as [DesignatedCityKind, string, string, string];
    return { kind, prefName, name, code };
  });

/** Finds a city by prefecture and name within `table` (the national list unless a dataset adds to it). */
export function findDesignatedCity(
  prefName: string,
  name: string,
  table: readonly DesignatedCity[] = DESIGNATED_CITIES,
): DesignatedCity | undefined {
  return table.find((c) => c.prefName === prefName && c.name === name);
}
