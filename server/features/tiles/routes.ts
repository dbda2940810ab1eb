import { gunzipSync } from 'node:zlib';
import { allow, PUBLIC } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { tileParams, tileQuery } from '../../contracts/api';
import { validate } from '../../validate';
import { tileData } from './tile-data';
import { TileSet } from './tile-store';

/**
 * GET /api/tiles/:set/:z/:x/:y — one Mapbox Vector Tile of the set (areas or points: tile-store.ts);
 * 204 when empty.
 * `?v=` is the data version (GET /api/meta `dataVersion`): a tile asked for by the current version
 * may be cached for good, since any change of the data changes the version.
 */
export const tilesRoutes = new Hono<AppEnv>().get('/:set/:z/:x/:y', validate('param', tileParams), validate('query', tileQuery), allow(PUBLIC), (c) => {
  const { set: name, z, x, y } = c.req.valid('param');
  const { v } = c.req.valid('query');
  const { db, engine, memo, today } = c.var;
  const version = memo.versionOn(today());
  const gz = memo.get(today(), 'tiles', () => new TileSet(tileData(db, engine.get(today())))).tile(name, z, x, y);
  c.header('cache-control', v === version ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (!gz) return c.body(null, 204);
  c.header('content-type', 'application/vnd.mapbox-vector-tile');
  if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(new Uint8Array(gunzipSync(gz)));
  c.header('content-encoding', 'gzip');
  return c.body(gz);
});
