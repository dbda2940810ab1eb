/**
 * Online basemaps the map can put under the data when the server is set up for one (BASEMAP).
 * 国土地理院 淡色地図: raster tiles, z2–18, to be credited 「地理院タイル」 with a link
 * (https://maps.gsi.go.jp/development/ichiran.html).
 */
export interface Basemap {
  name: string;
  tiles: string[];
  tileSize: number;
  minzoom: number;
  maxzoom: number;
  attribution: string;
}

export type BasemapName = 'none' | 'gsi-pale';

export const BASEMAPS: Record<BasemapName, Basemap | null> = {
  none: null,
  'gsi-pale': {
    name: '国土地理院 淡色地図',
    tiles: ['https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png'],
    tileSize: 256,
    minzoom: 2,
    maxzoom: 18,
    attribution: '<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a>',
  },
};
