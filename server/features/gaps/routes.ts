import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { gapsQuery } from '../../contracts/api';
import { analyzeGaps } from '../../domain/engine/gaps';
import { requirementsOf } from '../../domain/engine/masks';
import { facilityNames } from '../plan/names';
import { validate } from '../../validate';
import { inScope, resolveScope } from '../engine/scope';

/**
 * Coverage gaps of an area (country, prefecture or municipality): facilities by status, structural
 * gaps within `maxMinutes`, the MHLW-survey-shaped table, and the same per municipality.
 */
export const gapsRoutes = new Hono<AppEnv>().get('/', validate('query', gapsQuery), (c) => {
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
      return { facilityId: id, name: names.get(id) ?? id, serviceCode: f.serviceCode, municipalityCode: f.municipalityCode, noAdmitHospital: reach.noAdmitHospital, unreachable: requirementsOf(reach.unreachable) };
    }),
  });
});
