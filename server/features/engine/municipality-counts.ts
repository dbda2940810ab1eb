import { COVERAGE_STATUSES, type CoverageStatus } from '../../domain/coverage';
import type { EngineSnapshot } from './engine-store';

/** Live facilities of a municipality by coverage status, and in all. */
export type MunicipalityCounts = Record<CoverageStatus, number> & { total: number };
export const emptyCounts = (): MunicipalityCounts => ({ covered: 0, partial: 0, none: 0, unknown: 0, total: 0 });

/**
 * Every municipality's live facilities (placed or not) by status: a ward's own, and a 政令市's the
 * sum of its wards' (plus any filed under the city itself). The one count GET /api/municipalities
 * and the officer's desk show.
 */
export function municipalityCounts(snap: Pick<EngineSnapshot, 'facilities' | 'unplaced' | 'municipalities'>): Map<string, MunicipalityCounts> {
  const counts = new Map<string, MunicipalityCounts>();
  for (const f of [...snap.facilities, ...snap.unplaced]) {
    if (!f.municipalityCode) continue;
    const cnt = counts.get(f.municipalityCode) ?? emptyCounts();
    cnt[f.status]++;
    cnt.total++;
    counts.set(f.municipalityCode, cnt);
  }
  for (const [code, cnt] of [...counts]) {
    const parent = snap.municipalities.get(code)?.parentCode;
    if (!parent) continue;
    const pc = counts.get(parent) ?? emptyCounts();
    for (const k of [...COVERAGE_STATUSES, 'total'] as const) pc[k] += cnt[k];
    counts.set(parent, pc);
  }
  return counts;
}
