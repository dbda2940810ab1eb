import type { A253Reason } from '../../../server/domain/a253';
import { For, Show } from 'solid-js';
import type { CoverageStatus } from '../../../server/domain/coverage';
import { REQUIREMENT_INFO, REQUIREMENTS, type Requirement } from '../../../server/domain/requirements';
import { t } from '../i18n';
import { STATUS_COLORS } from '../map/palette';

export function StatusBadge(props: { status: CoverageStatus }) {
  return (
    <span class="status-badge" data-status={props.status} style={{ '--status-color': STATUS_COLORS[props.status] }}>
      {t(`status.${props.status}`)}
    </span>
  );
}

/**
 * ①②③ as three chips. `solid` ones are shown filled, `outline` ones dashed (e.g. eligible only),
 * others are dimmed, or hidden when `only` is set.
 */
export function RequirementChips(props: { solid: readonly Requirement[]; outline?: readonly Requirement[]; only?: boolean; titleOutline?: string }) {
  const state = (r: Requirement) => (props.solid.includes(r) ? 'solid' : props.outline?.includes(r) ? 'outline' : 'off');
  return (
    <span class="req-chips">
      <For each={REQUIREMENTS}>
        {(r) => (
          <Show when={!props.only || state(r) !== 'off'}>
            <span class="req-chip" data-state={state(r)} title={state(r) === 'outline' ? props.titleOutline : t(`req.${r}`)}>
              {REQUIREMENT_INFO[r].symbol}
            </span>
          </Show>
        )}
      </For>
      <Show when={props.only && props.solid.length === 0 && (props.outline?.length ?? 0) === 0}>
        <span class="muted">{t('coversNone')}</span>
      </Show>
    </span>
  );
}

export function KindBadge(props: { kind: 'hospital' | 'clinic' | 'unknown' }) {
  return <span class="kind-badge" data-kind={props.kind}>{t(`kind.${props.kind}`)}</span>;
}

/** Whether an agreement earns the hospital A253, and if not why (server/domain/a253.ts). */
export function A253Badge(props: { a253: { earns: boolean; reason: A253Reason | null } }) {
  return (
    <span class={props.a253.earns ? 'flag a253' : 'flag muted'} data-testid="a253-badge" data-earns={props.a253.earns} title={t('a253Help')}>
      {props.a253.earns ? t('a253.earns') : t(`a253.reason.${props.a253.reason ?? 'no_basis'}`)}
    </span>
  );
}
