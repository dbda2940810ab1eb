import { For, Match, Show, Switch } from 'solid-js';
import { TRANSITION_ENDS } from '../../../../server/domain/facility-types';
import { requirementSymbols } from '../../../../server/domain/requirements';
import type { FacilityDetail } from '../../api';
import { A253Badge, KindBadge, RequirementChips, StatusBadge } from '../../components/badges';
import { fmtInt } from '../../components/format';
import { HelpLink } from '../../components/HelpLink';
import { typeLabel } from '../../components/type-name';
import { lang, t } from '../../i18n';
import { user } from '../../state/session';

/** The facility card: who it is, its rule and deadline, its partners and what they cover. */
export function FacilityCard(props: { f: FacilityDetail; onSelectFacility: (id: string) => void; onSelectInstitution: (code: string) => void }) {
  return (
    <>
      <header>
        <p class="eyebrow">{t('facility')} · {lang() === 'ja' ? props.f.type.shortJa : props.f.type.nameEn}</p>
        <h2 data-testid="panel-title">{props.f.name}</h2>
        <p class="muted">{props.f.type.serviceName}</p>
        <Show when={props.f.withdrawnOn}>{(d) => <p class="flag">{t('withdrawn', { date: d() })}</p>}</Show>
      </header>
      <FacilityFacts f={props.f} onSelectFacility={props.onSelectFacility} />
      <RuleBlock f={props.f} />
      <PartnersBlock f={props.f} onSelectInstitution={props.onSelectInstitution} />
    </>
  );
}

function FacilityFacts(props: { f: FacilityDetail; onSelectFacility: (id: string) => void }) {
  return (
    <dl class="facts">
      <dt>{t('careOfficeNumber')}</dt>
      <dd>{props.f.careOfficeNumber}{t('paren', { text: `${t('serviceCode')} ${props.f.serviceCode}` })}</dd>
      <dt>{t('address')}</dt>
      <dd>{props.f.address ?? '—'}</dd>
      <dt>{t('phone')}</dt>
      <dd data-testid="phone">{props.f.phone ? <a href={`tel:${props.f.phone}`}>{props.f.phone}</a> : '—'}</dd>
      <Show when={props.f.authority}>
        {(a) => (
          <>
            <dt>{t('authority')}<HelpLink term="authority" /></dt>
            <dd>{a().name}</dd>
          </>
        )}
      </Show>
      <dt>{t('capacity')}</dt>
      <dd>{props.f.capacity ?? t('unknownValue')}</dd>
      <dt>{t('operator')}</dt>
      <dd>{props.f.operatorName ?? '—'}</dd>
      <dt>{t('position')}</dt>
      <dd>
        {t(`facilityPrecision.${props.f.precision}`)}
        <Show when={props.f.positionFlag}>{(flag) => <span class="flag" data-testid="position-flag"> {t(`positionFlag.${flag()}`, { km: props.f.positionOffsetKm ?? '' })}</span>}</Show>
      </dd>
      <Show when={props.f.coLocated.length > 0}>
        <dt>{t('coLocated')}</dt>
        <dd data-testid="co-located">
          <For each={props.f.coLocated}>
            {(c) => (
              <button type="button" class="link" onClick={() => props.onSelectFacility(c.id)}>
                {t('coLocatedItem', { name: c.name, type: typeLabel(c.typeJa), code: c.serviceCode })}
              </button>
            )}
          </For>
        </dd>
      </Show>
    </dl>
  );
}

function RuleBlock(props: { f: FacilityDetail }) {
  const days = () => props.f.type.daysUntilBinding;
  return (
    <section class="rule">
      <h3>{t('requiredSet')}<HelpLink term="requirements" /></h3>
      <p>
        <RequirementChips solid={props.f.type.required} only />
        <span class="level-badge" data-level={props.f.type.level}>{t(`level.${props.f.type.level}`)}</span>
        <HelpLink term="duty" />
      </p>
      <Show when={props.f.type.bindingFrom} fallback={<p class="muted">{t('bestEffortNote')}</p>}>
        {(date) => (
          <p data-testid="deadline">
            {t('bindingFrom', { date: date(), end: TRANSITION_ENDS })}
            <Show when={days() !== null}>
              {' '}<strong data-testid="days-left">{days()! >= 0 ? t('daysLeft', { n: fmtInt(days()!) }) : t('daysPassed', { n: fmtInt(-days()!) })}</strong>
            </Show>
          </p>
        )}
      </Show>
      <h3>{t('coverage')}</h3>
      <p data-testid="coverage">
        <StatusBadge status={props.f.coverage.status} />{' '}
        <Show when={props.f.coverage.met !== null && props.f.coverage.missing !== null} fallback={<span data-testid="coverage-unknown">{t('coverage.unknownNote')}<HelpLink term="unknown" /></span>}>
          {t('met')} {requirementSymbols(props.f.coverage.met ?? [])} {t('slash')} {t('missing')} <strong>{requirementSymbols(props.f.coverage.missing ?? [])}</strong>
        </Show>
      </p>
    </section>
  );
}

function PartnersBlock(props: { f: FacilityDetail; onSelectInstitution: (code: string) => void }) {
  return (
    <section>
      <h3>{t('partners')}</h3>
      <Switch>
        {/* Who the partners are is not public (server/auth/policy.ts): null for those who may not read it. */}
        <Match when={props.f.partners === null}>
          <p class="muted access-note" data-testid="partners-hidden">{user() ? t('partnersRestricted') : t('partnersSignIn')}</p>
        </Match>
        <Match when={props.f.partners?.length}>
          <ul class="rows" data-testid="partners">
            <For each={props.f.partners}>
              {(p) => (
                <li classList={{ ended: !p.active }} tabIndex={0} onClick={() => props.onSelectInstitution(p.institution.code)} onKeyDown={(e) => e.key === 'Enter' && props.onSelectInstitution(p.institution.code)}>
                  <div class="row-main">
                    <span class="name">{p.institution.name}</span> <KindBadge kind={p.institution.kind} />
                    <Show when={!p.active}> <span class="muted">{t('paren', { text: `${t('ended')} ${p.endedOn}` })}</span></Show>
                  </div>
                  <div class="row-sub">
                    <RequirementChips solid={p.covers} only />
                    <span class="muted"> {t('agreedOn')} {p.agreedOn ?? '—'} · {t('confirmedOn')} {p.confirmedOn ?? '—'}</span>
                    <Show when={p.active && p.confirmation.overdue}> <span class="flag overdue" data-testid="confirmation-overdue">{t('confirmationOverdue')}</span></Show>
                    <Show when={p.specialRelationship}> <span class="flag">{t('specialRelationship')}</span></Show>{' '}
                    <A253Badge a253={p.a253} />
                  </div>
                  <Show when={p.institution.phone}><div class="row-sub muted">{t('phone')} {p.institution.phone}</div></Show>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={props.f.partnersReportedOn}>{(d) => <p class="muted">{t('reportedNone', { date: d() })}</p>}</Match>
        <Match when={true}>
          <p class="muted">{t('partnersUnknown')}</p>
        </Match>
      </Switch>
    </section>
  );
}
