import { createSignal, For, Show } from 'solid-js';
import { requirementSymbols } from '../../../server/domain/requirements';
import { fetchPlan, type PlanResponse } from '../api';
import { apiErrorText } from '../components/error-text';
import { accessMessage } from '../components/LoadError';
import { t } from '../i18n';
import { line, type Overlay } from '../map/overlays';
import { downloadCsv } from '../lib/export';
import { planCsv } from '../lib/plan-csv';

/**
 * The regional plan for the area (POST /api/plan): proposed partners for everyone who can be covered
 * within the time limit and the institutions' room, drawn on the map; who cannot, and why.
 */
export function PlanSection(props: { area: string | null; areaName: string; minutes: number; onLines: (l: Overlay['lines']) => void; onSelect: (id: string) => void }) {
  const [plan, setPlan] = createSignal<PlanResponse | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const run = async () => {
    if (!props.area) return;
    setBusy(true);
    setError(null);
    try {
      const p = await fetchPlan(props.area, props.minutes);
      setPlan(p);
      props.onLines(p.assignments.flatMap((a) => a.partners.map((m) => line(a.position, m.position, 'plan'))));
    } catch (e) {
      setError(accessMessage(e) ?? apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const clear = () => {
    setPlan(null);
    props.onLines([]);
  };
  const exportCsv = (p: PlanResponse) => {
    const { columns, rows } = planCsv(p, (k) => t(k));
    downloadCsv(`renkei-plan-${props.areaName}.csv`, columns, rows);
  };

  return (
    <section class="plan" data-testid="plan-section">
      <h3>{t('planTitle')}</h3>
      <p class="hint">{t('planHint', { minutes: props.minutes })}</p>
      <p>
        <button type="button" onClick={() => void run()} disabled={!props.area || busy()} data-testid="plan-run">
          {busy() ? t('planRunning') : t('planRun')}
        </button>
        <Show when={plan()}> <button type="button" class="secondary" onClick={clear}>{t('planClear')}</button></Show>
      </p>
      <Show when={!props.area}><p class="muted">{t('planNeedsArea')}</p></Show>
      <Show when={error()}>{(e) => <p class="error" role="alert">{e()}</p>}</Show>
      <Show when={plan()}>
        {(p) => (
          <div data-testid="plan-result">
            <p>{t('planSummary', { assigned: p().assignments.length, uncoverable: p().uncoverable.length, minutes: p().totalMinutes })}</p>
            <button type="button" class="secondary" onClick={() => exportCsv(p())} data-testid="export-plan-csv">{t('exportCsv')}</button>
            <Show when={p().uncoverable.length > 0}>
              <h4>{t('uncoverableTitle')}</h4>
              <ul class="rows" data-testid="uncoverable">
                <For each={p().uncoverable}>
                  {(u) => (
                    <li tabIndex={0} onClick={() => props.onSelect(u.facilityId)} onKeyDown={(e) => e.key === 'Enter' && props.onSelect(u.facilityId)}>
                      <div class="row-main"><span class="name">{u.name}</span></div>
                      <div class="row-sub muted">
                        {t(`uncoverable.${u.reason}`)}
                        <Show when={u.unreachable.length > 0}> · {t('gap.unreachable', { req: requirementSymbols(u.unreachable) })}</Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <h4>{t('assignmentsTitle')}</h4>
            <ul class="rows assignments" data-testid="assignments">
              <For each={p().assignments.slice(0, 100)}>
                {(a) => (
                  <li tabIndex={0} onClick={() => props.onSelect(a.facilityId)} onKeyDown={(e) => e.key === 'Enter' && props.onSelect(a.facilityId)}>
                    <div class="row-main"><span class="name">{a.name}</span> <span class="muted">{t('minutes', { n: a.totalMinutes })}</span></div>
                    <div class="row-sub">
                      <For each={a.partners}>{(m) => <span class="member">{t('planMember', { name: m.name, gives: requirementSymbols(m.gives), minutes: t('minutes', { n: m.minutes }) })}</span>}</For>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
    </section>
  );
}
