import { describe, expect, it } from 'vitest';
import { bboxAround, DEFAULT_TRAVEL_MODEL, estimateDriveMinutes, haversineKm, isInJapan, maxStraightKmFor } from '../../server/domain/geo';

describe('distances', () => {
  it('measures Tokyo Station – Osaka Station at about 403 km', () => {
    expect(haversineKm([139.7671, 35.6812], [135.4959, 34.7025])).toBeCloseTo(403.5, 0);
  });
  it('is zero for duplicate coordinates', () => expect(haversineKm([134.2, 35.5], [134.2, 35.5])).toBe(0));
});

describe('drive-time estimate', () => {
  it('is km × circuity ÷ speed, in minutes', () => {
    const { circuityFactor, averageSpeedKmh } = DEFAULT_TRAVEL_MODEL;
    expect(estimateDriveMinutes(10)).toBeCloseTo((10 * circuityFactor * 60) / averageSpeedKmh, 9);
    expect(estimateDriveMinutes(10, { circuityFactor: 1, averageSpeedKmh: 60 })).toBe(10);
  });
  it('inverts: the largest straight distance within N minutes', () => {
    expect(estimateDriveMinutes(maxStraightKmFor(30))).toBeCloseTo(30, 9);
  });
  it('a box around a point contains every point within the distance', () => {
    const c: [number, number] = [134.2, 35.5];
    const b = bboxAround(c, 20);
    for (let deg = 0; deg < 360; deg += 15) {
      const r = (deg * Math.PI) / 180;
      const p: [number, number] = [c[0] + (19.9 / (111.32 * Math.cos((c[1] * Math.PI) / 180))) * Math.cos(r), c[1] + (19.9 / 111.0) * Math.sin(r)];
      expect(haversineKm(c, p)).toBeLessThan(20.1);
      expect(p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]).toBe(true);
    }
  });
});

it('knows roughly where Japan is (0,0 and far outliers are not)', () => {
  expect(isInJapan(134.2, 35.5)).toBe(true);
  expect(isInJapan(0, 0)).toBe(false);
  expect(isInJapan(-134.2, 35.5)).toBe(false);
});
