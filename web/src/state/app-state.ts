import { FACILITY_TYPES, type FacilityTypeKey } from '../../../server/domain/facility-types';
import { isGlossaryId, type GlossaryId } from '../i18n/glossary-ids';
import { DEFAULT_SCORE_WEIGHTS, MAX_TUNABLE_WEIGHT, TUNABLE_WEIGHTS, type TunableWeight } from '../../../server/domain/engine/score';

/**
 * Everything that makes a screen, kept in the URL so a link reproduces it (the map's position is in
 * the hash, kept by MapLibre). Parsing never throws: an unreadable value falls back to its default.
 */
export type View = 'desk' | 'area' | 'facility' | 'institution' | 'help';
/** `desk` is the signed-in account's landing page (マイページ), `help` the help page with its glossary; the others are the map's views. */
export const VIEWS: readonly View[] = ['desk', 'area', 'facility', 'institution', 'help'];
/** The views that are pages of their own, the map kept behind them. */
export type MapView = Exclude<View, 'desk' | 'help'>;
export const isMapView = (v: View): v is MapView => v !== 'desk' && v !== 'help';

/** The score weights a user can move (domain/engine/score.ts TUNABLE_WEIGHTS; the rest stay as there). */
export { MAX_TUNABLE_WEIGHT, TUNABLE_WEIGHTS, type TunableWeight };
export type Weights = Record<TunableWeight, number>;
export const DEFAULT_WEIGHTS: Weights = Object.fromEntries(TUNABLE_WEIGHTS.map((k) => [k, DEFAULT_SCORE_WEIGHTS[k]])) as Weights;

export const MINUTE_CHOICES = [15, 30, 45, 60, 90] as const;

export interface AppState {
  view: View;
  /** A municipality code (6 digits), `pref:NN` for a prefecture, or null for everything loaded. */
  area: string | null;
  facility: string | null;
  institution: string | null;
  /** The facility type the 自治体 view's map and table are about. */
  type: FacilityTypeKey | 'all';
  /** Travel-time limit used by every view (minutes). */
  minutes: number;
  weights: Weights;
  /** Online basemap (国土地理院 淡色地図) on — only offered when the server is set up for it. */
  basemap: boolean;
  /** The glossary entry the help page opens at (`?view=help&term=<id>`). */
  term: GlossaryId | null;
}

const TYPE_KEYS = Object.keys(FACILITY_TYPES) as FacilityTypeKey[];

export function parseState(search: string): AppState {
  const q = new URLSearchParams(search);
  const view = q.get('view') as View | null;
  const facility = q.get('facility');
  const institution = q.get('institution');
  const type = q.get('type') as FacilityTypeKey | null;
  const minutes = Number(q.get('min'));
  const weights = { ...DEFAULT_WEIGHTS };
  for (const part of (q.get('w') ?? '').split(',')) {
    const [k, v] = part.split(':');
    if (TUNABLE_WEIGHTS.includes(k as TunableWeight) && v !== undefined && Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= MAX_TUNABLE_WEIGHT) weights[k as TunableWeight] = Math.round(Number(v) * 10) / 10;
  }
  return {
    // A link to a facility or institution opens its view unless a view is named.
    view: view && VIEWS.includes(view) ? view : facility ? 'facility' : institution ? 'institution' : 'area',
    area: /^(\d{6}|pref:\d{2})$/.test(q.get('area') ?? '') ? q.get('area') : null,
    facility,
    institution,
    type: type && TYPE_KEYS.includes(type) ? type : 'all',
    minutes: MINUTE_CHOICES.includes(minutes as never) ? minutes : 30,
    weights,
    basemap: q.get('basemap') === '1',
    term: isGlossaryId(q.get('term')) ? (q.get('term') as GlossaryId) : null,
  };
}

/** The query string for a state (defaults left out), keeping any other parameters (e.g. lang). */
export function stateQuery(s: AppState, base: string): string {
  const q = new URLSearchParams(base);
  const set = (k: string, v: string | null) => (v === null ? q.delete(k) : q.set(k, v));
  set('view', s.view === 'area' && !s.facility && !s.institution ? null : s.view);
  set('area', s.area);
  set('facility', s.facility);
  set('institution', s.institution);
  set('type', s.type === 'all' ? null : s.type);
  set('min', s.minutes === 30 ? null : String(s.minutes));
  const changed = TUNABLE_WEIGHTS.filter((k) => s.weights[k] !== DEFAULT_WEIGHTS[k]);
  set('w', changed.length ? changed.map((k) => `${k}:${s.weights[k]}`).join(',') : null);
  set('basemap', s.basemap ? '1' : null);
  set('term', s.view === 'help' ? s.term : null);
  return q.toString();
}
