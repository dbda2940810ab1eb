import { createResource, createSignal, For, Show } from 'solid-js';
import { fetchInstitution, fetchInstitutionDesk, fetchNearby } from '../../api';
import { A253Badge, KindBadge, RequirementChips, StatusBadge } from '../../components/badges';
import { LoadError } from '../../components/LoadError';
import { fmt1 } from '../../components/format';
import { t } from '../../i18n';
import { useAppStore } from '../../state/store';
import { DeclarationForm } from '../institution/DeclarationForm';
import { RequestsInbox } from '../institution/RequestsInbox';
import { AgreementActions } from './AgreementActions';
import { ConfirmationDue } from './ConfirmationDue';
import { ProposalList } from './ProposalList';
import { typeLabel } from '../../components/type-name';
import { HelpLink } from '../../components/HelpLink';

/** How many nearby facilities seeking partners the landing page lists (the map view has them all). */
const NEARBY_SHOWN = 10;

/**
 * An institution's landing page: incoming 依頼 (accepted after reviewing the terms) and proposals,
 * its partners and its load against what it declared, the facilities nearby seeking partners —
 * those for which its ③ would earn A253 first — and its declaration.
 */
export function InstitutionDesk(props: { code: string }) {
  const { state, update } = useAppStore();
  const [desk, { refetch }] = createResource(() => props.code, fetchInstitutionDesk);
  const [detail, { refetch: refetchDetail }] = createResource(() => props.code, fetchInstitution);
  const [nearby] = createResource(() => [props.code, state.minutes] as const, ([code, m]) => fetchNearby(code, m));
  const [note, setNote] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const done = (message: string) => {
    setNote(message);
    void refetch();
    void refetchDetail();
  };
  const seeking = () => (nearby.latest?.facilities ?? []).filter((f) => f.seeking && !f.alreadyPartner).slice(0, NEARBY_SHOWN);

  return (
    <Show when={!desk.error} fallback={<LoadError error={desk.error} />}>
      <Show when={desk.latest} fallback={<p class="muted">{t('loading')}</p>}>
        {(d) => (
          <article class="desk" data-testid="institution-desk">
            <header class="desk-head">
              <h2 data-testid="desk-name">{d().institution.name}</h2>
              <p>
                <KindBadge kind={d().institution.kind} />{' '}
                <span data-testid="desk-load">
                  {d().institution.maxPartners === null
                    ? t('desk.loadNoMax', { n: d().institution.activePartners })
                    : t('desk.load', { n: d().institution.activePartners, max: d().institution.maxPartners ?? '', left: d().institution.remaining ?? 0 })}
                </span>
              </p>
              <button type="button" class="link" onClick={() => update({ view: 'institution', institution: props.code })} data-testid="desk-open-map">{t('desk.openOnMap')}</button>
            </header>
            <Show when={note()}><p class="note" role="status" data-testid="desk-note">{note()}</p></Show>

            <RequestsInbox code={props.code} eligible={detail.latest?.offers.eligible ?? (d().institution.canAdmit ? ['consult', 'examine', 'admit'] : ['consult', 'examine'])} onChanged={() => done(t('desk.accepted'))} />

            <section data-testid="desk-waiting">
              <h3>{t('desk.proposals')}</h3>
              <ProposalList proposals={d().proposals} partnerName={(p) => p.facility.name ?? p.facility.id} onDone={done} />
            </section>

            <section data-testid="desk-partners">
              <h3>{t('desk.partners', { n: d().partners.length })}</h3>
              <Show when={d().partners.length > 0} fallback={<p class="muted">{t('desk.noPartners')}</p>}>
                <ul class="rows">
                  <For each={d().partners}>
                    {(p) => (
                      <li data-agreement={p.agreementId}>
                        <div class="row-main">
                          <strong>{p.facility.name}</strong> <span class="muted">{typeLabel(p.facility.typeJa)}</span> <RequirementChips solid={p.covers} />
                        </div>
                        <div class="row-sub">
                          {t('desk.confirmedOn')}: {p.confirmedOn ?? '—'} ·{' '}
                          <ConfirmationDue c={p.confirmation} />{' '}
                          <A253Badge a253={p.a253} />
                        </div>
                        <AgreementActions a={p} canAdmit={d().institution.canAdmit} onDone={done} />
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <section data-testid="desk-nearby">
              <h3>{t('desk.nearbySeeking', { minutes: state.minutes })}</h3>
              <Show when={!nearby.error} fallback={<LoadError error={nearby.error} />}>
                <Show when={seeking().length > 0} fallback={<p class="muted">{nearby.latest ? t('desk.noneSeeking') : t('loading')}</p>}>
                  <ol class="rows">
                    <For each={seeking()}>
                      {(f) => (
                        <li data-a253={f.a253}>
                          <button type="button" class="link" onClick={() => update({ view: 'facility', facility: f.facilityId })}>{f.name}</button> <span class="muted">{typeLabel(f.typeJa)}</span> <StatusBadge status={f.status} />
                          <Show when={f.a253}> <span class="flag a253" title={t('a253Help')}>A253</span><HelpLink term="a253" /></Show>{' '}
                          <span class="muted">{t('minutes', { n: fmt1(f.minutes) })}</span>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </Show>
            </section>

            <section data-testid="desk-declaration">
              <h3>{t('declarationTitle')}</h3>
              <Show when={detail.latest} keyed fallback={<p class="muted">{t('loading')}</p>}>
                {(i) => (
                  <DeclarationForm
                    i={i}
                    saved={saved()}
                    onSaved={() => {
                      setSaved(true);
                      done(t('form.saved'));
                    }}
                  />
                )}
              </Show>
            </section>
          </article>
        )}
      </Show>
    </Show>
  );
}
