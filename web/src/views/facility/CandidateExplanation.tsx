import { createResource, For, Show } from 'solid-js';
import { fetchCandidateExplanation, type CandidateExplanation as Explanation } from '../../api';
import { fmt1 } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { t } from '../../i18n';
import type { Weights } from '../../state/app-state';

type Detail = NonNullable<Explanation['explanation']>;

/**
 * One candidate's full explanation, fetched when its row is opened: its rank, what it gives of each
 * requirement and on what basis (notifications or its own declaration), and the inputs of every
 * score part — travel, load, willingness, A253.
 */
export function CandidateExplanation(props: { facilityId: string; code: string; maxMinutes: number; weights: Weights }) {
  const [data] = createResource(
    () => [props.facilityId, props.code, props.maxMinutes, props.weights] as const,
    ([id, code, m, w]) => fetchCandidateExplanation(id, code, m, w),
  );
  return (
    <div class="explanation" data-testid="explanation" onClick={(e) => e.stopPropagation()}>
      <Show when={!data.error} fallback={<LoadError error={data.error} />}>
        <Show when={data()} fallback={<p class="muted">{t('loading')}</p>}>
          {(x) => (
            <>
              <p>{x().rank !== null ? t('explain.rank', { n: x().rank! }) : t(`explain.standing.${x().standing}`)}</p>
              <Show when={x().explanation}>{(e) => <Body e={e()} />}</Show>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}

function Body(props: { e: Detail }) {
  const e = () => props.e;
  const basis = () =>
    e().offers.declared !== null
      ? t('explain.basisDeclared')
      : e().offers.notifications.length > 0
        ? e().offers.notifications.map((n) => (n.nameJa ? t('explain.notification', { symbol: n.symbol, name: n.nameJa }) : n.symbol)).join(t('explain.listSeparator'))
        : t('explain.basisNone');
  return (
    <dl class="explain-facts">
      <dt>{t('explain.requirements')}</dt>
      <dd>
        <ul class="explain-list">
          <For each={e().requirements.filter((r) => r.required)}>
            {(r) => (
              <li data-testid={`explain-${r.requirement}`}>
                {t(`req.${r.requirement}`)}: {t(`explain.gives.${r.gives}`)}
                <Show when={!r.searched}> <span class="muted">{t('explain.alreadyMet')}</span></Show>
              </li>
            )}
          </For>
        </ul>
      </dd>
      <dt>{t('explain.basis')}</dt>
      <dd>{basis()}</dd>
      <dt>{t('part.travel')}</dt>
      <dd>
        {e().travel.acrossWater
          ? t('explain.acrossWater', { km: fmt1(e().travel.km) })
          : t('explain.travel', { km: fmt1(e().travel.km), minutes: fmt1(e().travel.minutes), max: e().travel.maxMinutes })}
      </dd>
      <dt>{t('part.load')}</dt>
      <dd>
        {e().load.maxPartners === null ? t('explain.loadNoMax', { n: e().load.activePartners }) : t('explain.load', { n: e().load.activePartners, max: e().load.maxPartners! })}
        <Show when={e().load.currentPartner}> · {t('currentPartner')}</Show>
      </dd>
      <dt>{t('part.willingness')}</dt>
      <dd>{e().willingness ? t(`willingness.${e().willingness!}`) : t('explain.willingnessUnknown')}</dd>
      <dt>{t('part.a253')}</dt>
      <dd data-testid="explain-a253">
        {e().a253.earned
          ? t('explain.a253.earned')
          : !e().a253.facilityTypeEarns
            ? t('explain.a253.type')
            : !e().a253.hospitalBasis
              ? t('explain.a253.basis')
              : !e().a253.givesMissingAdmit
                ? t('explain.a253.admit')
                : t('explain.a253.special')}
      </dd>
    </dl>
  );
}
