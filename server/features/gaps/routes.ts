import { Hono } from 'hono';
import { allow, PUBLIC } from '../../auth/rules';
import type { AppEnv } from '../../app-env';
import { gapsQuery, lackingQuery } from '../../contracts/api';
import { analyzeGaps, type Reach } from '../../domain/engine/gaps';
import { reportedMissing, searchBasis, searchMask, type EngineFacility } from '../../domain/engine/model';
import { isLacking } from '../../domain/coverage';
import { reachOf } from '../engine/reach-cache';
import { facilityTypeOf } from '../../domain/facility-types';
import { daysFrom, LACKING_ORDER, nextDeadline, severity, type LackingKey } from '../../domain/priority';
import { requirementsOf } from '../../domain/engine/masks';
import { validate } from '../../validate';
import { inScope, resolveScope, type Scope } from '../engine/scope';
import type { EngineSnapshot } from '../engine/engine-store';

/**
 * Coverage gaps of an area (country, prefecture or municipality): facilities by status, structural
 * gaps within `maxMinutes`, the MHLW-survey-shaped table, and the same per municipality.
 */
export const gapsRoutes = new Hono<AppEnv>()
  .get('/', validate('query', gapsQuery), allow(PUBLIC), (c) => {
    const q = c.req.valid('query');
    const { today, engine, memo } = c.var;
    const snap = engine.get(today());
    const scope = resolveScope(snap, q);
    // One answer per area and travel limit for the data version: the 自治体 view asks it on every visit.
    return c.json(memo.get(today(), `gaps:${scope.kind}:${scope.code}:${q.maxMinutes}`, () => gapsOf(snap, scope, q.maxMinutes, reachOf(memo, today(), snap, q.maxMinutes))));
  })
  /**
   * The area's facilities known to lack coverage (一部, 未) — or, with `list=unknown`, those whose
   * partners are not yet recorded (未把握), never mixed with them — each with its severity, next
   * deadline (domain/priority.ts) and structural gap within `maxMinutes`: one page of the list in the
   * order asked, and how many there are in all.
   */
  .get('/facilities', validate('query', lackingQuery), allow(PUBLIC), (c) => {
    const q = c.req.valid('query');
    const { today, engine, memo } = c.var;
    const snap = engine.get(today());
    const scope = resolveScope(snap, q);
    const reach = reachOf(memo, today(), snap, q.maxMinutes);
    // The whole list in order is kept for the data version: more pages and exports are then instant.
    const ordered = memo.get(today(), `lacking:${q.list}:${scope.kind}:${scope.code}:${q.maxMinutes}:${q.type}:${q.sort}`, () => {
      const keyed: { f: (typeof snap.unplaced)[number]; placed: EngineFacility | null; key: LackingKey }[] = [];
      const add = (f: (typeof snap.unplaced)[number], placed: EngineFacility | null) => {
        if (!inScope(scope, f) || (q.list === 'unknown' ? f.status !== 'unknown' : !isLacking(f.status))) return;
        const type = facilityTypeOf(f.serviceCode);
        if (q.type !== 'all' && type.key !== q.type) return;
        const info = snap.facilityInfo.get(f.id);
        const r = placed ? reach(placed) : null;
        keyed.push({ f, placed, key: { severity: severity(type, f.status, requirementsOf(searchMask(f))), deadline: nextDeadline(type, f.status, info?.lastConfirmedOn ?? null), structural: !!r && (r.noAdmitHospital || r.unreachable !== 0), name: info?.name ?? f.id, id: f.id } });
      };
      for (const f of snap.facilities) add(f, f);
      for (const f of snap.unplaced) add(f, null);
      return keyed.sort((a, b) => LACKING_ORDER[q.sort](a.key, b.key));
    });
    return c.json({
      scope: { kind: scope.kind, code: scope.code, name: scope.name },
      list: q.list,
      maxMinutes: q.maxMinutes,
      total: ordered.length,
      offset: q.offset,
      facilities: ordered.slice(q.offset, q.offset + q.limit).map(({ f, placed, key }) => {
        const type = facilityTypeOf(f.serviceCode);
        const info = snap.facilityInfo.get(f.id);
        const r = placed ? reach(placed) : null;
        return {
          facilityId: f.id, name: key.name, type: type.key, typeJa: type.shortJa, level: type.level, status: f.status, missing: reportedMissing(f), basis: searchBasis(f),
          severity: key.severity, deadline: key.deadline, daysLeft: key.deadline ? daysFrom(today(), key.deadline.date) : null,
          municipalityCode: f.municipalityCode, municipalityName: f.municipalityCode ? (snap.municipalities.get(f.municipalityCode)?.name ?? null) : null,
          address: info?.address ?? null, phone: info?.phone ?? null, position: placed ? ([placed.lng, placed.lat] as [number, number]) : null,
          noAdmitHospital: r?.noAdmitHospital ?? false, unreachable: r ? requirementsOf(r.unreachable) : [],
          /** Of the unreachable, those an un-notified institution in reach is eligible for: ask them. */
          eligibleOnly: r ? requirementsOf(r.eligibleOnly) : [],
        };
      }),
    });
  });

/** The gaps answer of one scope (GET /api/gaps). */
function gapsOf(snap: EngineSnapshot, scope: Scope, maxMinutes: number, reach: (f: EngineFacility) => Reach) {
  const placed = snap.facilities.filter((f) => inScope(scope, f));
  const unplaced = snap.unplaced.filter((f) => inScope(scope, f));
  const report = analyzeGaps(placed, unplaced, snap.institutionIndex, { maxMinutes }, (f) => ['scope', ...(f.municipalityCode ? [`m:${f.municipalityCode}`] : [])], reach);
  const ids = [...report.structural.keys()];
  const byId = new Map(placed.map((f) => [f.id, f]));
  const summary = report.areas.get('scope') ?? null;
  return {
    scope: { kind: scope.kind, code: scope.code, name: scope.name },
    maxMinutes,
    summary,
    municipalities: [...report.areas]
      .filter(([k]) => k.startsWith('m:'))
      .map(([k, a]) => ({ code: k.slice(2), name: snap.municipalities.get(k.slice(2))?.name ?? k.slice(2), counts: a.counts, structural: a.structural }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    structuralGaps: ids.map((id) => {
      const f = byId.get(id)!;
      const reach = report.structural.get(id)!;
      return {
        facilityId: id, name: snap.facilityInfo.get(id)?.name ?? id, serviceCode: f.serviceCode, municipalityCode: f.municipalityCode, position: [f.lng, f.lat] as [number, number],
        noAdmitHospital: reach.noAdmitHospital, unreachable: requirementsOf(reach.unreachable), eligibleOnly: requirementsOf(reach.eligibleOnly),
      };
    }),
  };
}
