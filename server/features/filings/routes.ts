import { and, eq } from 'drizzle-orm';
import { allow, authorize, authorityIn, facilityInPath, on, roles } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { facilityParams } from '../../contracts/api';
import { deadlineBody, deadlineParams, filingQuery, filingUploadQuery, trackerQuery } from '../../contracts/partnerships';
import { facilities, filingDeadlines, filings } from '../../db/schema';
import { municipalityCodeFrom5 } from '../../domain/identifiers';
import { designatingAuthority, type Authority, type MunicipalityRef } from '../../domain/designating-authority';
import { DomainError } from '../../domain/errors';
import { facilityTypeOf } from '../../domain/facility-types';
import { careOfficeCheckDigitError, facilityId } from '../../domain/identifiers';
import { fiscalYearOf } from '../../domain/kasan';
import { ApiFailure, notFound } from '../../errors';
import { validate } from '../../validate';
import { findFacility, municipalityRef, toMunicipalityRef } from '../shared/facility-queries';
import type { EngineSnapshot } from '../engine/engine-store';
import { runCreate, runUpdate } from '../shared/command';
import type { Tx } from '../../db/client';
import { ofFacility, requireFacility } from '../shared/lookups';
import { filingDataOf } from './filing-data';
import { filingHtml } from './filing-html';
import { assertUploadShape } from './upload-shape';
import { readFilingXlsx, writeFilingXlsx } from './filing-xlsx';

/** The designating authority of a facility, with municipalities looked up by `refOf`. */
const authorityOf = (refOf: (code: string) => MunicipalityRef | null, f: { serviceCode: string; municipalityCode: string | null }): Authority | null =>
  designatingAuthority(facilityTypeOf(f.serviceCode), f.municipalityCode ? refOf(f.municipalityCode) : null);

/** Municipalities as the engine's snapshot already holds them (no second read of the table). */
function snapshotRefs(munis: EngineSnapshot['municipalities']): (code: string) => MunicipalityRef | null {
  return (code) => {
    const m = munis.get(code);
    if (!m) return null;
    const parent = m.parentCode ? { code: m.parentCode, name: munis.get(m.parentCode)?.name ?? m.parentCode } : null;
    return toMunicipalityRef({ code, ...m }, parent);
  };
}

/**
 * True when `code` names a designating authority of the loaded data: a prefecture (its 6-digit
 * code, e.g. 310000) or a municipality that is not a ward (wards file with their city).
 */
function isAuthority(munis: EngineSnapshot['municipalities'], code: string): boolean {
  const m = munis.get(code);
  if (m) return m.kind !== 'ward';
  return [...munis.values()].some((x) => municipalityCodeFrom5(`${x.prefCode}000`) === code);
}

