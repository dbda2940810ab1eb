import { For, Show } from 'solid-js';
import { requirementSymbols } from '../../../../server/domain/requirements';
import type { CombinationsResponse } from '../../api';
import { KindBadge } from '../../components/badges';
import { fmt1 } from '../../components/format';
import { t } from '../../i18n';

type Combination = CombinationsResponse['combinations'][number];

/** The best sets of ≤ 3 institutions covering what is missing; the chosen one is drawn on the map. */
export function Combinations(props: { data: CombinationsResponse; chosen: number; onChoose: (k: number) => void; onSelect: (code: string) => void }) {
  return (
    <Show when={props.data.combinations.length > 0} fallback={<p class="muted">{t('noCombination', { minutes: props.data.maxMinutes })}</p>}>
      <Show when={props.data.uncovered.length > 0}>
        <p class="flag gap" data-testid="combination-uncovered">{t('partialCombination', { req: requirementSymbols(props.data.uncovered) })}</p>
      </Show>
      <ol class="rows combos" data-testid="combinations">
        <For each={props.data.combinations}>
          {(c: Combination, k) => (
            <li tabIndex={0} classList={{ chosen: k() === props.chosen }} aria-current={k() === props.chosen} data-testid="combination" onClick={() => props.onChoose(k())} onKeyDown={(e) => e.key === 'Enter' && props.onChoose(k())}>
              <div class="row-main">
                <span class="rank">{k() + 1}</span>
                <span>{t('combinationTimes', { worst: fmt1(c.worstMinutes), total: fmt1(c.totalMinutes) })}</span>
              </div>
              <For each={c.members}>
                {(m) => (
                  <div class="row-sub member">
                    <strong>{requirementSymbols(m.gives)}</strong>{' '}
                    <button type="button" class="link inline-link" onClick={(e) => { e.stopPropagation(); props.onSelect(m.code); }}>{m.name}</button>{' '}
                    <KindBadge kind={m.kind} /> <span class="muted">{t('minutes', { n: fmt1(m.minutes) })}</span>
                  </div>
                )}
              </For>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
