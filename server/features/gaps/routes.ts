import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { gapsQuery } from '../../contracts/api';
import { analyzeGaps, facilityReach, type Reach } from '../../domain/engine/gaps';
import { facilityTypeOf } from '../../domain/facility-types';
import { daysFrom, nextDeadline, severity } from '../../domain/priority';
import { requirementsOf } from '../../domain/engine/masks';
import { facilityListDetails, facilityNames } from '../shared/names';
import { validate } from '../../validate';
import { inScope, resolveScope } from '../engine/scope';

/**
 * Coverage gaps of an area (country, prefecture or municipality): facilities by status, structural
 * gaps within `maxMinutes`, the MHLW-survey-shaped table, and the same per municipality.
 */
export const gapsRoutes = new Hono<AppEnv>()
  .get('/', validate('query', gapsQuery), (c) => {
    const q = c.req.valid('query');
    const { db, today, engine } = c.var;
    const snap = engine.get(today());
    const scope = resolveScope(snap, q);
    const placed = snap.facilities.filter((f) => inScope(scope, f));
    const unplaced = snap.unplaced.filter((f) => inScope(scope, f));
    const report = analyzeGaps(placed, unplaced, snap.institutionIndex, { maxMinutes: q.maxMinutes }, (f) => ['scope', ...(f.municipalityCode ? [`m:${f.municipalityCode}`] : [])]);
    const ids = [...report.structural.keys()];
    const names = facilityNames(db, ids);
    const byId = new Map(placed.map((f) => [f.id, f]));
    const summary = report.areas.get('scope') ?? null;
    return c.json({
      scope: { kind: scope.kind, code: scope.code, name: scope.name },
      maxMinutes: q.maxMinutes,
      summary,
      municipalities: [...report.areas]
        .filter(([k]) => k.startsWith('m:'))
        .map(([k, a]) => ({ code: k.slice(2), name: snap.municipalities.get(k.slice(2))?.name ?? k.slice(2), counts: a.counts, structural: a.structural }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      structuralGaps: ids.map((id) => {
        const f = byId.get(id)!;
        const reach = report.structural.get(id)!;
        return {
          facilityId: id, name: names.get(id) ?? id, serviceCode: f.serviceCode, municipalityCode: f.municipalityCode, position: [f.lng, f.lat] as [number, number],
          noAdmitHospital: reach.noAdmitHospital, unreachable: requirementsOf(reach.unreachable),
        };
      }),
  });
  })
  /**
   * The area's facilities lacking coverage (every status but covered), each with its severity and
   * next deadline (domain/priority.ts) and its structural gap within `maxMinutes`, for the list.
   */
  .get('/facilities', validate('query', gapsQuery), (c) => {
    const q = c.req.valid('query');
    const { db, today, engine } = c.var;
    const snap = engine.get(today());
    const scope = resolveScope(snap, q);
    const placed = snap.facilities.filter((f) => inScope(scope, f) && f.status !== 'covered');
    const unplaced = snap.unplaced.filter((f) => inScope(scope, f) && f.status !== 'covered');
    const details = facilityListDetails(db, [...placed, ...unplaced].map((f) => f.id));
    const row = (f: (typeof unplaced)[number], position: [number, number] | null, reach: Reach | null) => {
      const type = facilityTypeOf(f.serviceCode);
      const missing = requirementsOf(f.required & ~f.met);
      const d = details.get(f.id);
      const deadline = nextDeadline(type, f.status, d?.lastConfirmedOn ?? null);
      return {
        facilityId: f.id, name: d?.name ?? f.id, type: type.key, typeJa: type.shortJa, level: type.level, status: f.status, missing,
        severity: severity(type, f.status, missing), deadline, daysLeft: deadline ? daysFrom(today(), deadline.date) : null,
        municipalityCode: f.municipalityCode, municipalityName: f.municipalityCode ? (snap.municipalities.get(f.municipalityCode)?.name ?? null) : null,
        address: d?.address ?? null, phone: d?.phone ?? null, position,
        noAdmitHospital: reach?.noAdmitHospital ?? false, unreachable: reach ? requirementsOf(reach.unreachable) : [],
      };
    };
    return c.json({
      scope: { kind: scope.kind, code: scope.code, name: scope.name },
      maxMinutes: q.maxMinutes,
      facilities: [
        ...placed.map((f) => row(f, [f.lng, f.lat], facilityReach(f, snap.institutionIndex, { maxMinutes: q.maxMinutes }))),
        ...unplaced.map((f) => row(f, null, null)),
      ],
    });
  });
