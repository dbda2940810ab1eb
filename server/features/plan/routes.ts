import { Hono } from 'hono';
import { allow, roles } from '../../auth/rules';
import type { AppEnv } from '../../app-env';
import { planBody } from '../../contracts/api';
import { requirementsOf } from '../../domain/engine/masks';
import type { Requirement } from '../../domain/requirements';
import { planAssignments } from '../../domain/engine/plan';
import { reportedMissing, searchBasis, searchMask } from '../../domain/engine/model';
import { highsSolver } from '../../solver/highs';
import { validate } from '../../validate';
import { inScope, resolveScope } from '../engine/scope';

/**
 * POST /api/plan — a regional plan for a prefecture or a municipality: every facility lacking
 * coverage assigned to institutions within `maxMinutes`, within their room, least total travel; and
 * who cannot be covered, and why. Nothing is written: the plan is a proposal.
 */
export const planRoutes = new Hono<AppEnv>().post('/', allow(roles('admin', 'municipality')), validate('json', planBody), async (c) => {
  const body = c.req.valid('json');
  const { today, engine } = c.var;
  const snap = engine.get(today());
  const scope = resolveScope(snap, body);
  const lacking = snap.facilities.filter((f) => inScope(scope, f) && f.status !== 'covered');
  const started = performance.now();
  const plan = planAssignments(lacking, snap.institutionIndex, { maxMinutes: body.maxMinutes, defaultCapacity: body.defaultCapacity }, await highsSolver());
  const solveMs = Math.round(performance.now() - started);
  const unplaced = snap.unplaced.filter((f) => inScope(scope, f) && f.status !== 'covered');
  const fNames = { get: (id: string) => snap.facilityInfo.get(id)?.name };
  // What each was searched for, and on what basis: an unknown facility's whole required set (未把握 is not 不足).
  const byId = new Map([...lacking, ...unplaced].map((f) => [f.id, f]));
  const asked = (id: string) => {
    const f = byId.get(id)!;
    return { missing: reportedMissing(f), searched: requirementsOf(searchMask(f)), basis: searchBasis(f) };
  };
  // Where each is and how it stands, so the exported plan can be filed and merged by code.
  const where = (id: string) => {
    const f = byId.get(id)!;
    const municipalityName = f.municipalityCode ? (snap.municipalities.get(f.municipalityCode)?.name ?? null) : null;
    return { status: f.status, municipalityCode: f.municipalityCode, municipalityName };
  };
  const iNames = { get: (code: string) => snap.institutionInfo.get(code)?.name };
  const position = (id: string) => {
    const f = snap.facilities[snap.facilityById.get(id)!]!;
    return [f.lng, f.lat] as [number, number];
  };
  return c.json({
    scope: { kind: scope.kind, code: scope.code, name: scope.name },
    parameters: body,
    assignments: plan.assignments.map((a) => ({
      facilityId: a.facilityId,
      name: fNames.get(a.facilityId) ?? a.facilityId,
      ...where(a.facilityId),
      position: position(a.facilityId),
      totalMinutes: a.totalMinutes,
      partners: a.partners.map((p) => {
        const inst = snap.institutions[snap.institutionByCode.get(p.code)!]!;
        return { code: p.code, name: iNames.get(p.code) ?? p.code, kind: inst.kind, gives: requirementsOf(p.gives), minutes: p.minutes, position: [inst.lng, inst.lat] as [number, number] };
      }),
    })),
    uncoverable: [
      ...plan.uncoverable.map((u) => ({ facilityId: u.facilityId, name: fNames.get(u.facilityId) ?? u.facilityId, ...where(u.facilityId), ...asked(u.facilityId), reason: u.reason, unreachable: requirementsOf(u.unreachable) })),
      ...unplaced.map((f) => ({ facilityId: f.id, name: fNames.get(f.id) ?? f.id, ...where(f.id), ...asked(f.id), reason: 'no_position' as const, unreachable: [] as Requirement[] })),
    ],
    totalMinutes: plan.totalMinutes,
    stats: { ...plan.stats, solveMs },
  });
});
