import type { EngineFacility } from '../../domain/engine/model';
import { ApiFailure } from '../../errors';
import type { EngineSnapshot } from './engine-store';

/** An area the engine is asked about: the country, a prefecture, or a municipality (a 政令市 with its wards). */
export interface Scope {
  kind: 'country' | 'prefecture' | 'municipality';
  code: string | null;
  name: string;
  /** Municipality codes of the area (null: any). */
  municipalities: Set<string> | null;
  prefCode: string | null;
}

export function resolveScope(snap: EngineSnapshot, q: { municipality?: string; prefecture?: string }): Scope {
  if (q.municipality) {
    const m = snap.municipalities.get(q.municipality);
    if (!m) throw new ApiFailure(404, 'not_found', `No municipality with code "${q.municipality}"`);
    const codes = new Set([q.municipality, ...[...snap.municipalities].filter(([, x]) => x.parentCode === q.municipality).map(([c]) => c)]);
    return { kind: 'municipality', code: q.municipality, name: m.name, municipalities: codes, prefCode: m.prefCode };
  }
  if (q.prefecture) {
    const any = [...snap.municipalities.values()].find((m) => m.prefCode === q.prefecture);
    if (!any) throw new ApiFailure(404, 'not_found', `No municipality of prefecture "${q.prefecture}" in the database`);
    return { kind: 'prefecture', code: q.prefecture, name: any.prefName, municipalities: null, prefCode: q.prefecture };
  }
  return { kind: 'country', code: null, name: '全国', municipalities: null, prefCode: null };
}

export function inScope(scope: Scope, f: Pick<EngineFacility, 'municipalityCode' | 'prefCode'>): boolean {
  if (scope.municipalities) return f.municipalityCode !== null && scope.municipalities.has(f.municipalityCode);
  if (scope.prefCode) return f.prefCode === scope.prefCode;
  return true;
}
