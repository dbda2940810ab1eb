import { Hono } from 'hono';
import { accessTo, allow, PUBLIC } from '../../auth/rules';
import type { AppEnv } from '../../app-env';
import { candidateExplanationQuery, candidateParams, candidatesQuery, combinationsQuery, facilitiesQuery, facilityParams } from '../../contracts/api';
import { facilityCombinations } from './combinations-query';
import { facilityTypeOf } from '../../domain/facility-types';
import { facilityId } from '../../domain/identifiers';
import { notFound } from '../../errors';
import { validate } from '../../validate';
import { featureCollection, pointFeature } from '../shared/geojson';
import { resolveScope } from '../engine/scope';
import { rankFacilityCandidates } from './candidates-query';
import { explainCandidate } from './candidate-explanation';
import type { EngineSnapshot } from '../engine/engine-store';
import { facilityDetail, listFacilitiesWithCoverage } from '../shared/facility-queries';

export const facilitiesRoutes = new Hono<AppEnv>()
  /** GeoJSON of facilities with their coverage status. */
  .get('/', validate('query', facilitiesQuery), allow(PUBLIC), (c) => {
    const q = c.req.valid('query');
    const { today } = c.var;
    const snap = c.var.engine.get(today());
    // The one scope resolver (engine/scope.ts): a 政令市 with its wards, 404 for an unknown code.
    const scope = q.municipality ? (resolveScope(snap, { municipality: q.municipality }).municipalities ?? undefined) : undefined;
    const list = listFacilitiesWithCoverage(snap, { bbox: q.bbox, municipalities: scope, serviceCodes: q.serviceCode, statuses: q.status });
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
    const { today } = c.var;
    // Read from the read model: no query for what it holds.
    const snap = c.var.engine.get(today());
    const row = snap.facilityRows.get(id.id);
    if (!row) throw notFound('facility', id.id);
    const detail = facilityDetail(snap, row, today());
    // Its coverage is public (the map shows it); who its partners are, and on what terms, is not.
    const access = accessTo(c, { kind: 'facility', careOfficeNumber: row.careOfficeNumber, areaCode: row.municipalityCode });
    return c.json({ ...detail, partners: access.includes('read') ? detail.partners : null, access });
  })
  /**
   * Ranked candidate institutions for the facility's missing requirements: the best `limit`, with
   * their scores and what they give. Read from the read model only (no query per request).
   */
  .get('/:id/candidates', validate('param', facilityParams), validate('query', candidatesQuery), allow(PUBLIC), async (c) => {
    const { id } = c.req.valid('param');
    const { today, engine, routing } = c.var;
    const snap = knownFacility(engine.get(today()), id.id);
    return c.json(await rankFacilityCandidates(snap, id.id, c.req.valid('query'), routing));
  })
  /** One candidate's full explanation: its standing and rank, and the inputs of every score part. */
  .get('/:id/candidates/:code', validate('param', candidateParams), validate('query', candidateExplanationQuery), allow(PUBLIC), (c) => {
    const { id, code } = c.req.valid('param');
    const { today, engine } = c.var;
    const snap = knownFacility(engine.get(today()), id.id);
    return c.json(explainCandidate(snap, id.id, code, c.req.valid('query')));
  })
  /** The best sets of ≤ 3 institutions that together cover what the facility is missing. */
  .get('/:id/combinations', validate('param', facilityParams), validate('query', combinationsQuery), allow(PUBLIC), (c) => {
    const { id } = c.req.valid('param');
    const { today, engine } = c.var;
    const snap = knownFacility(engine.get(today()), id.id);
    return c.json(facilityCombinations(snap, id.id, c.req.valid('query')));
  });

/** The snapshot, once it is known to hold the facility (withdrawn ones too), or a 404 naming it. */
function knownFacility(snap: EngineSnapshot, id: string): EngineSnapshot {
  if (!snap.facilityRows.has(id)) throw notFound('facility', id);
  return snap;
}
