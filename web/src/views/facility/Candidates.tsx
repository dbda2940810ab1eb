import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { requirementSymbols } from '../../../../server/domain/requirements';
import type { Candidate, CandidatesResponse } from '../../api';
import { KindBadge, RequirementChips } from '../../components/badges';
import { fmt1, fmtSigned } from '../../components/format';
import { t } from '../../i18n';
import { CandidateExplanation } from './CandidateExplanation';
import { DEFAULT_WEIGHTS, TUNABLE_WEIGHTS, type Weights } from '../../state/app-state';
import { HelpLink } from '../../components/HelpLink';

/**
 * The ranked candidates as the server ranked them, with the weights of the sliders (the server ranks
 * again once they rest: FacilityView). Each row opens its full explanation on demand.
 */
export function Candidates(props: {
  data: CandidatesResponse;
  weights: Weights;
  loading: boolean;
  onWeights: (w: Weights) => void;
  onHover: (c: Candidate | null) => void;
  onSelect: (code: string) => void;
}) {
  const d = () => props.data;
  const [open, setOpen] = createSignal<string | null>(null);
  return (
    <Switch>
      <Match when={d().reason === 'no_position'}>
        <p class="muted">{t('noPosition')}</p>
      </Match>
      <Match when={d().reason === 'nothing_missing'}>
        <p class="muted">{t('nothingMissing')}</p>
      </Match>
      <Match when={true}>
        <p class="muted">
          {t(d().basis === 'unknown' ? 'candidatesForUnknown' : 'candidatesFor', { missing: requirementSymbols(d().searchFor), minutes: d().maxMinutes })} · {t('inRange', { n: d().totalInRange })}
          <Show when={d().excluded.notAccepting + d().excluded.atCapacity > 0}> · {t('excludedNote', { a: d().excluded.notAccepting, b: d().excluded.atCapacity })}</Show>
        </p>
        <WeightSliders weights={props.weights} onChange={props.onWeights} />
        <Show when={d().candidates.length > 0} fallback={<p class="muted" data-testid="no-candidates">{t('noCandidates', { minutes: d().maxMinutes })}</p>}>
          <p class="hint">{t('hoverHint')}</p>
          <ol class="rows candidates" data-testid="candidates" aria-busy={props.loading} onMouseLeave={() => props.onHover(null)}>
            <For each={d().candidates}>
              {(c, i) => (
                <li
                  tabIndex={0}
                  data-testid="candidate"
                  data-code={c.code}
                  data-score={c.score.total}
                  onMouseEnter={() => props.onHover(c)}
                  onFocus={() => props.onHover(c)}
                  onClick={() => props.onSelect(c.code)}
                  onKeyDown={(e) => e.target === e.currentTarget && e.key === 'Enter' && props.onSelect(c.code)}
                >
                  <div class="row-main">
                    <span class="rank">{i() + 1}</span>
                    <span class="name">{c.institution.name}</span> <KindBadge kind={c.institution.kind} />
                    <Show when={c.currentPartner}> <span class="flag">{t('currentPartner')}</span></Show>
                    <Show when={c.a253}> <span class="flag a253" title={t('a253Help')}>A253</span><HelpLink term="a253" /></Show>
                    <Show when={c.acrossWater}> <span class="flag">{t('acrossWater')}</span></Show>
                  </div>
                  <div class="row-sub">
                    <span data-testid="distance">{t('distance', { km: fmt1(c.distanceKm) })}</span> ·{' '}
                    <span data-testid="minutes">{t('minutes', { n: fmt1(c.minutes) })}</span> ·{' '}
                    <RequirementChips solid={c.covers.offered} outline={c.covers.eligibleOnly} only titleOutline={t('eligibleOnly')} />
                    <Show when={c.institution.maxPartners !== null}> · <span class="muted">{t('loadOf', { a: c.institution.activePartners, b: c.institution.maxPartners! })}</span></Show>
                  </div>
                  <div class="row-sub score" data-testid="score-parts">
                    {t('score')} <strong>{c.score.total.toFixed(2)}</strong> {t('equals')} {t('part.coverage')} {fmtSigned(c.score.parts.coverage)} · {t('part.travel')} {fmtSigned(c.score.parts.travel)}
                    <Show when={c.score.parts.load !== 0}> · {t('part.load')} {fmtSigned(c.score.parts.load)}</Show>
                    <Show when={c.score.parts.willingness !== 0}> · {t('part.willingness')} {fmtSigned(c.score.parts.willingness)}</Show>
                    <Show when={c.score.parts.a253 !== 0}> · {t('part.a253')} {fmtSigned(c.score.parts.a253)}</Show>{' '}
                    <button
                      type="button" class="link inline" aria-expanded={open() === c.code} data-testid="explain"
                      onClick={(e) => { e.stopPropagation(); setOpen(open() === c.code ? null : c.code); }}
                    >{t('explain.open')}</button>
                  </div>
                  <Show when={c.institution.phone}><div class="row-sub muted">{t('phone')} {c.institution.phone}</div></Show>
                  <Show when={open() === c.code}>
                    <CandidateExplanation facilityId={d().facilityId} code={c.code} maxMinutes={d().maxMinutes} weights={d().weights} />
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </Match>
    </Switch>
  );
}

/** One slider per tunable weight, 0–3; the ranking follows at once. */
function WeightSliders(props: { weights: Weights; onChange: (w: Weights) => void }) {
  const changed = () => TUNABLE_WEIGHTS.some((k) => props.weights[k] !== DEFAULT_WEIGHTS[k]);
  return (
    <details class="weights" open={changed()}>
      <summary>{t('weightsTitle')}</summary>
      <For each={TUNABLE_WEIGHTS}>
        {(k) => (
          <label class="slider">
            <span>{t(`weight.${k}`)}</span>
            <input
              type="range" min="0" max="3" step="0.1" value={props.weights[k]} data-testid={`weight-${k}`}
              onInput={(e) => props.onChange({ ...props.weights, [k]: Number(e.currentTarget.value) })}
            />
            <output>{props.weights[k].toFixed(1)}</output>
          </label>
        )}
      </For>
      <button type="button" class="secondary" disabled={!changed()} onClick={() => props.onChange({ ...DEFAULT_WEIGHTS })}>{t('weightsReset')}</button>
    </details>
  );
}
