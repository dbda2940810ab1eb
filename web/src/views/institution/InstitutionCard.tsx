import { For, Match, Show, Switch } from 'solid-js';
import type { InstitutionDetail } from '../../api';
import { A253Badge, KindBadge, RequirementChips } from '../../components/badges';
import { t } from '../../i18n';
import { user } from '../../state/session';
import { typeLabel } from '../../components/type-name';
import { notificationTerm } from '../../i18n/glossary-ids';
import { HelpLink } from '../../components/HelpLink';

/** The institution card: who it is, what it offers and why, its notifications, partners and load. */
export function InstitutionCard(props: { i: InstitutionDetail; onSelectFacility: (id: string) => void }) {
  const i = () => props.i;
  return (
    <>
      <header>
        <p class="eyebrow">{t('institution')}</p>
        <h2 data-testid="panel-title">{i().name}</h2>
        <p><KindBadge kind={i().kind} /></p>
        <Show when={i().withdrawnOn}>{(d) => <p class="flag">{t('withdrawn', { date: d() })}</p>}</Show>
      </header>
      <dl class="facts">
        <dt>{t('medicalCode')}</dt>
        <dd>{i().code}</dd>
        <dt>{t('address')}</dt>
        <dd>{i().address ?? '—'}</dd>
        <dt>{t('phone')}</dt>
        <dd data-testid="phone">{i().phone ? <a href={`tel:${i().phone}`}>{i().phone}</a> : '—'}</dd>
        <dt>{t('beds')}</dt>
        <dd>{i().bedsDetail ?? (i().beds === null ? t('unknownValue') : i().beds)}</dd>
        <dt>{t('position')}</dt>
        <dd>{t(`precision.${i().precision}`)}</dd>
      </dl>
      <section>
        <h3>{t('offers')}</h3>
        <p data-testid="offers">
          <RequirementChips solid={i().offers.offers} outline={i().offers.eligible} titleOutline={t('eligibleOnly')} />{' '}
          <span class="muted">{t(`source.${i().offers.source}`)}</span>
        </p>
        <p class="muted">{t('eligible')}: <RequirementChips solid={i().offers.eligible} only /></p>
      </section>
      <section>
        <h3>{t('relevantNotifications')}</h3>
        <Show when={i().notifications.some((n) => n.relevant)} fallback={<p class="muted">{t('noRelevantNotifications')}</p>}>
          <ul class="rows">
            <For each={i().notifications.filter((n) => n.relevant)}>
              {(n) => (
                <li>
                  <div class="row-main"><strong>{n.symbol}</strong> <span class="muted">{n.name}</span><Show when={notificationTerm(n.symbol)}>{(id) => <HelpLink term={id()} />}</Show></div>
                  <div class="row-sub"><RequirementChips solid={n.offers} only /> <span class="muted">{n.startDate ?? ''}</span></div>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section>
        <h3>{t('partnerFacilities')}</h3>
        <p data-testid="load">
          {t('load')}: <strong>{i().activePartners}</strong> · {i().maxPartners === null ? t('notDeclared') : t('maxPartners', { n: i().maxPartners! })}
          <Show when={i().maxPartners !== null}>
            {' '}<meter min="0" max={i().maxPartners!} value={i().activePartners} /> <span class="muted">{t('remaining', { n: i().remaining ?? 0 })}</span>
          </Show>
        </p>
        <Switch fallback={<p class="muted">{t('noPartnerFacilities')}</p>}>
          {/* Who the partners are is not public (server/auth/policy.ts): null for those who may not read it. */}
          <Match when={i().partners === null}>
            <p class="muted access-note" data-testid="partners-hidden">{user() ? t('partnerFacilitiesRestricted') : t('partnerFacilitiesSignIn')}</p>
          </Match>
          <Match when={i().partners?.length}>
            <ul class="rows" data-testid="partner-facilities">
              <For each={i().partners}>
                {(p) => (
                  <li tabIndex={0} onClick={() => props.onSelectFacility(p.facilityId)} onKeyDown={(e) => e.key === 'Enter' && props.onSelectFacility(p.facilityId)}>
                    <div class="row-main"><span class="name">{p.facilityName ?? p.facilityId}</span> <span class="muted">{typeLabel(p.typeJa)}</span></div>
                    <div class="row-sub"><RequirementChips solid={p.covers} only /> <span class="muted">{t('agreedOn')} {p.agreedOn ?? '—'}</span> <A253Badge a253={p.a253} /></div>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
    </>
  );
}
