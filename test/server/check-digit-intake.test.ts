import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { topLeft } from '../../server/domain/a1-range';
import { FILING_LAYOUTS } from '../../server/domain/filing-form';
import { careOfficeCheckDigitError } from '../../server/domain/identifiers';
import type { Db } from '../../server/db/client';
import { formatProblem } from '../../server/import/problems';
import { importPaths } from '../../server/import/run-import';
import { demoApp, tableCounts, type TestApp } from '../helpers/db';
import { kaigoCsv } from '../helpers/kaigo-csv';
import { signInAs, type Session } from '../helpers/session';

/**
 * An older 事業所番号 that fails its check digit is a real number (domain.md §6): the filing intake
 * and the templates take it with a warning for a facility the database knows; the check digit stays
 * an error only for a number typed in that matches no known facility.
 */
const NOW = { now: new Date('2026-11-01T00:00:00Z') };
const OLD = '9951000010';
const STRANGER = '9951000020'; // fails too, and no facility has it
let db: Db;
let app: TestApp;
let officer: Session;

beforeAll(async () => {
  ({ db, app } = await demoApp());
  const file = kaigoCsv('jigyosho_520.csv', [{ code: '991015', muni: 'デモ市中央区', pref: 'デモ県', name: '老健むかしばんごう', service: '介護老人保健施設', address: 'デモ県デモ市中央区本町1丁目1番1号', lat: '32.32', lng: '137.03', number: OLD }]);
  await importPaths(db, [file], NOW);
  officer = await signInAs(app, 'admin');
});

describe('the filing intake', () => {
  const filing = async (number?: string) => {
    const res = await officer.request(`/api/facilities/${OLD}-520/filing.xlsx?fiscalYear=2026&submittedOn=2026-11-20`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!number) return bytes;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const layout = FILING_LAYOUTS['別紙1'];
    wb.getWorksheet(layout.sheetName)!.getCell(topLeft(layout.fields.find((f) => f.key === 'facility.careOfficeNumber')!.valueAt)).value = number;
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('receives a 届出書 of a known facility whose number fails its check digit, and warns', async () => {
    expect(careOfficeCheckDigitError(OLD)).not.toBeNull();
    const res = await officer.request('/api/filings?fileName=old.xlsx', { method: 'POST', body: await filing() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { facilityId: string; warnings: { path: string; message: string }[] };
    expect(body.facilityId).toBe(`${OLD}-520`);
    expect(body.warnings).toEqual([{ path: 'facility.careOfficeNumber', message: expect.stringMatching(/fails its check digit .*; kept as published/) }]);
  });

  it('refuses a number typed in that fails its check digit and matches no facility, writing nothing', async () => {
    const counts = tableCounts(db);
    const res = await officer.request('/api/filings?fileName=typo.xlsx', { method: 'POST', body: await filing(STRANGER) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/typo\.xlsx: 事業所番号 \\"9951000020\\" fails its check digit.*matches no known facility/);
    expect(tableCounts(db)).toEqual(counts);
  });
});

describe('the templates', () => {
  const template = (name: string, header: string, lines: string[]) => {
    const path = `${kaigoCsv('x.csv', []).replace(/x\.csv$/, '')}${name}`;
    writeFileSync(path, `${[header, ...lines].join('\r\n')}\r\n`);
    return path;
  };

  it('a facility template: a known number is kept with a warning, an unknown one that fails is an error', async () => {
    const header = '事業所番号,サービスコード,事業所名,事業所名カナ,市区町村コード,住所,緯度,経度,電話番号,法人の名称,定員';
    const path = template('facilities.csv', header, [`${OLD},520,老健むかしばんごう,,991015,デモ県デモ市中央区本町1丁目1番1号,32.32,137.03,,,80`, `${STRANGER},YOGO,養護ホームまちがい,,991015,デモ県デモ市中央区本町2丁目,32.32,137.03,,,50`]);
    const s = await importPaths(db, [path], NOW);
    expect(s.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/facilities\.csv:2:事業所番号 — check digit does not match; kept as the known facility's number/),
      expect.stringMatching(/facilities\.csv:3:事業所番号 — 事業所番号 "9951000020" fails its check digit \(expected \d, found 0\), and it matches no known facility/),
    ]);
    expect(s.problems.map((p) => p.level)).toEqual(['warning', 'error']);
    expect(db.$client.prepare('select count(*) n from facilities where care_office_number = ?').get(STRANGER)).toEqual({ n: 0 });
  });

  it('a partnership template for the known facility is taken with a warning', async () => {
    const hospital = db.$client.prepare("select code from institutions where kind = 'hospital' and withdrawn_on is null order by code limit 1").get() as { code: string };
    const header = '事業所番号,サービスコード,医療機関コード,①相談対応,②診療,③入院,協定締結日,急変時対応確認日,終了日,特別の関係,報告日';
    const s = await importPaths(db, [template('partners.csv', header, [`${OLD},520,${hospital.code},○,○,○,2026-04-01,2026-04-01,,,2026-04-01`])], NOW);
    expect(s.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(s.problems.map(formatProblem)).toEqual([expect.stringMatching(/partners\.csv:2:事業所番号 — check digit does not match; kept as the known facility's number/)]);
    expect(db.$client.prepare('select count(*) n from agreements where care_office_number = ?').get(OLD)).toEqual({ n: 1 });
  });
});
