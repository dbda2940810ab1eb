import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../server/auth/accounts';
import { placeRange, topLeft } from '../../server/domain/a1-range';
import { FILING_LAYOUTS, partnerBlockRow } from '../../server/domain/filing-form';
import { withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';
import type { Db } from '../../server/db/client';
import { demoApp, snapshot, tableCounts, type TestApp } from '../helpers/db';
import { signIn, signInAs, type Session } from '../helpers/session';

/**
 * POST /api/filings?check=1: the whole intake of a 届出書 — reading every cell, the facility and
 * partner lookups — answered as problems row by row and a preview, writing nothing. Broken workbooks
 * are made by editing the generated filing.xlsx with exceljs (as filing-xlsx.test.ts does).
 */
const FACILITY = '9971600862-510'; // あじさい荘, デモ市南区: files with デモ市
const layout = FILING_LAYOUTS['別紙1'];
const headerCell = (key: string) => topLeft(layout.fields.find((f) => f.key === key)!.valueAt);
const partnerCell = (block: number, key: string) => topLeft(placeRange(layout.partners.fields.find((f) => f.key === key)!.valueAt, partnerBlockRow(layout, block)));
const where = (cell: string) => ({ sheet: '別紙1', cell, row: Number(/\d+/.exec(cell)![0]), column: /^[A-Z]+/.exec(cell)![0] });

let app: TestApp;
let db: Db;
let officer: Session;
let filing: Buffer;
beforeAll(async () => {
  ({ app, db } = await demoApp());
  officer = await signInAs(app, 'municipality');
  filing = Buffer.from(await (await officer.request(`/api/facilities/${FACILITY}/filing.xlsx?fiscalYear=2026&submittedOn=2026-11-20`)).arrayBuffer());
});

async function edited(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(filing as never);
  edit(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const check = async (s: Session, body: Buffer, query = '') => {
  const res = await s.request(`/api/filings?fileName=filing.xlsx&check=1${query}`, { method: 'POST', body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('checking a 届出書 before it is received', () => {
  it('answers ok with a preview of what receiving would record, and writes nothing', async () => {
    const before = snapshot(db);
    const res = await check(officer, filing);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, problems: [], preview: { facilityId: FACILITY, name: '特別養護老人ホームあじさい荘', fiscalYear: 2026, authority: { code: '991007', name: 'デモ市', level: 'municipality' }, replaces: null } });
    const partners = (await officer.call('GET', `/api/facilities/${FACILITY}`)).body.partners.filter((p: any) => p.active);
    expect(res.body.preview.partners).toEqual(partners.map((p: any) => ({ institutionCode: p.institution.code, name: p.institution.name, registered: true, covers: p.covers })));
    expect(snapshot(db)).toBe(before);

    // Once received, the check names the filing a corrected upload replaces.
    const received = await officer.request('/api/filings?fileName=filing.xlsx', { method: 'POST', body: new Uint8Array(filing) });
    expect(received.status).toBe(201);
    const { id, version } = (await received.json()) as { id: number; version: number };
    expect((await check(officer, filing)).body.preview.replaces).toEqual({ id, version });
  });

  it('lists every problem of a broken workbook row by row, at its sheet, row and column, and writes nothing', async () => {
    const broken = await edited((ws) => {
      ws.getCell(headerCell('fiscalYear')).value = 'いつか';
      ws.getCell(headerCell('submittedOn')).value = '2026年13月45日';
      ws.getCell(headerCell('addressee')).value = null;
      ws.getCell(partnerCell(0, 'institutionCode')).value = '12345';
      ws.getCell(partnerCell(0, 'confirmedOn')).value = 'きのう';
    });
    const counts = tableCounts(db);
    const res = await check(officer, broken);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.problems.map((p: any) => ({ sheet: p.sheet, cell: p.cell, row: p.row, column: p.column, level: p.level }))).toEqual(
      [headerCell('fiscalYear'), headerCell('submittedOn'), headerCell('addressee'), partnerCell(0, 'institutionCode'), partnerCell(0, 'confirmedOn')].map((cell) => ({ ...where(cell), level: 'error' })),
    );
    expect(res.body.problems[0].message).toMatch(/^.+: expected a fiscal year such as 2026.*found "いつか"$/);
    expect(res.body.problems[2].message).toContain('expected a value, found an empty cell');
    // What could be read is still previewed; the year could not be.
    expect(res.body.preview).toBeNull();
    expect(tableCounts(db)).toEqual(counts);

    // Receiving the same file refuses it with the first of those problems, as the intake always named them.
    const received = await officer.request('/api/filings?fileName=broken.xlsx', { method: 'POST', body: new Uint8Array(broken) });
    expect(received.status).toBe(400);
    const error = ((await received.json()) as any).error;
    expect(error.message).toBe(`broken.xlsx: 別紙1!${headerCell('fiscalYear')} — ${res.body.problems[0].message}`);
    expect(tableCounts(db)).toEqual(counts);
  });

  it('names a facility no one knows at its 事業所番号 cell, and an unknown partner as a warning only', async () => {
    const stranger = await edited((ws) => void (ws.getCell(headerCell('facility.careOfficeNumber')).value = withCareOfficeCheckDigit('997777777')));
    const res = await check(officer, stranger);
    expect(res.body.ok).toBe(false);
    expect(res.body.problems).toEqual([{ ...where(headerCell('facility.careOfficeNumber')), level: 'error', message: expect.stringContaining('no facility with 事業所番号') }]);
    expect(res.body.preview).toMatchObject({ name: '特別養護老人ホームあじさい荘', authority: null, replaces: null });

    const unknownPartner = withMedicalCheckDigit('991999990');
    const partnered = await edited((ws) => {
      ws.getCell(partnerCell(0, 'institutionCode')).value = unknownPartner;
      ws.getCell(partnerCell(0, 'name')).value = '架空の診療所';
    });
    const warned = await check(officer, partnered);
    expect(warned.body.ok).toBe(true);
    expect(warned.body.problems).toEqual([{ ...where(partnerCell(0, 'institutionCode')), level: 'warning', message: expect.stringContaining(unknownPartner) }]);
    expect(warned.body.preview.partners[0]).toMatchObject({ institutionCode: unknownPartner, name: '架空の診療所', registered: false });
  });

  it('answers a file that is no workbook as one problem, and keeps the rule and the limits of the intake', async () => {
    const res = await check(officer, Buffer.from('not a spreadsheet'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, preview: null, problems: [{ sheet: null, cell: null, row: null, column: null, level: 'error', message: expect.stringContaining('not a readable .xlsx file') }] });
    expect((await check(officer, Buffer.alloc(0))).status).toBe(400);
    await addAccount(db, { login: 'tokyo-officer', role: 'municipality', scope: ['13'], password: 'tokyo-officer-pw' }, 'test');
    expect((await check(await signIn(app, 'tokyo-officer', 'tokyo-officer-pw'), filing)).status).toBe(403);
    expect((await check(await signInAs(app, 'facility'), filing)).status).toBe(403);
    const bad = await officer.request('/api/filings?check=maybe', { method: 'POST', body: new Uint8Array(filing) });
    expect(bad.status).toBe(400);
  });
});
