import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/client';
import { tileData } from '../../server/features/tiles/tile-data';
import { demoApp, type TestApp } from '../helpers/db';
import { signInAs, type Session } from '../helpers/session';
import { EngineStore } from '../../server/features/engine/engine-store';

/**
 * 未把握 is not 不足 (domain.md §3), over the whole demo region: no facility whose partners are
 * unknown appears anywhere with a list of missing requirements, in a lacking list, or in a share —
 * yet every search for it covers its whole required set and says so.
 */
let db: Db;
let app: TestApp;
let officer: Session;
let unknownIds: string[];

beforeAll(async () => {
  ({ db, app } = await demoApp());
  officer = await signInAs(app, 'admin');
  const all = (await officer.call('GET', '/api/facilities')).body.features as { properties: { id: string; status: string; missing: unknown; met: unknown } }[];
  unknownIds = all.filter((f) => f.properties.status === 'unknown').map((f) => f.properties.id);
  expect(unknownIds.length).toBeGreaterThan(20);
  for (const f of all) if (f.properties.status === 'unknown') expect(f.properties).toMatchObject({ missing: null, met: null });
});

describe('no unknown facility is reported as lacking', () => {
  it('its detail says nothing is met or missing, and what a search looks for', async () => {
    for (const id of unknownIds) {
      const { coverage } = (await officer.call('GET', `/api/facilities/${id}`)).body;
      expect(coverage, id).toMatchObject({ status: 'unknown', met: null, missing: null, basis: 'unknown' });
      expect(coverage.searchFor, id).toEqual(coverage.required);
    }
  });

  it('the lacking list holds only 一部 and 未; the unknown have their own list', async () => {
    const lacking = (await officer.call('GET', '/api/gaps/facilities?prefecture=99&limit=1000')).body.facilities as { facilityId: string; status: string }[];
    expect(lacking.filter((f) => unknownIds.includes(f.facilityId))).toEqual([]);
    expect(new Set(lacking.map((f) => f.status))).toEqual(new Set(['partial', 'none']));
    const unknown = (await officer.call('GET', '/api/gaps/facilities?prefecture=99&limit=1000&list=unknown')).body.facilities as { facilityId: string; missing: unknown }[];
    expect(unknown.map((f) => f.facilityId).sort()).toEqual([...unknownIds].sort());
    expect(unknown.every((f) => f.missing === null)).toBe(true);
  });

  it('candidates and combinations search the whole set of every unknown facility and say so', async () => {
    for (const id of unknownIds.slice(0, 15)) {
      for (const path of ['candidates?maxMinutes=60', 'combinations?maxMinutes=60']) {
        const body = (await officer.call('GET', `/api/facilities/${id}/${path}`)).body;
        expect(body, `${id} ${path}`).toMatchObject({ missing: null, basis: 'unknown' });
        expect(body.searchFor.length, id).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('the plan still covers the unknown, reporting what it searched, not what is missing', async () => {
    const plan = (await officer.call('POST', '/api/plan', { prefecture: '99', maxMinutes: 60, defaultCapacity: 2 })).body;
    const planned = new Set([...plan.assignments.map((a: any) => a.facilityId), ...plan.uncoverable.map((u: any) => u.facilityId)]);
    expect(unknownIds.filter((id) => !planned.has(id))).toEqual([]);
    for (const u of plan.uncoverable.filter((x: any) => unknownIds.includes(x.facilityId))) expect(u).toMatchObject({ missing: null, basis: 'unknown' });
  });

  it('a hospital sees nearby unknown facilities as unknown, never with missing requirements', async () => {
    const codes = (db.$client.prepare("select code from institutions where lat is not null and withdrawn_on is null limit 25").all() as { code: string }[]).map((r) => r.code);
    let seen = 0;
    for (const code of codes) {
      const body = (await officer.call('GET', `/api/institutions/${code}/nearby-facilities?maxMinutes=60`)).body;
      for (const f of body.facilities.filter((x: any) => x.status === 'unknown')) {
        expect(f, code).toMatchObject({ missing: null, basis: 'unknown' });
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('tiles: unknown facilities carry no `missing`, and each area counts its known apart', () => {
    const snap = new EngineStore(db).get('2026-11-22');
    const tiles = tileData(db, snap);
    for (const f of tiles.facilities.filter((x) => x.properties.status === 'unknown')) expect(f.properties).not.toHaveProperty('missing');
    const unknownIn = new Map<string, number>();
    for (const f of [...snap.facilities, ...snap.unplaced]) if (f.status === 'unknown' && f.municipalityCode) unknownIn.set(f.municipalityCode, (unknownIn.get(f.municipalityCode) ?? 0) + 1);
    const areas = tiles.areas.map((a) => a.properties as Record<string, number | string>).filter((p) => p.n_all);
    expect(areas.length).toBeGreaterThan(5);
    for (const p of areas) {
      expect(Number(p.n_all) - Number(p.k_all), String(p.name)).toBe(unknownIn.get(String(p.code)) ?? 0);
      expect(Number(p.c_all)).toBeLessThanOrEqual(Number(p.k_all));
    }
  });
});
