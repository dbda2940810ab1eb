import { Hono } from 'hono';
import { accessTo, allow, PUBLIC } from '../../auth/rules';
import type { AppEnv } from '../../app-env';
import { candidatesQuery, combinationsQuery, facilitiesQuery, facilityParams } from '../../contracts/api';
import { facilityCombinations } from './combinations-query';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import { ApiFailure } from '../../errors';
import { validate } from '../../validate';
import { featureCollection, pointFeature } from '../shared/geojson';
import { municipalityScope } from '../shared/municipality-scope';
import { rankFacilityCandidates } from './candidates-query';
import { requireFacility } from '../shared/lookups';
import { facilityDetail, listFacilitiesWithCoverage } from '../shared/facility-queries';

export const facilitiesRoutes = new Hono<AppEnv>()
  /** GeoJSON of facilities with their coverage status. */
  .get('/', validate('query', facilitiesQuery), allow(PUBLIC), (c) => {
    const q = c.req.valid('query');
    const { db, today } = c.var;
    let scope: Set<string> | undefined;
    if (q.municipality) {
      const s = municipalityScope(db, q.municipality);
      if (s === null) throw new ApiFailure(404, 'not_found', `No municipality with code "${q.municipality}"`);
      scope = s;
    }
    const list = listFacilitiesWithCoverage(db, c.var.engine.get(today()), { bbox: q.bbox, municipalities: scope, serviceCodes: q.serviceCode, statuses: q.status });
    return c.json(
      featureCollection(
        list.map(({ row, coverage }) => {
          const type = facilityTypeOf(row.serviceCode);
          return pointFeature(row.lng, row.lat, {
            id: facilityId(row.careOfficeNumber, row.serviceCode),
            name: row.name,
            serviceCode: row.serviceCode,
            type: type.key,
            typeJa: type.shortJa,
            level: type.level,
            status: coverage.status,
            required: coverage.required,
            met: coverage.met,
            missing: coverage.missing,
            municipalityCode: row.municipalityCode,
            capacity: row.capacity,
            precision: row.geocodePrecision,
          });
        }),
      ),
    );
  })
  .get('/:id', validate('param', facilityParams), allow(PUBLIC), (c) => {
    const { id } = c.req.valid('param');
    const { db, today } = c.var;
    const row = requireFacility(db, id);
    const detail = facilityDetail(db, c.var.engine.get(today()), row, today());
    // Its coverage is public (the map shows it); who its partners are, and on what terms, is not.
    const access = accessTo(c, { kind: 'facility', careOfficeNumber: row.careOfficeNumber, areaCode: row.municipalityCode });
    return c.json({ ...detail, partners: access.includes('read') ? detail.partners : null, access });
  })
  /** Ranked candidate institutions for the facility's missing requirements. */
  .get('/:id/candidates', validate('param', facilityParams), validate('query', candidatesQuery), allow(PUBLIC), async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db, today, engine, routing } = c.var;
    requireFacility(db, id);
    return c.json(await rankFacilityCandidates(engine.get(today()), id.id, { maxMinutes: q.maxMinutes, limit: q.limit }, routing));
  })
  /** The best sets of ≤ 3 institutions that together cover what the facility is missing. */
  .get('/:id/combinations', validate('param', facilityParams), validate('query', combinationsQuery), allow(PUBLIC), (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db, today, engine } = c.var;
    requireFacility(db, id);
    return c.json(facilityCombinations(engine.get(today()), id.id, q));
  });
