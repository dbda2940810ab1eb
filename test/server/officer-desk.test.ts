import { beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../server/auth/accounts';
import type { Db } from '../../server/db/client';
import { daysFrom } from '../../server/domain/dates';
import { FACILITY_TYPES } from '../../server/domain/facility-types';
import { municipalityCodeFrom5 } from '../../server/domain/identifiers';
import { demoApp, type TestApp } from '../helpers/db';
import { signIn, signInAs, type Session } from '../helpers/session';

/**
 * The officer's desk (GET /api/officer/desk) and the tracker in full (GET /api/filings/tracker) on the
 * demo region: デモ県 (99), its 政令市 デモ市 (991007) with three wards, and seven other municipalities.
 * The tests share one database; those that write (a deadline, a filing) set what they read.
 */
let app: TestApp;
let db: Db;
let admin: Session;
let officer: Session;
let cityOfficer: Session;
const PREF = municipalityCodeFrom5('99000'); // デモ県 as an authority
const CITY = '991007';
const TODAY = '2026-11-22';
const WARDS = ['991015', '991023', '991031'];
/** Types a municipality designates (地域密着): never the prefecture's. */
const LOCAL_TYPES = Object.values(FACILITY_TYPES).filter((t) => t.designatedBy === 'municipality').map((t) => t.shortJa);

beforeAll(async () => {
  ({ app, db } = await demoApp());
  admin = await signInAs(app, 'admin');
  officer = await signInAs(app, 'municipality');
  await addAccount(db, { login: 'demo-city', role: 'municipality', scope: [CITY], password: 'demo-city-officer' }, 'test');
  await addAccount(db, { login: 'tokyo-officer', role: 'municipality', scope: ['13'], password: 'tokyo-officer-pw' }, 'test');
  cityOfficer = await signIn(app, 'demo-city', 'demo-city-officer');
});

const desk = async (s: Session, query = 'fiscalYear=2026') => {
  const res = await s.call('GET', `/api/officer/desk?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const tracker = async (s: Session, query: string) => {
  const res = await s.call('GET', `/api/filings/tracker?fiscalYear=2026&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const filed = (m: { filed: number; notFiled: number; overdue: number }) => m.filed + m.notFiled + m.overdue;

describe("the officer's desk", () => {
  it('lists every municipality of the area, wards with their city, with exactly the counts GET /api/municipalities gives', async () => {
    const d = await desk(officer);
    const areas = ((await (await app.request('/api/municipalities?prefecture=99&geometry=false')).json()) as any).features.map((f: any) => f.properties);
    expect(d.municipalities.map((m: any) => m.code)).toEqual(areas.map((a: any) => a.code).sort());
    for (const m of d.municipalities) {
      const a = areas.find((x: any) => x.code === m.code);
      expect({ code: m.code, name: m.name, kind: m.kind, facilities: m.facilities, covered: m.covered, partial: m.partial, none: m.none, unknown: m.unknown }).toEqual({
        code: a.code, name: a.name, kind: a.kind, facilities: a.counts.total, covered: a.counts.covered, partial: a.counts.partial, none: a.counts.none, unknown: a.counts.unknown,
      });
    }
  });

  it("a prefecture officer files for the prefecture: its counts leave out the 政令市's facilities and the 地域密着 types", async () => {
    const d = await desk(officer);
    expect(d.scope).toEqual(['99']);
    expect(d.authorities).toEqual([{ code: PREF, name: 'デモ県', level: 'prefecture', deadline: null, daysLeft: null, facilities: expect.any(Number), filed: 0, notFiled: expect.any(Number), overdue: 0 }]);
    for (const code of [CITY, ...WARDS]) expect(filed(d.municipalities.find((m: any) => m.code === code)), code).toBe(0);
    const t = await tracker(officer, `authority=${PREF}&limit=1000`);
    const towns = d.municipalities.filter((m: any) => m.kind !== 'designated_city');
    expect(towns.reduce((n: number, m: any) => n + filed(m), 0)).toBe(t.total);
    expect(d.authorities[0].facilities).toBe(t.total);
  });

  it("a city officer's desk: the city and its wards, and the city's own authority with its 地域密着 types", async () => {
    const d = await desk(cityOfficer);
    expect(d.municipalities.map((m: any) => m.code)).toEqual([CITY, ...WARDS]);
    expect(d.authorities.map((a: any) => [a.code, a.level])).toEqual([[CITY, 'municipality']]);
    const city = d.municipalities[0];
    const wards = d.municipalities.slice(1);
    expect(filed(city)).toBe(wards.reduce((n: number, m: any) => n + filed(m), 0));
    const t = await tracker(cityOfficer, `authority=${CITY}&limit=1000`);
    expect(filed(city)).toBe(t.total);
    expect(t.facilities.some((f: any) => LOCAL_TYPES.includes(f.typeJa))).toBe(true);
  });

  it('counts a deadline passed as overdue, a filing received as filed, and days to the deadline of the authority designating most', async () => {
    expect((await officer.call('PUT', `/api/filings/deadlines/${PREF}/2026`, { dueOn: '2026-11-01' })).status).toBe(200);
    const late = await desk(officer);
    expect(late.authorities[0]).toMatchObject({ deadline: '2026-11-01', daysLeft: daysFrom(TODAY, '2026-11-01'), filed: 0, notFiled: 0 });
    expect(late.authorities[0].overdue).toBe(late.authorities[0].facilities);

    expect((await officer.call('PUT', `/api/filings/deadlines/${PREF}/2026`, { dueOn: '2027-01-31' })).status).toBe(200);
    const facilityId = (await tracker(officer, `authority=${PREF}&municipality=992038&type=tokuyo&limit=1`)).facilities[0].facilityId;
    const xlsx = await (await admin.request(`/api/facilities/${facilityId}/filing.xlsx?fiscalYear=2026`)).arrayBuffer();
    expect((await officer.request('/api/filings?fileName=filing.xlsx', { method: 'POST', body: new Uint8Array(xlsx) })).status).toBe(201);
    const d = await desk(officer);
    expect(d.authorities[0]).toMatchObject({ deadline: '2027-01-31', daysLeft: 70, filed: 1 });
    const nishiyama = d.municipalities.find((m: any) => m.code === '992038');
    expect(nishiyama).toMatchObject({ filed: 1, overdue: 0, daysToDeadline: 70, deadlineAuthority: { code: PREF, name: 'デモ県', dueOn: '2027-01-31' } });
    // The city designates most of its wards' facilities and has set no deadline.
    expect(d.municipalities.find((m: any) => m.code === '991031')).toMatchObject({ daysToDeadline: null, deadlineAuthority: { code: CITY, dueOn: null } });
  });

  it('an administrator sees every prefecture in the data, or the scope asked; an officer may not ask outside its area', async () => {
    expect((await desk(admin)).scope).toEqual(['99']);
    const city = await desk(admin, `fiscalYear=2026&scope=${CITY}`);
    expect(city.municipalities.map((m: any) => m.code)).toEqual([CITY, ...WARDS]);
    expect((await desk(officer, `scope=${CITY}`)).authorities.map((a: any) => a.code)).toEqual([CITY]);
    expect((await cityOfficer.call('GET', '/api/officer/desk?scope=99')).status).toBe(403);
    const tokyo = await signIn(app, 'tokyo-officer', 'tokyo-officer-pw');
    expect(await desk(tokyo)).toMatchObject({ scope: ['13'], authorities: [], municipalities: [] });
    const bad = await admin.call('GET', '/api/officer/desk?scope=991008');
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'scope']);
    expect((await (await signInAs(app, 'facility')).call('GET', '/api/officer/desk')).status).toBe(403);
    expect((await app.request('/api/officer/desk')).status).toBe(401);
  });
});

describe('the tracker in full', () => {
  it("a prefecture officer's tracker leaves out the 地域密着 types and the designated city's facilities, and names each municipality", async () => {
    const t = await tracker(officer, `authority=${PREF}&limit=1000`);
    expect(t.total).toBeGreaterThan(20);
    expect(t.facilities).toHaveLength(t.total);
    expect(t.facilities.filter((f: any) => LOCAL_TYPES.includes(f.typeJa))).toEqual([]);
    expect(t.facilities.filter((f: any) => [CITY, ...WARDS].includes(f.municipalityCode))).toEqual([]);
    for (const f of t.facilities) expect(f.municipalityName, f.facilityId).toEqual(expect.any(String));
  });

  it('pages with offset and limit; total counts the rows after the filters, counts the whole list', async () => {
    const all = await tracker(officer, `authority=${PREF}&limit=1000`);
    const first = await tracker(officer, `authority=${PREF}&limit=5`);
    const second = await tracker(officer, `authority=${PREF}&limit=5&offset=5`);
    expect([first.total, second.total, first.limit, second.offset]).toEqual([all.total, all.total, 5, 5]);
    expect([...first.facilities, ...second.facilities]).toEqual(all.facilities.slice(0, 10));
    expect((await tracker(officer, `authority=${PREF}`)).facilities).toHaveLength(Math.min(100, all.total));
    expect((await tracker(officer, `authority=${PREF}&offset=${all.total}`)).facilities).toEqual([]);
    for (const [q, field] of [['limit=0', 'limit'], ['limit=1001', 'limit'], ['offset=-1', 'offset'], ['status=late', 'status'], ['type=hotel', 'type'], ['municipality=99', 'municipality']]) {
      const res = await officer.call('GET', `/api/filings/tracker?authority=${PREF}&${q}`);
      expect([res.status, res.body.error.issues[0].path], q).toEqual([400, field]);
    }
  });

  it('filters by municipality (a city takes in its wards), facility type and status', async () => {
    const all = await tracker(officer, `authority=${PREF}&limit=1000`);
    const town = await tracker(officer, `authority=${PREF}&municipality=992020&limit=1000`);
    expect(town.total).toBeGreaterThan(0);
    expect(town.facilities.every((f: any) => f.municipalityCode === '992020' && f.municipalityName === '東浜市')).toBe(true);
    expect(town.counts).toEqual(all.counts);
    const tokuyo = await tracker(officer, `authority=${PREF}&type=tokuyo&limit=1000`);
    expect(tokuyo.total).toBe(all.facilities.filter((f: any) => f.typeJa === '特養').length);
    const wards = await tracker(cityOfficer, `authority=${CITY}&municipality=${CITY}&limit=1000`);
    expect(wards.total).toBe((await tracker(cityOfficer, `authority=${CITY}&limit=1000`)).total);
    expect(new Set(wards.facilities.map((f: any) => f.municipalityCode))).toEqual(new Set(WARDS));
    const byStatus = await Promise.all(['filed', 'not_filed', 'overdue'].map((s) => tracker(officer, `authority=${PREF}&status=${s}&limit=1000`)));
    expect(byStatus.map((t) => t.total)).toEqual([all.counts.filed, all.counts.notFiled, all.counts.overdue]);
    for (const [i, s] of ['filed', 'not_filed', 'overdue'].entries()) expect(byStatus[i]!.facilities.every((f: any) => f.status === s)).toBe(true);
  });
});