/** GET /api/facilities/:id/filing.xlsx and filing.html — the 届出書 for a fiscal year (default: the current one). */
export const facilityFilingRoutes = new Hono<AppEnv>()
  .get('/:id/filing.xlsx', validate('param', facilityParams), validate('query', filingQuery), allow(on('read', 'facility', facilityInPath)), async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db, today } = c.var;
    const row = requireFacility(db, id);
    const fy = q.fiscalYear || fiscalYearOf(today());
    const buf = await writeFilingXlsx(filingDataOf(db, c.var.engine.get(today()), row, fy, today(), q.submittedOn ?? null));
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="filing-${id.id}-${fy}.xlsx"; filename*=UTF-8''${encodeURIComponent(`協力医療機関届出書_${row.name}_${fy}年度.xlsx`)}`);
    return c.body(new Uint8Array(buf));
  })
  .get('/:id/filing.html', validate('param', facilityParams), validate('query', filingQuery), allow(on('read', 'facility', facilityInPath)), (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db, today } = c.var;
    const row = requireFacility(db, id);
    return c.html(filingHtml(filingDataOf(db, c.var.engine.get(today()), row, q.fiscalYear || fiscalYearOf(today()), today(), q.submittedOn ?? null)));
  });

/**
 * Filing intake and the tracker, for the designating authority (指定権者): a filled 届出書 .xlsx is
 * read back and recorded; the tracker lists every facility the authority receives filings from.
 */
export const filingsRoutes = new Hono<AppEnv>()
  /** The body is the .xlsx file itself; `fileName` names it in messages. */
  .post('/', validate('query', filingUploadQuery), allow(roles('admin', 'municipality')), async (c) => {
    const q = c.req.valid('query');
    const { fileName } = q;
    const { db, today } = c.var;
    const buf = await c.req.arrayBuffer();
    if (buf.byteLength === 0) throw new ApiFailure(400, 'invalid_parameter', `${fileName}: the request body is empty; expected the .xlsx file`, [{ path: 'body', message: 'expected the .xlsx file' }]);
    assertUploadShape(new Uint8Array(buf), fileName);
    const data = await readFilingXlsx(Buffer.from(buf), fileName);
    const { careOfficeNumber, serviceCode } = data.facility;
    const row = findFacility(db, careOfficeNumber, serviceCode);
    // A failing check digit is an error only for a number that matches no known facility (domain.md §6).
    const checkDigit = careOfficeCheckDigitError(careOfficeNumber);
    if (!row && checkDigit) throw new DomainError('invalid', `${fileName}: ${checkDigit}, and it matches no known facility: check the number typed in`, 'facility.careOfficeNumber');
    if (!row) throw new DomainError('not_found', `${fileName}: no facility with 事業所番号 ${careOfficeNumber} and service ${serviceCode}`, 'facility.careOfficeNumber');
    const warnings = checkDigit ? [{ path: 'facility.careOfficeNumber', message: `${checkDigit}; kept as published` }] : [];
    const authority = authorityOf((code) => municipalityRef(c.var.engine.get(today()), code), row);
    if (!authority) throw new DomainError('invalid', `${fileName}: the facility ${row.name} has no municipality, so its designating authority is unknown`, 'facility');
    // An officer receives filings made with their own authority only.
    authorize(c, 'administer', [{ kind: 'area', areaCode: authority.code }], `receive filings made with ${authority.name}`);
    const filedOn = data.submittedOn ?? today();
    const values = { authorityCode: authority.code, filedOn, receivedOn: today(), fileName, content: JSON.stringify(data) };
    const after = { facilityId: facilityId(careOfficeNumber, serviceCode), fiscalYear: data.fiscalYear, filedOn, fileName, partners: data.partners.length };
    // A filing reports the facility's partners: they are known from its date on.
    const reportPartners = (tx: Tx, at: string) => {
      if (!row.partnersReportedOn || row.partnersReportedOn < filedOn) {
        tx.update(facilities).set({ partnersReportedOn: filedOn, version: row.version + 1, updatedAt: at }).where(ofFacility(facilities, data.facility)).run();
      }
    };
    // One filing per facility and year: a corrected one replaces it, naming the version read (409 when stale).
    const current = db.select().from(filings).where(and(ofFacility(filings, data.facility), eq(filings.fiscalYear, data.fiscalYear))).get();
    let id: number;
    if (current) {
      if (q.replaces !== current.id) {
        throw new DomainError('conflict', `${fileName}: a ${data.fiscalYear} filing of this facility was received on ${current.receivedOn} (filing ${current.id}, version ${current.version}): to replace it, send replaces=${current.id}&version=${current.version}`, 'replaces');
      }
      runUpdate(c.var, {
        what: `Filing ${current.id}`, entity: 'filing', entityId: current.id, action: 'replace', areaCode: row.municipalityCode,
        expected: q.version, current: current.version,
        write: (tx, at) => tx.update(filings).set({ ...values, version: current.version + 1, updatedAt: at }).where(and(eq(filings.id, current.id), eq(filings.version, q.version))).run().changes,
        before: { fileName: current.fileName, filedOn: current.filedOn, version: current.version },
        after: { ...after, version: current.version + 1 },
        then: reportPartners,
      });
      id = current.id;
    } else {
      if (q.replaces !== 0) throw new DomainError('not_found', `${fileName}: there is no ${data.fiscalYear} filing of this facility to replace (replaces=${q.replaces})`, 'replaces');
      id = runCreate(c.var, {
        entity: 'filing', action: 'receive', areaCode: row.municipalityCode,
        write: (tx, at) => {
          const inserted = tx.insert(filings).values({ careOfficeNumber, serviceCode, fiscalYear: data.fiscalYear, ...values, updatedAt: at }).returning({ id: filings.id }).get();
          reportPartners(tx, at);
          return { id: inserted.id, after };
        },
      }).id;
    }
    const version = db.select({ version: filings.version }).from(filings).where(eq(filings.id, id)).get()!.version;
    return c.json({ id, version, replaced: current !== undefined, facilityId: facilityId(careOfficeNumber, serviceCode), name: row.name, fiscalYear: data.fiscalYear, authority, filedOn, partners: data.partners.length, unmet: data.unmet?.requirements ?? [], warnings }, current ? 200 : 201);
  })
  /** Who has filed with an authority for a fiscal year: filed, not filed, or overdue past its deadline. */
  .get('/tracker', validate('query', trackerQuery), allow(on('read', 'authority', authorityIn('query'))), (c) => {
    const q = c.req.valid('query');
    const { db, today } = c.var;
    const fy = q.fiscalYear || fiscalYearOf(today());
    const snap = c.var.engine.get(today());
    const refs = snapshotRefs(snap.municipalities);
    const deadline = db.select().from(filingDeadlines).where(and(eq(filingDeadlines.authorityCode, q.authority), eq(filingDeadlines.fiscalYear, fy))).get()?.dueOn ?? null;
    const filed = new Map<string, { filedOn: string; receivedOn: string; fileName: string | null }>();
    for (const f of db.select().from(filings).where(and(eq(filings.authorityCode, q.authority), eq(filings.fiscalYear, fy))).all()) {
      const key = facilityId(f.careOfficeNumber, f.serviceCode);
      const prev = filed.get(key);
      if (!prev || prev.receivedOn < f.receivedOn) filed.set(key, { filedOn: f.filedOn, receivedOn: f.receivedOn, fileName: f.fileName });
    }
    // The facilities from the read model; only the filings (not held there) are read.
    const mine = [...snap.facilityRows.values()]
      .filter((f) => f.withdrawnOn === null)
      .map((f) => ({ f, authority: authorityOf(refs, f) }))
      .filter((x) => x.authority?.code === q.authority);
    const authority = mine[0]?.authority ?? null;
    const rows = mine
      .map(({ f }) => {
        const id = facilityId(f.careOfficeNumber, f.serviceCode);
        const filing = filed.get(id) ?? null;
        const status = filing ? ('filed' as const) : deadline && deadline < today() ? ('overdue' as const) : ('not_filed' as const);
        return { facilityId: id, name: f.name, typeJa: facilityTypeOf(f.serviceCode).shortJa, municipalityCode: f.municipalityCode, status, filing };
      })
      .sort((a, b) => a.status.localeCompare(b.status) || a.facilityId.localeCompare(b.facilityId));
    if (!authority && !filed.size) throw notFound('designating authority', q.authority);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    return c.json({ authority, fiscalYear: fy, deadline, counts: { filed: count('filed'), notFiled: count('not_filed'), overdue: count('overdue') }, facilities: rows });
  })
  /** The deadline an authority sets for a fiscal year's filings. */
  .put('/deadlines/:authority/:fiscalYear', validate('param', deadlineParams), allow(on('administer', 'authority', authorityIn('param'))), validate('json', deadlineBody), (c) => {
    const p = c.req.valid('param');
    const { dueOn } = c.req.valid('json');
    const { db } = c.var;
    if (!p.fiscalYear) throw new ApiFailure(400, 'invalid_parameter', 'fiscalYear: expected a fiscal year, e.g. 2026', [{ path: 'fiscalYear', message: 'expected a fiscal year' }]);
    if (!isAuthority(c.var.engine.get(c.var.today()).municipalities, p.authority)) throw notFound('designating authority (a prefecture, or a municipality that is not a ward)', p.authority);
    const before = db.select().from(filingDeadlines).where(and(eq(filingDeadlines.authorityCode, p.authority), eq(filingDeadlines.fiscalYear, p.fiscalYear))).get() ?? null;
    runCreate(c.var, {
      entity: 'filing_deadline', action: 'set', areaCode: p.authority, before,
      write: (tx) => {
        tx.insert(filingDeadlines).values({ authorityCode: p.authority, fiscalYear: p.fiscalYear, dueOn }).onConflictDoUpdate({ target: [filingDeadlines.authorityCode, filingDeadlines.fiscalYear], set: { dueOn } }).run();
        return { id: `${p.authority}:${p.fiscalYear}`, after: { ...p, dueOn } };
      },
    });
    return c.json({ authorityCode: p.authority, fiscalYear: p.fiscalYear, dueOn });
  });
