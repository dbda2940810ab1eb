import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { requirementSymbols } from '../../../../server/domain/requirements';
import type { Candidate, CandidatesResponse } from '../../api';
import { KindBadge, RequirementChips } from '../../components/badges';
import { fmt1, fmtSigned } from '../../components/format';
import { t } from '../../i18n';
import { rerank } from '../../lib/rerank';
import { DEFAULT_WEIGHTS, TUNABLE_WEIGHTS, type Weights } from '../../state/app-state';

const SHOWN = 20;

/**
 * The ranked candidates, re-ranked in the browser as the weight sliders move (lib/rerank.ts: the
 * engine's formula on the candidates the server found in range).
 */
export function Candidates(props: {
  data: CandidatesResponse;
  weights: Weights;
  onWeights: (w: Weights) => void;
  onHover: (c: Candidate | null) => void;
  onSelect: (code: string) => void;
}) {
  const d = () => props.data;
  const ranked = createMemo(() => rerank(d().candidates, props.weights, d().maxMinutes).slice(0, SHOWN));
  return (
    <Switch>
      <Match when={d().reason === 'no_position'}>
        <p class="muted">{t('noPosition')}</p>
      </Match>
      <Match when={d().reason === 'nothing_missing'}>
        <p class="muted">{t('nothingMissing')}</p>
      </Match>
      <Match when={d().candidates.length === 0}>
        <p class="muted" data-testid="no-candidates">{t('noCandidates', { minutes: d().maxMinutes })}</p>
      </Match>
      <Match when={true}>
        <p class="muted">
          {t(d().basis === 'unknown' ? 'candidatesForUnknown' : 'candidatesFor', { missing: requirementSymbols(d().searchFor), minutes: d().maxMinutes })} · {t('inRange', { n: d().totalInRange })}
          <Show when={d().excluded.notAccepting + d().excluded.atCapacity > 0}> · {t('excludedNote', { a: d().excluded.notAccepting, b: d().excluded.atCapacity })}</Show>
        </p>
        <WeightSliders weights={props.weights} onChange={props.onWeights} />
        <Show when={d().totalInRange > d().candidates.length}><p class="hint">{t('rerankPool', { n: d().candidates.length })}</p></Show>
        <p class="hint">{t('hoverHint')}</p>
        <ol class="rows candidates" data-testid="candidates" onMouseLeave={() => props.onHover(null)}>
          <For each={ranked()}>
            {(r, i) => (
              <li
                tabIndex={0}
                data-testid="candidate"
                data-code={r.candidate.code}
                data-score={r.total}
                onMouseEnter={() => props.onHover(r.candidate)}
                onFocus={() => props.onHover(r.candidate)}
                onClick={() => props.onSelect(r.candidate.code)}
                onKeyDown={(e) => e.key === 'Enter' && props.onSelect(r.candidate.code)}
              >
                <div class="row-main">
                  <span class="rank">{i() + 1}</span>
                  <span class="name">{r.candidate.institution.name}</span> <KindBadge kind={r.candidate.institution.kind} />
                  <Show when={r.candidate.currentPartner}> <span class="flag">{t('currentPartner')}</span></Show>
                  <Show when={r.candidate.a253}> <span class="flag a253" title={t('a253Help')}>A253</span></Show>
                  <Show when={r.candidate.acrossWater}> <span class="flag">{t('acrossWater')}</span></Show>
                </div>
                <div class="row-sub">
                  <span data-testid="distance">{t('distance', { km: fmt1(r.candidate.distanceKm) })}</span> ·{' '}
                  <span data-testid="minutes">{t('minutes', { n: fmt1(r.candidate.minutes) })}</span> ·{' '}
                  <RequirementChips solid={r.candidate.covers.offered} outline={r.candidate.covers.eligibleOnly} only titleOutline={t('eligibleOnly')} />
                  <Show when={r.candidate.maxPartners !== null}> · <span class="muted">{t('loadOf', { a: r.candidate.activePartners, b: r.candidate.maxPartners! })}</span></Show>
                </div>
                <div class="row-sub score" data-testid="score-parts">
                  {t('score')} <strong>{r.total.toFixed(2)}</strong> ＝ {t('part.coverage')} {fmtSigned(r.parts.coverage)} · {t('part.travel')} {fmtSigned(r.parts.travel)}
                  <Show when={r.parts.load !== 0}> · {t('part.load')} {fmtSigned(r.parts.load)}</Show>
                  <Show when={r.parts.willingness !== 0}> · {t('part.willingness')} {fmtSigned(r.parts.willingness)}</Show>
                  <Show when={r.parts.a253 !== 0}> · {t('part.a253')} {fmtSigned(r.parts.a253)}</Show>
                </div>
                <Show when={r.candidate.institution.phone}><div class="row-sub muted">{t('phone')} {r.candidate.institution.phone}</div></Show>
              </li>
            )}
          </For>
        </ol>
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
