import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The 24 published columns of the 介護サービス情報公表 open data (domain.md §7). */
const HEADER = ['都道府県コード又は市町村コード', 'No', '都道府県名', '市区町村名', '事業所名', '事業所名カナ', 'サービスの種類', '住所', '方書（ビル名等）', '緯度', '経度', '電話番号', 'FAX番号', '法人番号', '法人の名称', '事業所番号', '利用可能曜日', '利用可能曜日特記事項', '定員', 'URL', '高齢者の方と障害者の方が同時一体的に利用できるサービス', '介護保険の通常の指定基準を満たしている', '障害福祉の通常の指定基準を満たしている', '備考'];

export interface KaigoRow { code: string; muni: string; pref?: string; name: string; service: string; address: string; lat: string; lng: string; number: string }

/** One open-data CSV named `name` (UTF-8 with BOM, CRLF) holding `rows`, in a fresh temporary folder. */
export function kaigoCsv(name: string, rows: KaigoRow[]): string {
  const lines = rows.map((r, i) => {
    const cells = Array<string>(HEADER.length).fill('');
    Object.assign(cells, { 0: r.code, 1: String(i + 1), 2: r.pref ?? '鳥取県', 3: r.muni, 4: r.name, 6: r.service, 7: r.address, 9: r.lat, 10: r.lng, 15: r.number, 18: '50' });
    return cells.join(',');
  });
  const path = join(mkdtempSync(join(tmpdir(), 'renkei-kaigo-')), name);
  writeFileSync(path, `\uFEFF${[HEADER.join(','), ...lines].join('\r\n')}\r\n`);
  return path;
}
