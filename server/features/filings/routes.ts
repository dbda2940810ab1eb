import { and, eq } from 'drizzle-orm';
import { allow, authorityIn, facilityInPath, on, roles } from '../../auth/rules';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { facilityParams } from '../../contracts/api';
import { deadlineBody, deadlineParams, filingQuery, filingUploadQuery, trackerQuery } from '../../contracts/partnerships';
import { facilities, filingDeadlines, filings } from '../../db/schema';
import { municipalityCodeFrom5 } from '../../domain/identifiers';
import { DomainError } from '../../domain/errors';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import { fiscalYearOf } from '../../domain/kasan';
import { ApiFailure, notFound } from '../../errors';
import { validate } from '../../validate';
import type { EngineSnapshot } from '../engine/engine-store';
import { designatedFacilities, filingCounts, filingStatuses } from '../shared/filing-status';
import { runCreate, runUpdate } from '../shared/command';
import type { Tx } from '../../db/client';
import { ofFacility, requireFacility } from '../shared/lookups';
import { filingDataOf } from './filing-data';
import { filingHtml } from './filing-html';
import { assertUploadShape } from './upload-shape';
import { readFilingXlsx, writeFilingXlsx } from './filing-xlsx';
import { authorizeReceiving, checkFiling, currentFiling, intakeAuthority, intakeFacility } from './intake';

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
    // The check runs the same intake and answers its problems, writing nothing.
    if (q.check) return c.json(await checkFiling(c, buf), 200);
    const data = await readFilingXlsx(Buffer.from(buf), fileName);
    const { careOfficeNumber, serviceCode } = data.facility;
    const found = intakeFacility(db, careOfficeNumber, serviceCode);
    if (found.error) throw new DomainError(found.error.code, `${fileName}: ${found.error.message}`, 'facility.careOfficeNumber');
    const row = found.row;
    const warnings = found.warning ? [{ path: 'facility.careOfficeNumber', message: found.warning }] : [];
    const authority = intakeAuthority(c, row);
    if (!authority) throw new DomainError('invalid', `${fileName}: the facility ${row.name} has no municipality, so its designating authority is unknown`, 'facility');
    authorizeReceiving(c, authority);
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
    const current = currentFiling(db, data.facility, data.fiscalYear);
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
    return c.json({ id, version, replaced: current !== null, facilityId: facilityId(careOfficeNumber, serviceCode), name: row.name, fiscalYear: data.fiscalYear, authority, filedOn, partners: data.partners.length, unmet: data.unmet?.requirements ?? [], warnings }, current ? 200 : 201);
  })
  /** Who has filed with an authority for a fiscal year: filed, not filed, or overdue past its deadline. */
  .get('/tracker', validate('query', trackerQuery), allow(on('read', 'authority', authorityIn('query'))), (c) => {
    const q = c.req.valid('query');
    const { db } = c.var;
    const today = c.var.today();
    const fy = q.fiscalYear || fiscalYearOf(today);
    const snap = c.var.engine.get(today);
    // The facilities from the read model; only the filings and the deadline (not held there) are read.
    const { facilities: mine, deadlines, filedWith } = filingStatuses(db, designatedFacilities(c.var.memo, today, snap), [q.authority], fy, today);
    const authority = mine[0]?.authority ?? null;
    if (!authority && !filedWith.size) throw notFound('designating authority', q.authority);
    const munis = snap.municipalities;
    // A 政令市's code takes in its wards.
    const inMunicipality = (code: string | null) => !q.municipality || (code !== null && (code === q.municipality || munis.get(code)?.parentCode === q.municipality));
    const rows = mine.filter((r) => inMunicipality(r.row.municipalityCode) && (!q.type || facilityTypeOf(r.row.serviceCode).key === q.type) && (!q.status || r.status === q.status));
    return c.json({
      authority,
      fiscalYear: fy,
      deadline: deadlines.get(q.authority) ?? null,
      /** Over the authority's whole list; `total` counts the rows after the filters. */
      counts: filingCounts(mine),
      total: rows.length,
      offset: q.offset,
      limit: q.limit,
      facilities: rows.slice(q.offset, q.offset + q.limit).map(({ id, row, status, filing }) => ({
        facilityId: id,
        name: row.name,
        typeJa: facilityTypeOf(row.serviceCode).shortJa,
        municipalityCode: row.municipalityCode,
        municipalityName: row.municipalityCode ? (munis.get(row.municipalityCode)?.name ?? null) : null,
        status,
        filing,
      })),
    });
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
