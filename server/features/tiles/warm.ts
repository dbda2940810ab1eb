import { mercator } from './web-mercator';

/** Tiles cut ahead of the first visitors: every tile of the data's box up to this zoom, in both sets. */
export const WARM_MAX_ZOOM = 8;

/** The tile (x, y) holding a point at zoom z (Web Mercator). */
export function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  const [x, y] = mercator(lng, lat);
  return [clamp(x * n), clamp(y * n)];
}

/**
 * Cuts the tiles a visitor meets first — the country down to a prefecture — through the app itself
 * (so they land in the same cache as a visitor's), one request per event-loop turn so visitors'
 * requests are never held up for long. Resolves with how many tiles were asked for.
 */
export async function warmTiles(app: { request: (path: string) => Response | Promise<Response> }, bbox: [number, number, number, number], version: string, maxZoom = WARM_MAX_ZOOM): Promise<number> {
  let n = 0;
  for (let z = 0; z <= maxZoom; z++) {
    const [x0, y0] = tileOf(bbox[0], bbox[3], z);
    const [x1, y1] = tileOf(bbox[2], bbox[1], z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        for (const set of ['areas', 'points']) {
          await new Promise((r) => setImmediate(r));
          await app.request(`/api/tiles/${set}/${z}/${x}/${y}?v=${version}`);
          n++;
        }
      }
    }
  }
  return n;
}
