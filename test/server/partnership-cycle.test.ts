import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { FILING_LAYOUTS, partnerBlockRow } from '../../server/domain/filing-form';
import { placeRange, topLeft } from '../../server/domain/a1-range';
import type { Db } from '../../server/db/client';
import { validateCareOfficeNumber, validateMedicalInstitutionCode } from '../../server/domain/identifiers';
import { demoApp, type TestApp, tableCounts } from '../helpers/db';
import { signInAs, type Session } from '../helpers/session';

/** A well-formed 医療機関コード (its check digit right) that no institution has. */
const UNKNOWN_CODE = Array.from({ length: 10 }, (_, d) => `371000000${d}`).find((c) => validateMedicalInstitutionCode(c) === null)!;
const UNKNOWN_FACILITY = Array.from({ length: 10 }, (_, d) => `377000000${d}`).find((c) => validateCareOfficeNumber(c) === null)!;

/**
 * The yearly cycle through the API on the demo region: a 特養 lacking ③ seeks, asks a hospital,
 * which accepts; they meet; the 加算 follows; bad inputs change nothing.
 */
let db: Db;
let app: TestApp;
/** The demo accounts: あじさい荘's staff, 浜田記念病院's staff, the prefecture's officer, an administrator. */
let facilityUser: Session, hospitalUser: Session, officer: Session, admin: Session;
const TODAY = '2026-11-22';
beforeEach(async () => {
  ({ db, app } = await demoApp(() => new Date(`${TODAY}T08:00:00+09:00`)));
  [facilityUser, hospitalUser, officer, admin] = await Promise.all([signInAs(app, 'facility'), signInAs(app, 'institution'), signInAs(app, 'municipality'), signInAs(app, 'admin')]);
});
/** Calls as an administrator; the cycle itself is walked by the parties' own accounts. */
const call = (method: string, path: string, body?: unknown) => admin.call(method, path, body);

/** A 特養 of the demo region lacking ③, a hospital among its candidates, and a clinic. */
async function cast() {
  const lacking = (await call('GET', '/api/gaps/facilities?sort=severity&limit=200')).body.facilities as any[];
  const facility = lacking.find((f) => f.type === 'tokuyo' && f.missing.includes('admit') && !f.noAdmitHospital);
  const candidates = (await call('GET', `/api/facilities/${facility.facilityId}/candidates?maxMinutes=60&limit=50`)).body.candidates as any[];
  const hospital = candidates.find((c) => c.institution.kind === 'hospital').institution;
  const clinic = (await call('GET', '/api/institutions')).body.features.find((f: any) => f.properties.kind === 'clinic').properties;
  return { facility, hospital, clinic };
}

