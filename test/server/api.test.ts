import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { demoDb } from '../helpers/db';
import { anonymous, signInAs, type Session } from '../helpers/session';

type App = ReturnType<typeof createApp>;
let app: App;
/** An administrator sees every detail; what anonymous visitors see is checked apart. */
let admin: Session;
// 08:00 in Japan is still the previous day in UTC: the API must use the Japanese date.
const TODAY = new Date('2026-11-22T08:00:00+09:00');

beforeAll(async () => {
  app = createApp({ db: await demoDb(), now: () => TODAY });
  admin = await signInAs(app, 'admin');
});

async function get(path: string) {
  const res = await admin.request(path);
  return { status: res.status, body: (await res.json()) as any };
}

describe('GET /api/health', () => {
  it('answers ok with the counts of the demo region', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.counts.facilities).toBeGreaterThan(140);
    expect(body.counts.institutions).toBeGreaterThan(290);
  });
});

describe('GET /api/facilities', () => {
  it('returns GeoJSON points with id, name, serviceCode and every status', async () => {
    const { status, body } = await get('/api/facilities');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    const f = body.features.find((x: any) => x.geometry);
    expect(f.geometry.type).toBe('Point');
    expect(f.properties).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[0-9A-Z]{10}-[0-9A-Z]+$/), name: expect.any(String), serviceCode: expect.any(String) }));
    expect(new Set(body.features.map((x: any) => x.properties.status))).toEqual(new Set(['covered', 'partial', 'none', 'unknown']));
  });

  it('filters by status, service code, municipality (a 政令市 includes its wards) and bbox', async () => {
    const none = (await get('/api/facilities?status=none')).body.features;
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((x: any) => x.properties.status === 'none')).toBe(true);

    const gh = (await get('/api/facilities?serviceCode=320,YOGO')).body.features;
    expect(new Set(gh.map((x: any) => x.properties.serviceCode))).toEqual(new Set(['320', 'YOGO']));

    const city = (await get('/api/facilities?municipality=991007')).body.features;
    const wards = await Promise.all(['991015', '991023', '991031'].map((c) => get(`/api/facilities?municipality=${c}`)));
    expect(city.length).toBe(wards.reduce((s, w) => s + w.body.features.length, 0));

    const bbox = [136.9, 32.2, 137.1, 32.4];
    const inBox = (await get(`/api/facilities?bbox=${bbox.join(',')}`)).body.features;
    expect(inBox.length).toBeGreaterThan(0);
    for (const x of inBox) {
      const [lng, lat] = x.geometry.coordinates;
      expect(lng >= bbox[0]! && lng <= bbox[2]! && lat >= bbox[1]! && lat <= bbox[3]!).toBe(true);
    }
  });

  it.each([
    ['bbox=abc', 'bbox'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=140,40,130,30', 'bbox'],
    ['status=done', 'status'],
    ['serviceCode=999', 'serviceCode'],
    ['municipality=131017', 'municipality'],
  ])('answers 400 naming the parameter for %s', async (query, param) => {
    const { status, body } = await get(`/api/facilities?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
    expect(body.error.issues[0].path).toBe(param);
  });

  it('answers 400 naming a parameter given twice', async () => {
    const { status, body } = await get('/api/facilities?status=none&status=partial');
    expect(status).toBe(400);
    expect(body.error.message).toBe('status: given more than once; expected one value (use a comma-separated list)');
  });

  it('ignores a parameter it does not know, even given twice, and names the one that is wrong (found by npm run fuzz)', async () => {
    const { status, body } = await get('/api/search?+=%7B%7D&+=11');
    expect(status).toBe(400);
    expect(body.error.issues[0].path).toBe('q');
  });

  it('answers 404 for a well-formed municipality code it does not know', async () => {
    expect((await get('/api/facilities?municipality=131016')).status).toBe(404);
  });
});

describe('GET /api/facilities/:id', () => {
  it('shows the rule, partners and coverage of a covered facility', async () => {
    const covered = (await get('/api/facilities?status=covered&serviceCode=510')).body.features[0].properties;
    const { status, body } = await get(`/api/facilities/${covered.id}`);
    expect(status).toBe(200);
    expect(body.type).toMatchObject({ required: ['consult', 'examine', 'admit'], level: 'mandatory', bindingFrom: '2027-04-01', daysUntilBinding: 130 });
    expect(body.coverage.status).toBe('covered');
    expect(body.partners.length).toBeGreaterThan(0);
    const union = new Set(body.partners.filter((p: any) => p.active).flatMap((p: any) => p.covers));
    expect([...union].sort()).toEqual(['admit', 'consult', 'examine']);
  });
  it('shows an anonymous visitor its coverage (the map does too) but not who its partners are', async () => {
    const covered = (await get('/api/facilities?status=covered&serviceCode=510')).body.features[0].properties;
    const { status, body } = await anonymous(app).call('GET', `/api/facilities/${covered.id}`);
    expect(status).toBe(200);
    expect(body.coverage.status).toBe('covered');
    expect(body.partners).toBeNull();
    const inst = (await get('/api/institutions?offers=admit')).body.features[0].properties.code;
    const detail = (await anonymous(app).call('GET', `/api/institutions/${inst}`)).body;
    expect(detail.partners).toBeNull();
    expect(typeof detail.activePartners).toBe('number');
  });

  it('names the designating authority: a ward’s 特養 files with its 政令市, a 地域密着 type with its municipality', async () => {
    const ward510 = (await get('/api/facilities?municipality=991023&serviceCode=510')).body.features[0].properties.id;
    expect((await get(`/api/facilities/${ward510}`)).body.authority).toEqual({ level: 'municipality', code: '991007', name: 'デモ市' });
    const town510 = (await get('/api/facilities?municipality=993417&serviceCode=510')).body.features[0].properties.id;
    expect((await get(`/api/facilities/${town510}`)).body.authority).toEqual({ level: 'prefecture', code: '990001', name: 'デモ県' });
    const town320 = (await get('/api/facilities?municipality=993417&serviceCode=320')).body.features[0].properties.id;
    expect((await get(`/api/facilities/${town320}`)).body.authority).toMatchObject({ level: 'municipality', code: '993417' });
  });

  it('lists the other wing of a 特養 at the same site', async () => {
    const wings = (await get('/api/facilities?serviceCode=510')).body.features.filter((f: any) => f.properties.name.endsWith('（ユニット型）'));
    expect(wings).toHaveLength(2);
    const { body } = await get(`/api/facilities/${wings[0].properties.id}`);
    expect(body.coLocated.map((c: any) => c.name)).toEqual([wings[0].properties.name.replace('（ユニット型）', '')]);
  });

  it('answers 404 for an unknown but valid id and 400 for a malformed one', async () => {
    const unknown = await get('/api/facilities/3151180209-510');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'not_found', message: 'No facility with id "3151180209-510"' });
    const bad = await get('/api/facilities/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('id');
    expect((await get('/api/facilities/3151180209-999')).status).toBe(400);
  });
});

describe('GET /api/facilities/:id/candidates', () => {
  let id: string;
  beforeAll(async () => {
    const list = (await get('/api/facilities?status=unknown&serviceCode=510,520')).body.features;
    id = list.find((f: any) => f.geometry).properties.id;
  });

  it('ranks institutions in range by score, with km, minutes, what each covers and the score parts', async () => {
    const { status, body } = await get(`/api/facilities/${id}/candidates?maxMinutes=30&limit=10`);
    expect(status).toBe(200);
    // Its partners are unknown: nothing is reported missing, and the whole required set is searched.
    expect(body).toMatchObject({ missing: null, searchFor: ['consult', 'examine', 'admit'], basis: 'unknown' });
    expect(body.candidates.length).toBeGreaterThan(0);
    expect(body.candidates.length).toBeLessThanOrEqual(10);
    const scores = body.candidates.map((c: any) => c.score.total);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of body.candidates) {
      expect(c.minutes).toBeLessThanOrEqual(30);
      expect(c.distanceKm).toBeGreaterThan(0);
      expect(c.covers.offered.length + c.covers.eligibleOnly.length).toBeGreaterThan(0);
      const p = c.score.parts;
      expect(c.score.total).toBeCloseTo(p.coverage + p.travel + p.load + p.willingness + p.a253, 2);
      if (c.institution.kind !== 'hospital') expect([...c.covers.offered, ...c.covers.eligibleOnly]).not.toContain('admit');
    }
  });

  it('widens with maxMinutes', async () => {
    const near = (await get(`/api/facilities/${id}/candidates?maxMinutes=10&limit=200`)).body.totalInRange;
    const far = (await get(`/api/facilities/${id}/candidates?maxMinutes=60&limit=200`)).body.totalInRange;
    expect(far).toBeGreaterThan(near);
  });

  it.each([['maxMinutes=-1', 'maxMinutes'], ['maxMinutes=abc', 'maxMinutes'], ['maxMinutes=1000', 'maxMinutes'], ['maxMinutes=12.5', 'maxMinutes'], ['limit=0', 'limit']])(
    'answers 400 naming the parameter for %s',
    async (query, param) => {
      const { status, body } = await get(`/api/facilities/${id}/candidates?${query}`);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(new RegExp(`^${param}: expected a whole number from`));
    },
  );

  it('says why there are no candidates for a facility without a position', async () => {
    const nowhere = (await get('/api/facilities')).body.features.find((f: any) => f.geometry === null).properties.id;
    const { body } = await get(`/api/facilities/${nowhere}/candidates`);
    expect(body).toMatchObject({ reason: 'no_position', candidates: [] });
  });

  it('finds no ③ hospital within 30 minutes of the island (沖ノ島町)', async () => {
    const island = (await get('/api/facilities?municipality=994219')).body.features;
    expect(island.length).toBeGreaterThan(0);
    for (const f of island) {
      const { body } = await get(`/api/facilities/${f.properties.id}/candidates?maxMinutes=30`);
      expect(body.candidates.some((c: any) => c.covers.offered.includes('admit') || c.covers.eligibleOnly.includes('admit'))).toBe(false);
    }
  });
});

describe('GET /api/institutions', () => {
  it('returns GeoJSON with code, name, kind, offers and eligible', async () => {
    const { body } = await get('/api/institutions');
    const p = body.features[0].properties;
    expect(p).toEqual(expect.objectContaining({ code: expect.stringMatching(/^\d{10}$/), name: expect.any(String), kind: expect.stringMatching(/hospital|clinic|unknown/) }));
    expect(Array.isArray(p.offers) && Array.isArray(p.eligible)).toBe(true);
    expect(new Set(body.features.map((f: any) => f.properties.kind))).toEqual(new Set(['hospital', 'clinic', 'unknown']));
  });

  it('filters by what they offer: every one offering ③ is a hospital', async () => {
    const { body } = await get('/api/institutions?offers=admit');
    expect(body.features.length).toBeGreaterThan(0);
    expect(body.features.every((f: any) => f.properties.kind === 'hospital' && f.properties.offers.includes('admit'))).toBe(true);
  });

  it('answers 400 for an unknown requirement and a bad bbox', async () => {
    expect((await get('/api/institutions?offers=surgery')).body.error.issues[0].path).toBe('offers');
    expect((await get('/api/institutions?bbox=1,2')).status).toBe(400);
  });
});

describe('GET /api/institutions/:code', () => {
  it('shows offers at every level, notifications and partners', async () => {
    const code = (await get('/api/institutions?offers=admit')).body.features[0].properties.code;
    const { status, body } = await get(`/api/institutions/${code}`);
    expect(status).toBe(200);
    expect(body.offers).toEqual(expect.objectContaining({ eligible: ['consult', 'examine', 'admit'], source: 'likely' }));
    expect(body.notifications.some((n: any) => n.relevant)).toBe(true);
    expect(body.remaining).toBeNull();
  });
  it('answers 404 for an unknown valid code and 400 for a bad check digit', async () => {
    expect((await get('/api/institutions/0110113719')).status).toBe(404);
    const bad = await get('/api/institutions/0110113718');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^code: 医療機関コード "0110113718" fails its check digit/);
  });
});

describe('GET /api/municipalities', () => {
  it('returns boundaries and counts by status; a 政令市 sums its wards', async () => {
    const { body } = await get('/api/municipalities');
    const byCode = new Map(body.features.map((f: any) => [f.properties.code, f.properties]));
    const city: any = byCode.get('991007');
    expect(city.kind).toBe('designated_city');
    const wards = body.features.filter((f: any) => f.properties.parentCode === '991007');
    expect(wards).toHaveLength(3);
    expect(city.counts.total).toBe(wards.reduce((s: number, w: any) => s + w.properties.counts.total, 0));
    const all = (await get('/api/facilities')).body.features.length;
    const sum = body.features.filter((f: any) => f.properties.kind !== 'designated_city').reduce((s: number, f: any) => s + f.properties.counts.total, 0);
    expect(sum).toBe(all);
    expect(body.features.every((f: any) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')).toBe(true);
    // one label point per municipality, inside its own boundary
    const { booleanPointInPolygon } = await import('@turf/turf');
    for (const f of body.features) expect(booleanPointInPolygon(f.properties.labelPoint, f.geometry), f.properties.name).toBe(true);
  });
  it('answers 400 for a malformed prefecture', async () => expect((await get('/api/municipalities?prefecture=9')).status).toBe(400));
});

describe('errors', () => {
  it('answers an unknown API route with the JSON 404 shape', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
  it('never answers 500 to malformed input', async () => {
    const paths = [
      '/api/facilities?bbox=%00', '/api/facilities?status=', '/api/facilities/%E3%81%82', '/api/facilities/' + 'x'.repeat(5000),
      '/api/facilities/3151180209-510/candidates?maxMinutes=1e309', '/api/facilities/3151180209-510/candidates?limit=NaN',
      '/api/institutions/%FF', '/api/institutions?offers=,,,', '/api/municipalities?prefecture=%20',
    ];
    for (const p of paths) expect((await app.request(p)).status, p).toBeLessThan(500);
  });
});

describe('GET /api/meta', () => {
  it('names the sources with as-of dates and marks the demo as fictional', async () => {
    const { body } = await get('/api/meta');
    expect(body.fictional).toBe(true);
    expect(body.today).toBe('2026-11-22');
    expect(body.sources.length).toBeGreaterThan(5);
    expect(body.sources.every((s: any) => s.asOf === '2026-10-01' || s.kind === 'kouseikyoku_meibo')).toBe(true);
  });
});

describe('GET /api/meta basemap', () => {
  it('offers no online basemap unless the server is set up for one', async () => {
    const offline = createApp({ db: await demoDb() });
    expect((await (await offline.request('/api/meta')).json()).basemap).toBeNull();
    const online = createApp({ db: await demoDb(), basemap: 'gsi-pale' });
    const { basemap } = await (await online.request('/api/meta')).json();
    expect(basemap.tiles[0]).toContain('cyberjapandata.gsi.go.jp/xyz/pale');
    expect(basemap.attribution).toContain('地理院タイル');
  });
});
