/**
 * Road travel times from an OSRM-compatible table service (`ROUTING_URL`), used for the final
 * ranking of the nearest candidates. One request per ranking: the facility as the only source, the
 * candidates as destinations (`/table/v1/driving/{lng,lat;…}?sources=0&annotations=duration`).
 * Any failure (timeout, error, missing duration) returns null and the built-in estimate stays.
 */
export interface TravelTimes {
  /** Minutes from `from` to each of `to` (null where the service has no route). */
  minutes(from: readonly [number, number], to: readonly (readonly [number, number])[]): Promise<(number | null)[] | null>;
}

export function osrmTravelTimes(baseUrl: string, timeoutMs = 3000): TravelTimes {
  return {
    async minutes(from, to) {
      if (to.length === 0) return [];
      const coords = [from, ...to].map(([lng, lat]) => `${lng.toFixed(6)},${lat.toFixed(6)}`).join(';');
      const url = `${baseUrl.replace(/\/$/, '')}/table/v1/driving/${coords}?sources=0&annotations=duration`;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) return null;
        const body = (await res.json()) as { code?: string; durations?: (number | null)[][] };
        const row = body.code === 'Ok' ? body.durations?.[0] : undefined;
        if (!row || row.length !== to.length + 1) return null;
        return row.slice(1).map((s) => (typeof s === 'number' ? s / 60 : null));
      } catch {
        return null;
      }
    },
  };
}