describe('the partnership cycle', () => {
  it('seek → request → accept → meeting → 加算: coverage comes from the new agreement', async () => {
    const { facility, hospital } = await cast();
    // The demo accounts are the parties of this cycle.
    expect([facility.facilityId, hospital.code]).toEqual(['9971600862-510', '9910110130']);
    const before = (await call('GET', `/api/facilities/${facility.facilityId}`)).body;
    expect(before.coverage.missing).toContain('admit');

    const seek = await facilityUser.call('PUT', `/api/facilities/${facility.facilityId}/seeking`, { seeking: ['admit'], version: before.version });
    expect(seek.status).toBe(200);
    expect((await call('GET', `/api/facilities/${facility.facilityId}`)).body.seeking).toEqual(['admit']);

    const sent = await facilityUser.call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['admit'], message: '入院受入れのご相談' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'pending', requirements: ['admit'], sentOn: TODAY, institution: { code: hospital.code } });
    const inbox = (await hospitalUser.call('GET', `/api/institutions/${hospital.code}/requests`)).body;
    expect(inbox.map((r: any) => r.id)).toContain(sent.body.id);

    const accepted = await hospitalUser.call('POST', `/api/requests/${sent.body.id}/accept`, { version: sent.body.version, agreedOn: '2026-06-01', confirmedOn: '2026-06-01', infectionAgreement: true });
    expect(accepted.status).toBe(201);
    expect(accepted.body.request.status).toBe('accepted');
    const after = (await facilityUser.call('GET', `/api/facilities/${facility.facilityId}`)).body;
    expect(after.coverage.missing).not.toContain('admit');
    // What the agreement covers is no longer sought: ③ was all it sought.
    expect(after.seeking).toBeNull();
    const partner = after.partners.find((p: any) => p.agreementId === accepted.body.agreementId);
    expect(partner).toMatchObject({ covers: ['admit'], agreedOn: '2026-06-01', infectionAgreement: true, active: true, confirmation: { dueOn: '2027-06-01', overdue: false } });

    const met = await facilityUser.call('POST', `/api/facilities/${facility.facilityId}/meetings`, { institutionCode: hospital.code, heldOn: '2026-07-15', electronicSharing: false });
    expect(met.status).toBe(201);
    const kasan = (await facilityUser.call('GET', `/api/facilities/${facility.facilityId}/kasan?fiscalYear=2026`)).body;
    const july = kasan.months.find((m: any) => m.month === '2026-07');
    // The hospital covers ③ only: unless another partner covers ①② in the same meeting, tier 2 (5 units).
    expect(july).toMatchObject({ eligible: true, basis: 'monthly' });
    expect(july.tier === 1 ? 50 : 5).toBe(july.units);
    expect(kasan.months.find((m: any) => m.month === '2026-08').eligible).toBe(false);

    // Every change is in the audit log, under who made it.
    const history = (await facilityUser.call('GET', `/api/agreements/${accepted.body.agreementId}/history`)).body;
    expect(history[0]).toMatchObject({ actor: 'demo-hospital', action: 'create', before: null });
    const log = (await officer.call('GET', '/api/audit?limit=10')).body.entries.map((e: any) => [e.actor, e.entity, e.action]);
    expect(log.slice(0, 6)).toEqual([
      ['demo-facility', 'meeting', 'create'],
      // The acceptance takes what it covers out of the facility's seeking, in its transaction.
      ['demo-hospital', 'facility', 'seeking'],
      ['demo-hospital', 'agreement', 'create'],
      ['demo-hospital', 'partnership_request', 'accept'],
      ['demo-facility', 'partnership_request', 'create'],
      ['demo-facility', 'facility', 'seeking'],
    ]);
  });

  it('accepts for less than asked: the request shows what was granted, and the facility no longer seeks it', async () => {
    const { facility, hospital } = await cast();
    const { version } = (await call('GET', `/api/facilities/${facility.facilityId}`)).body;
    await facilityUser.call('PUT', `/api/facilities/${facility.facilityId}/seeking`, { seeking: ['consult', 'admit'], version });
    const sent = (await facilityUser.call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['consult', 'admit'] })).body;
    expect(sent.granted).toBeNull();
    const accepted = await hospitalUser.call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version, covers: ['admit'] });
    expect(accepted.status).toBe(201);
    expect(accepted.body.request).toMatchObject({ status: 'accepted', requirements: ['consult', 'admit'], granted: ['admit'] });
    expect((await facilityUser.call('GET', `/api/requests/${sent.id}`)).body.granted).toEqual(['admit']);
    const after = (await facilityUser.call('GET', `/api/facilities/${facility.facilityId}`)).body;
    expect(after).toMatchObject({ seeking: ['consult'], version: version + 2 });
    const change = (await officer.call('GET', '/api/audit?entity=facility&limit=1')).body.entries[0];
    expect(change).toMatchObject({ actor: 'demo-hospital', action: 'seeking', before: { seeking: ['consult', 'admit'] }, after: { seeking: ['consult'], version: version + 2 } });
  });

  it('declines with a reason; the facility can withdraw a pending request; a decided request cannot change again', async () => {
    const { facility, hospital } = await cast();
    const sent = (await call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['consult', 'admit'] })).body;
    expect((await call('POST', `/api/requests/${sent.id}/decline`, { version: sent.version, reason: '' })).status).toBe(400);
    const declined = await call('POST', `/api/requests/${sent.id}/decline`, { version: sent.version, reason: '病床が逼迫しているため' });
    expect(declined.body).toMatchObject({ status: 'declined', reason: '病床が逼迫しているため' });
    const again = await call('POST', `/api/requests/${sent.id}/accept`, { version: declined.body.version });
    expect(again.status).toBe(409);
    const next = (await call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['consult'] })).body;
    expect((await call('POST', `/api/requests/${next.id}/withdraw`, { version: next.version })).body.status).toBe('withdrawn');
  });

  it('refuses bad inputs with a clear error and changes nothing', async () => {
    const { facility, hospital, clinic } = await cast();
    const counts = tableCounts(db);
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: clinic.code, requirements: ['admit'] }, 400, /③.*病院/],
      ['POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: '9999999999', requirements: ['consult'] }, 400, /institutionCode/],
      ['POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: UNKNOWN_CODE, requirements: ['consult'] }, 404, /No institution/],
      ['POST', '/api/requests', { facilityId: `${UNKNOWN_FACILITY}-510`, institutionCode: hospital.code, requirements: ['consult'] }, 404, /No facility/],
      ['POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: [] }, 400, /requirements/],
      ['POST', `/api/facilities/${facility.facilityId}/meetings`, { institutionCode: hospital.code, heldOn: '2026-12-01', electronicSharing: false }, 400, /heldOn: 2026-12-01 is in the future/],
      ['POST', `/api/facilities/${facility.facilityId}/meetings`, { institutionCode: hospital.code, heldOn: '2026-10-01', electronicSharing: false }, 400, /no agreement/],
      ['POST', '/api/requests/999999/accept', { version: 1 }, 404, /No partnership request/],
      ['PATCH', '/api/agreements/999999', { version: 1 }, 404, /No agreement/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await call(method, path, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status });
      expect(JSON.stringify(res.body.error)).toMatch(message);
    }
    expect(tableCounts(db)).toEqual(counts);
  });

  it('refuses a request from a facility to itself (its 事業所番号 is the 医療機関コード)', async () => {
    const { hospital } = await cast();
    // A hospital's own care service (みなし指定) carries its code as 事業所番号.
    db.$client.prepare(`insert into facilities (care_office_number, service_code, name, source) values (?, '520', '自院併設の老健', 'facility_template')`).run(hospital.code);
    const res = await call('POST', '/api/requests', { facilityId: `${hospital.code}-520`, institutionCode: hospital.code, requirements: ['consult'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('the facility itself');
  });

  it('checks concurrent edits of an agreement by version: the loser gets 409 and nothing is overwritten', async () => {
    const { facility, hospital } = await cast();
    const sent = (await call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['admit'] })).body;
    const { agreementId } = (await call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version })).body;
    const first = await call('PATCH', `/api/agreements/${agreementId}`, { version: 1, confirmedOn: '2026-11-01' });
    expect(first.status).toBe(200);
    const second = await call('PATCH', `/api/agreements/${agreementId}`, { version: 1, specialRelationship: true });
    expect(second.status).toBe(409);
    const ended = await call('PATCH', `/api/agreements/${agreementId}`, { version: 2, status: 'ended' });
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: TODAY, specialRelationship: false, confirmedOn: '2026-11-01' });
    const history = (await call('GET', `/api/agreements/${agreementId}/history`)).body;
    expect(history.map((h: any) => h.action)).toEqual(['create', 'update', 'end']);
  });
});

