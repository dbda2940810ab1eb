import { describe, expect, it } from 'vitest';
import { labelMinZooms, type LabelCandidate } from '../../server/features/tiles/label-zoom';

/** Pixel position of a point at zoom z on 512 px tiles (Web Mercator). */
const px = (l: LabelCandidate, z: number): [number, number] => {
  const s = Math.sin((l.lat * Math.PI) / 180);
  const scale = 512 * 2 ** z;
  return [(l.lng / 360 + 0.5) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
};

/** A grid of towns 0.05° apart (about 4.5 km), names 2–6 characters, weights in no particular order. */
const towns: LabelCandidate[] = Array.from({ length: 400 }, (_, k) => ({
  lng: 134 + (k % 20) * 0.05,
  lat: 35 + Math.floor(k / 20) * 0.05,
  name: '合成町名です'.slice(0, 2 + (k % 5)),
  weight: (k * 7919) % 400,
}));

describe('labelMinZooms: which area names the tiles hold at each zoom', () => {
  const zooms = labelMinZooms(towns, 10);

  it('keeps the names at any zoom clear of one another at the map’s label size', () => {
    for (const z of [5, 7, 8, 9]) {
      const kept = towns.filter((_, k) => zooms[k]! <= z);
      for (const [i, a] of kept.entries()) {
        for (const b of kept.slice(i + 1)) {
          const [ax, ay] = px(a, z);
          const [bx, by] = px(b, z);
          const apart = Math.abs(ax - bx) >= ([...a.name].length + [...b.name].length) * 6.5 + 12 || Math.abs(ay - by) >= 25;
          expect(apart, `${a.name}@${a.lng},${a.lat} and ${b.name}@${b.lng},${b.lat} at z${z}`).toBe(true);
        }
      }
    }
  });

  it('puts the largest area in first, more names in as the map zooms in, and every name in from the last zoom', () => {
    const largest = towns.findIndex((t) => t.weight === Math.max(...towns.map((u) => u.weight)));
    expect(zooms[largest]).toBe(0);
    const countAt = (z: number) => zooms.filter((m) => m <= z).length;
    expect(countAt(7)).toBeLessThan(countAt(8));
    expect(countAt(8)).toBeLessThan(countAt(9));
    expect(countAt(9)).toBeLessThan(towns.length);
    expect(countAt(10)).toBe(towns.length);
    expect(labelMinZooms([], 10)).toEqual([]);
  });
});
