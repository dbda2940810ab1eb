import type { SourceKind } from './records';

/** How each kind of source is labelled and credited in the UI (licences: README, Data sources). */
export const SOURCE_INFO: Record<SourceKind, { label: string; attribution: string }> = {
  manifest: { label: 'データセット', attribution: '' },
  n03_boundaries: { label: '行政区域', attribution: '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成' },
  town_points: { label: '町丁目の代表点', attribution: 'Geolonia 住所データ（japanese-addresses, CC BY 4.0）' },
  kaigo_open_data: { label: '介護事業所', attribution: '厚生労働省 介護サービス情報公表システム' },
  facility_template: { label: '施設（テンプレート）', attribution: '自治体提供（Renkei Map テンプレート）' },
  kouseikyoku_meibo: { label: '届出受理医療機関名簿', attribution: '地方厚生局 届出受理医療機関名簿' },
  navii: { label: '医療機関の位置', attribution: '厚生労働省 医療情報ネット（ナビイ）' },
  partnership_template: { label: '協力医療機関（テンプレート）', attribution: '自治体提供（Renkei Map テンプレート）' },
};