describe('the 届出書 round trip and the authority tracker', () => {
  it('exports the 届出書 with the new partner, reads it back as filed, and the tracker shows it filed', async () => {
    const { facility, hospital } = await cast();
    const sent = (await call('POST', '/api/requests', { facilityId: facility.facilityId, institutionCode: hospital.code, requirements: ['admit'] })).body;
    await call('POST', `/api/requests/${sent.id}/accept`, { version: sent.version, agreedOn: '2026-06-01' });
    const detail = (await call('GET', `/api/facilities/${facility.facilityId}`)).body;
    const authority = detail.authority.code;

    // Before: not filed; with a deadline already past, overdue.
    expect((await officer.call('PUT', `/api/filings/deadlines/${authority}/2026`, { dueOn: '2026-10-31' })).status).toBe(200);
    const before = (await officer.call('GET', `/api/filings/tracker?authority=${authority}&fiscalYear=2026`)).body;
    expect(before.facilities.find((f: any) => f.facilityId === facility.facilityId)).toMatchObject({ status: 'overdue', filing: null });

    const res = await facilityUser.request(`/api/facilities/${facility.facilityId}/filing.xlsx?fiscalYear=2026&submittedOn=2026-11-20`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const layout = FILING_LAYOUTS['別紙1'];
    const sheet = book.getWorksheet(layout.sheetName)!;
    const at = (key: string) => sheet.getCell(topLeft(layout.fields.find((f) => f.key === key)!.valueAt)).value;
    expect(at('facility.careOfficeNumber')).toBe(facility.facilityId.slice(0, 10));
    expect(at('facility.name')).toBe(detail.name);
    expect(at('fiscalYear')).toBe(2026);
    // One block per active partner; the hospital's block carries its code and ③.
    const active = detail.partners.filter((p: any) => p.active);
    const k = active.findIndex((p: any) => p.institution.code === hospital.code);
    const cell = (key: string) => sheet.getCell(topLeft(placeRange(layout.partners.fields.find((f) => f.key === key)!.valueAt, partnerBlockRow(layout, k)))).value;
    expect(cell('institutionCode')).toBe(hospital.code);
    expect(cell('name')).toBe(hospital.name);
    expect(cell('admit')).toBe('○');

    const html = await facilityUser.request(`/api/facilities/${facility.facilityId}/filing.html?fiscalYear=2026`);
    expect(await html.text()).toContain(hospital.name);

    const upload = await officer.request('/api/filings?fileName=returned.xlsx', { method: 'POST', body: bytes });
    expect(upload.status).toBe(201);
    expect(await upload.json()).toMatchObject({ facilityId: facility.facilityId, fiscalYear: 2026, filedOn: '2026-11-20', partners: active.length });
    const after = (await officer.call('GET', `/api/filings/tracker?authority=${authority}&fiscalYear=2026`)).body;
    expect(after.facilities.find((f: any) => f.facilityId === facility.facilityId)).toMatchObject({ status: 'filed', filing: { filedOn: '2026-11-20', fileName: 'returned.xlsx' } });
    expect(after.counts.filed).toBe(before.counts.filed + 1);
  });

  it('refuses a file that is not a 届出書, naming it, and records nothing', async () => {
    const counts = tableCounts(db);
    const res = await officer.request('/api/filings?fileName=notes.xlsx', { method: 'POST', body: Buffer.from('not a spreadsheet') });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('notes.xlsx');
    expect((await call('GET', '/api/filings/tracker?authority=123456&fiscalYear=2026')).status).toBe(404);
    expect(tableCounts(db)).toEqual(counts);
  });
});
