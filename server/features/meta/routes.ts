import { Hono } from 'hono';
import { allow, PUBLIC } from '../../auth/rules';
import type { AppEnv } from '../../app-env';
import type { Db } from '../../db/client';
import { datasets } from '../../db/schema';
import { DEFAULT_SCORE_WEIGHTS } from '../../domain/engine/score';
import { FACILITY_TYPES, SERVICE_CODES, BINDING_FROM } from '../../domain/facility-types';
import { DEFAULT_TRAVEL_MODEL } from '../../domain/geo';
import { REQUIREMENT_INFO } from '../../domain/requirements';

/** What the UI needs to label things: data sources with as-of dates and attribution, and the rule tables. */
export const metaRoutes = new Hono<AppEnv>().get('/', allow(PUBLIC), (c) => {
  const { db, today, engine, basemap } = c.var;
  const sources = db.select().from(datasets).all();
  return c.json({
    today: today(),
    /** Changes with the data: the map's tile URLs carry it. */
    dataVersion: engine.version(today()),
    /** [minLng, minLat, maxLng, maxLat] of every placed facility and institution: where the map opens. */
    bbox: dataBox(db),
    bindingFrom: BINDING_FROM,
    fictional: sources.some((s) => s.fictional),
    sources: sources.map((s) => ({ kind: s.kind, label: s.label, fileName: s.fileName, asOf: s.asOf, attribution: s.attribution, fictional: s.fictional, importedAt: s.importedAt })),
    requirements: REQUIREMENT_INFO,
    facilityTypes: FACILITY_TYPES,
    serviceCodes: SERVICE_CODES,
    travelModel: DEFAULT_TRAVEL_MODEL,
    scoreWeights: DEFAULT_SCORE_WEIGHTS,
    /** The online basemap the map may turn on (BASEMAP), or null: the map is offline. */
    basemap,
  });
});

function dataBox(db: Db): [number, number, number, number] | null {
  const q = (table: string) => db.$client.prepare(`select min(lng) w, min(lat) s, max(lng) e, max(lat) n from ${table} where lng is not null and withdrawn_on is null`).get() as { w: number | null; s: number; e: number; n: number };
  const boxes = [q('facilities'), q('institutions')].filter((b) => b.w !== null);
  if (boxes.length === 0) return null;
  return [Math.min(...boxes.map((b) => b.w!)), Math.min(...boxes.map((b) => b.s)), Math.max(...boxes.map((b) => b.e)), Math.max(...boxes.map((b) => b.n))];
}
