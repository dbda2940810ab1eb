import KDBush from 'kdbush';
import { mercator } from './web-mercator';

/**
 * The zoom from which each area's name goes into the tiles. At a regional zoom hundreds of names fall
 * in one view and most would collide; sending them all costs the browser the layout and drawing of
 * every one, and which ones MapLibre then keeps is down to tile order. Instead the names are spread
 * here, larger areas first: a name enters at the first zoom where its box (at the map's label size)
 * clears every name already in, and stays at every zoom beyond (boxes only move apart as the map
 * zooms in). From `allFrom` on, every name is in and the map's own collision decides.
 */
export interface LabelCandidate {
  lng: number;
  lat: number;
  name: string;
  /** Larger comes first: the area's size. */
  weight: number;
}

/** The label style (web/src/map/style.ts area-label): 13 px text with a halo, spaced a little. */
const GLYPH_PX = 13;
const PAD_PX = 6;
const HALF_HEIGHT_PX = GLYPH_PX / 2 + PAD_PX;
/** Tiles are drawn 512 px wide. */
const TILE_PX = 512;

export function labelMinZooms(labels: LabelCandidate[], allFrom: number): number[] {
  const n = labels.length;
  const minZoom = new Array<number>(n).fill(allFrom);
  if (n === 0) return minZoom;
  const at = labels.map((l) => mercator(l.lng, l.lat));
  const halfWidth = labels.map((l) => ([...l.name].length * GLYPH_PX) / 2 + PAD_PX);
  const widest = Math.max(...halfWidth);
  const index = new KDBush(n);
  for (const [x, y] of at) index.add(x, y);
  index.finish();
  const order = [...labels.keys()].sort((a, b) => labels[b]!.weight - labels[a]!.weight || a - b);
  const placed = new Array<boolean>(n).fill(false);
  for (let z = 0; z < allFrom; z++) {
    const scale = TILE_PX * 2 ** z;
    for (const i of order) {
      if (placed[i]) continue;
      const [x, y] = at[i]!;
      const rx = (halfWidth[i]! + widest) / scale;
      const ry = (2 * HALF_HEIGHT_PX) / scale;
      const clear = index.range(x - rx, y - ry, x + rx, y + ry).every((j) => {
        if (!placed[j]) return true;
        const [xj, yj] = at[j]!;
        return Math.abs(xj - x) * scale >= halfWidth[i]! + halfWidth[j]! || Math.abs(yj - y) * scale >= 2 * HALF_HEIGHT_PX;
      });
      if (clear) {
        placed[i] = true;
        minZoom[i] = z;
      }
    }
  }
  return minZoom;
}
