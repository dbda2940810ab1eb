import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type TestApp } from '../helpers/db';

let app: TestApp;
beforeAll(async () => {
  ({ app } = await demoApp());
});
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/gaps/facilities', () => {
  it('lists every facility of the area known to lack coverage (一部, 未), with severity, deadline and structural gaps', async () => {
    const { status, body } = await get('/api/gaps/facilities?prefecture=99&maxMinutes=30&limit=1000');
    expect(status).toBe(200);
    const all = (await get('/api/facilities')).body.features;
    const lacking = all.filter((f: any) => f.properties.status === 'partial' || f.properties.status === 'none');
    expect(body.facilities.map((f: any) => f.facilityId).sort()).toEqual(lacking.map((f: any) => f.properties.id).sort());
    // The 未把握 are their own list, never among the lacking.
    const unknown = (await get('/api/gaps/facilities?prefecture=99&maxMinutes=30&list=unknown&limit=1000')).body;
    expect(unknown.facilities.map((f: any) => f.facilityId).sort()).toEqual(all.filter((f: any) => f.properties.status === 'unknown').map((f: any) => f.properties.id).sort());
    expect(unknown.facilities.every((f: any) => f.status === 'unknown' && f.missing === null && f.basis === 'unknown')).toBe(true);
    const structuralIds = [...body.facilities, ...unknown.facilities].filter((f: any) => f.noAdmitHospital || f.unreachable.length > 0).map((f: any) => f.facilityId);
    for (const f of body.facilities) {
      expect(['partial', 'none']).toContain(f.status);
      expect(f.severity).toBeGreaterThanOrEqual(1);
      if (f.level === 'mandatory') expect(f.deadline.date <= '2027-04-01').toBe(true);
      if (f.level === 'mandatory' && f.status !== 'unknown') expect(f.severity).toBe(f.missing.includes('admit') ? 1 : 2);
    }
    // Structural gaps agree with GET /api/gaps for the same area and time.
    const gaps = (await get('/api/gaps?prefecture=99&maxMinutes=30')).body;
    const structuralNotCovered = gaps.structuralGaps.map((g: any) => g.facilityId).filter((id: string) => all.some((f: any) => f.properties.id === id && f.properties.status !== 'covered'));
    expect(structuralIds.sort()).toEqual(structuralNotCovered.sort());
    expect(gaps.structuralGaps[0].position).toHaveLength(2);
  });

  it('narrows to a municipality, and 400s both scopes at once', async () => {
    const one = (await get('/api/gaps/facilities?prefecture=99')).body.facilities.find((f: any) => f.municipalityCode);
    const { body } = await get(`/api/gaps/facilities?municipality=${one.municipalityCode}`);
    expect(body.facilities.every((f: any) => f.municipalityCode === one.municipalityCode)).toBe(true);
    expect(body.facilities.some((f: any) => f.facilityId === one.facilityId)).toBe(true);
    expect((await get(`/api/gaps/facilities?municipality=${one.municipalityCode}&prefecture=99`)).status).toBe(400);
  });

  it('orders the list on the server and pages it: the pages put together are the whole list', async () => {
    const whole = (await get('/api/gaps/facilities?prefecture=99&limit=1000')).body;
    expect(whole.total).toBe(whole.facilities.length);
    const sev = whole.facilities.map((f: any) => f.severity);
    expect(sev).toEqual([...sev].sort((a: number, b: number) => a - b));
    const pages = [];
    for (let offset = 0; offset < whole.total; offset += 25) pages.push(...(await get(`/api/gaps/facilities?prefecture=99&offset=${offset}&limit=25`)).body.facilities);
    expect(pages.map((f: any) => f.facilityId)).toEqual(whole.facilities.map((f: any) => f.facilityId));
    const byDeadline = (await get('/api/gaps/facilities?prefecture=99&sort=deadline&limit=1000')).body.facilities.map((f: any) => f.deadline?.date ?? '9999');
    expect(byDeadline).toEqual([...byDeadline].sort());
    const homes = (await get('/api/gaps/facilities?prefecture=99&type=group_home&limit=1000')).body;
    expect(homes.facilities.every((f: any) => f.type === 'group_home')).toBe(true);
    expect(homes.total).toBe(whole.facilities.filter((f: any) => f.type === 'group_home').length);
    expect((await get('/api/gaps/facilities?sort=size')).body.error.issues[0].path).toBe('sort');
    expect((await get('/api/gaps/facilities?type=hotel')).body.error.issues[0].path).toBe('type');
  });
});
