import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAVEL_MODEL, maxStraightKmFor } from '../../server/domain/geo';
import { ringsBox, travelRings } from '../../web/src/map/overlays';

/** The box the map fits when rings are chosen (facility view on a phone): the widest ring, whole. */
describe('ringsBox', () => {
  const centre: [number, number] = [134.2, 35.5];
  it('is null when no ring is drawn', () => expect(ringsBox([])).toBeNull());
  it('holds the widest of several rings, centred on their centre', () => {
    const rings = travelRings(centre, [15, 60], DEFAULT_TRAVEL_MODEL, (m) => `${m}`);
    const [w, s, e, n] = ringsBox(rings)!;
    const km = maxStraightKmFor(60, DEFAULT_TRAVEL_MODEL);
    // 1° of latitude ≈ 111.2 km: the box is the 60-minute ring's diameter tall.
    expect((n - s) * 111.2).toBeCloseTo(2 * km, -1);
    expect((w + e) / 2).toBeCloseTo(centre[0], 3);
    expect((s + n) / 2).toBeCloseTo(centre[1], 1);
    expect(ringsBox(rings.slice(0, 1))![3]).toBeLessThan(n);
  });
});
