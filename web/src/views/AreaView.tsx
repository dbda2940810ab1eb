import { createEffect, createResource, For, on, Show } from 'solid-js';
import { FACILITY_TYPES, type FacilityTypeKey } from '../../../server/domain/facility-types';
import { fetchGaps, type Area } from '../api';
import { StatusBadge } from '../components/badges';
import { LoadError } from '../components/LoadError';
import { lang, t } from '../i18n';
import { highlight, type Overlay } from '../map/overlays';
import { MINUTE_CHOICES } from '../state/app-state';
import { isOfficer } from '../state/access';
import { user } from '../state/session';
import { useAppStore } from '../state/store';
import { areaName, areaOptions } from './areas';
import { AuditPanel } from './AuditPanel';
import { FilingTracker } from './FilingTracker';
import { LackingList } from './LackingList';
import { PlanSection } from './PlanSection';
import { SurveyTable } from './SurveyTable';
import { COVERAGE_STATUSES } from '../../../server/domain/coverage';
import { createSignal } from 'solid-js';
import { HelpLink } from '../components/HelpLink';

const TYPE_KEYS = Object.keys(FACILITY_TYPES) as FacilityTypeKey[];

/**
 * The 自治体 view: pick an area (or click one on the map), see its facilities by status, the
 * survey-shaped table, who lacks coverage (sortable, exportable), and a regional plan.
 */
export function AreaView(props: { areas: readonly Area[]; onOverlay: (o: Overlay) => void }) {
  const { state, update } = useAppStore();
  const [gaps] = createResource(() => [state.area, state.minutes] as const, ([area, minutes]) => fetchGaps(area, minutes));
  const [planLines, setPlanLines] = createSignal<Overlay['lines']>([]);
  const name = () => areaName(props.areas, state.area) ?? t('wholeRegion');
  const typeLabel = (k: FacilityTypeKey) => (lang() === 'ja' ? FACILITY_TYPES[k].shortJa : FACILITY_TYPES[k].nameEn);
  const city = () => {
    const a = props.areas.find((x) => x.code === state.area);
    return a?.kind === 'ward' ? props.areas.find((x) => x.code === a.parentCode) : a?.kind === 'designated_city' ? a : undefined;
  };

  // A plan drawn by an officer leaves the map when they sign out.
  createEffect(on(() => isOfficer(user()), (officer) => !officer && setPlanLines([]), { defer: true }));

  // The map shows the area's structural gaps, and the plan's lines when one is drawn.
  createEffect(() => {
    const g = gaps.latest;
    props.onOverlay({ lines: planLines(), rings: [], highlights: (g?.structuralGaps ?? []).map((s) => highlight(s.position, 'gap', s.facilityId)) });
  });

  return (
    <div class="area-view" data-testid="area-view">
      <div class="controls">
        <label>
          {t('area')}
          <select value={state.area ?? ''} onChange={(e) => update({ area: e.currentTarget.value || null })} data-testid="area-select">
            <option value="">{t('wholeRegion')}</option>
            <For each={areaOptions(props.areas, (n) => t('wholeOf', { name: n }))}>
              {(o) => <option value={o.code}>{`${'\u3000'.repeat(o.depth)}${o.label}`}</option>}
            </For>
          </select>
        </label>
        <label>
          {t('facilityType')}
          <select value={state.type} onChange={(e) => update({ type: e.currentTarget.value as FacilityTypeKey | 'all' })} data-testid="type-select">
            <option value="all">{t('allTypes')}</option>
            <For each={TYPE_KEYS}>{(k) => <option value={k}>{typeLabel(k)}</option>}</For>
          </select>
        </label>
        <label>
          {t('travelLimit')}
          <select value={state.minutes} onChange={(e) => update({ minutes: Number(e.currentTarget.value) })} data-testid="minutes-select">
            <For each={MINUTE_CHOICES}>{(m) => <option value={m}>{t('withinMinutes', { n: m })}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={city()}>
        {(c) => (
          <p class="wards">
            <button type="button" class="link inline-link" onClick={() => update({ area: c().code })}>{t('wholeOf', { name: c().name })}</button>
            <For each={props.areas.filter((a) => a.parentCode === c().code)}>
              {(w) => <button type="button" class="link inline-link" classList={{ current: w.code === state.area }} onClick={() => update({ area: w.code })}>{wardOnly(w.name, c().name)}</button>}
            </For>
          </p>
        )}
      </Show>
      <h2 data-testid="area-title">{name()}</h2>
      <Show when={!gaps.error} fallback={<LoadError error={gaps.error} />}>
        <Show when={gaps.latest?.summary} fallback={<p class="muted">{gaps.loading ? t('loading') : t('noFacilitiesHere')}</p>}>
          {(s) => (
            <div classList={{ stale: gaps.loading }} aria-busy={gaps.loading}>
              <p class="status-counts" data-testid="status-counts">
                <For each={COVERAGE_STATUSES}>{(st) => <span><StatusBadge status={st} /> {s().counts[st]}<Show when={st === 'unknown'}><HelpLink term="unknown" /></Show></span>}</For>
                <span class="muted">{t('totalFacilities', { n: s().counts.total })}</span>
              </p>
              <p class="structural" data-testid="structural">
                {t('structuralSummary', { minutes: state.minutes, admit: s().structural.noAdmitHospital, none: s().structural.noCombination })}
                <Show when={s().structural.noCombination > 0}>{t('paren', { text: t('structuralSplit', { nobody: s().structural.noOneInReach, undeclared: s().structural.noneDeclared }) })}</Show>
                <Show when={s().structural.unplaced > 0}> · {t('unplacedCount', { n: s().structural.unplaced })}</Show>
              </p>
              <SurveyTable survey={s().survey} areaName={name()} />
            </div>
          )}
        </Show>
      </Show>
      {/* The plan, the filing tracker and the change log are an officer's tools (POST /api/plan, GET /api/filings/tracker, GET /api/audit). */}
      <Show when={isOfficer(user())} fallback={<p class="hint access-note" data-testid="officer-hint">{t('officerHint')}</p>}>
        <PlanSection area={state.area} areaName={name()} minutes={state.minutes} onLines={setPlanLines} onSelect={(id) => update({ view: 'facility', facility: id })} />
      </Show>
      <LackingList list="lacking" area={state.area} areaName={name()} minutes={state.minutes} type={state.type} onSelect={(id) => update({ view: 'facility', facility: id })} />
      <LackingList list="unknown" area={state.area} areaName={name()} minutes={state.minutes} type={state.type} onSelect={(id) => update({ view: 'facility', facility: id })} />
      <Show when={isOfficer(user())}>
        <Show when={state.area}>{(a) => <FilingTracker area={a()} />}</Show>
        <AuditPanel />
      </Show>
    </div>
  );
}

/** Within its city's list a ward reads by itself (北区); everywhere else with its city (デモ市北区). */
const wardOnly = (ward: string, city: string) => (ward.startsWith(city) && ward.length > city.length ? ward.slice(city.length) : ward);
