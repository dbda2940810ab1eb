import { createResource, createSignal, For, Show } from 'solid-js';
import { requirementSymbols } from '../../../../server/domain/requirements';
import { fetchCombinations, fetchFacilityDesk, patchAgreement, sendRequest, withdrawRequest, type FacilityDesk as Desk } from '../../api';
import { A253Badge, KindBadge, RequirementChips, StatusBadge } from '../../components/badges';
import { actionErrorText, LoadError } from '../../components/LoadError';
import { fmt1 } from '../../components/format';
import { t } from '../../i18n';
import { useAppStore } from '../../state/store';
import { AgreementActions } from './AgreementActions';
import { ConfirmationDue } from './ConfirmationDue';
import { MeetingsSection } from './MeetingsSection';
import { ProposalList } from './ProposalList';
import { typeLabel } from '../../components/type-name';
import { HelpLink } from '../../components/HelpLink';

/**
 * A facility's landing page: where it stands against its duty, its partners and what each needs
 * this year, what waits for an answer, the best combination to ask next, its 連携会議 and the 加算
 * they give, and this year's 届出書 with its deadline. The map is one click away.
 */
export function FacilityDesk(props: { id: string }) {
  const { state, update } = useAppStore();
  const [desk, { refetch }] = createResource(() => props.id, fetchFacilityDesk);
  const [combos, { refetch: refetchCombos }] = createResource(() => [props.id, state.minutes] as const, ([id, m]) => fetchCombinations(id, m));
  const [note, setNote] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const done = (message: string) => {
    setNote(message);
    setError(null);
    void refetch();
    void refetchCombos();
  };
  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      done(message);
    } catch (err) {
      setError(actionErrorText(err));
    }
  };

  return (
    <Show when={!desk.error} fallback={<LoadError error={desk.error} />}>
      <Show when={desk.latest} fallback={<p class="muted">{t('loading')}</p>}>
        {(d) => (
          <article class="desk" data-testid="facility-desk">
            <header class="desk-head">
              <h2 data-testid="desk-name">{d().facility.name}</h2>
              <p>
                <span class="type-badge">{typeLabel(d().facility.typeJa)}</span> <StatusBadge status={d().facility.coverageStatus} /> <Duty f={d().facility} /><HelpLink term="duty" />
              </p>
              <button type="button" class="link" onClick={() => update({ view: 'facility', facility: props.id })} data-testid="desk-open-map">{t('desk.openOnMap')}</button>
            </header>
            <Show when={note()}><p class="note" role="status" data-testid="desk-note">{note()}</p></Show>
            <Show when={error()}><p class="error" role="alert">{error()}</p></Show>

            <section data-testid="desk-partners">
              <h3>{t('desk.partners', { n: d().partners.length })}</h3>
              <Show when={d().partners.length > 0} fallback={<p class="muted">{t('desk.noPartners')}</p>}>
                <ul class="rows">
                  <For each={d().partners}>
                    {(p) => (
                      <li data-agreement={p.agreementId}>
                        <div class="row-main">
                          <strong>{p.institution.name}</strong> <KindBadge kind={p.institution.kind} /> <RequirementChips solid={p.covers} />
                        </div>
                        <div class="row-sub">
                          {t('agreedOn')}: {p.agreedOn ?? '—'} · {t('desk.confirmedOn')}: {p.confirmedOn ?? '—'} ·{' '}
                          <ConfirmationDue c={p.confirmation} />{' '}
                          <A253Badge a253={p.a253} />
                        </div>
                        <AgreementActions a={p} canAdmit={p.institution.kind === 'hospital'} onDone={done} />
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <Show when={d().endedPartners.length > 0}>
              <section data-testid="desk-ended">
                <h3>{t('desk.endedPartners', { n: d().endedPartners.length })}</h3>
                <ul class="rows muted">
                  <For each={d().endedPartners}>
                    {(p) => (
                      <li data-agreement={p.agreementId}>
                        {p.institution.name} · {requirementSymbols(p.covers)} · {t('desk.endedOn')}: {p.endedOn ?? '—'}<Show when={p.endReason}> — {p.endReason}</Show>{' '}
                        <button type="button" onClick={() => void act(() => patchAgreement(p.agreementId, { version: p.version, status: 'active' }), t('desk.proposed'))} data-testid={`reactivate-${p.agreementId}`}>{t('desk.proposeReactivate')}</button>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>

            <section data-testid="desk-waiting">
              <h3>{t('desk.waiting')}</h3>
              <Show when={d().requests.length > 0}>
                <ul class="rows" data-testid="desk-requests">
                  <For each={d().requests}>
                    {(r) => (
                      <li data-request={r.id}>
                        {r.institution.name} · {requirementSymbols(r.requirements)} · {t('cycle.status.pending')} <span class="muted">{r.sentOn}</span>{' '}
                        <button type="button" onClick={() => void act(() => withdrawRequest(r.id, r.version), t('desk.requestWithdrawn'))}>{t('desk.withdrawRequest')}</button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <ProposalList proposals={d().proposals} partnerName={(p) => p.institution.name ?? p.institution.code} onDone={done} />
            </section>

            <section data-testid="desk-next">
              <h3>{t('desk.nextAsk')}</h3>
              <Show when={d().facility.coverageStatus !== 'covered'} fallback={<p class="muted">{t('desk.nothingMissing')}</p>}>
                <Show when={!combos.error} fallback={<LoadError error={combos.error} />}>
                  <Show when={combos.latest?.combinations[0]} fallback={<p class="muted">{combos.latest ? t('noCombination', { minutes: state.minutes }) : t('loading')}</p>}>
                    {(best) => (
                      <ul class="rows">
                        <For each={best().members}>
                          {(m) => (
                            <li>
                              <strong>{requirementSymbols(m.gives)}</strong> {m.name} <KindBadge kind={m.kind} /> <span class="muted">{t('minutes', { n: fmt1(m.minutes) })}</span>{' '}
                              <Show when={!d().requests.some((r) => r.institution.code === m.code)} fallback={<span class="muted">{t('cycle.status.pending')}</span>}>
                                <button type="button" onClick={() => void act(() => sendRequest({ facilityId: props.id, institutionCode: m.code, requirements: [...m.gives] }), t('cycle.sent'))} data-testid={`ask-${m.code}`}>
                                  {t('desk.askFor', { reqs: requirementSymbols(m.gives) })}
                                </button>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    )}
                  </Show>
                </Show>
              </Show>
            </section>

            <MeetingsSection id={props.id} desk={d()} onDone={done} />
            <FilingSection id={props.id} filing={d().filing} />
          </article>
        )}
      </Show>
    </Show>
  );
}

/** The duty: days left to 2027-04-01 for the types it binds, 努力義務 for the others. */
function Duty(props: { f: Desk['facility'] }) {
  return (
    <span class="duty" data-testid="desk-duty">
      <Show when={props.f.level === 'mandatory'} fallback={t('desk.bestEffort')}>
        <Show when={(props.f.daysToBinding ?? 0) > 0} fallback={t('desk.bindingNow', { date: props.f.bindingFrom ?? '' })}>
          {t('desk.daysToBinding', { n: props.f.daysToBinding ?? 0, date: props.f.bindingFrom ?? '' })}
        </Show>
      </Show>
    </span>
  );
}

/** This fiscal year's 届出書: its authority, the deadline and days left, whether it has been filed. */
function FilingSection(props: { id: string; filing: Desk['filing'] }) {
  const f = () => props.filing;
  return (
    <section data-testid="desk-filing">
      <h3>{t('desk.filing', { fy: f().fiscalYear })}</h3>
      <p>
        {t('desk.filingTo', { authority: f().authority?.name ?? '—' })}<HelpLink term="authority" /> ·{' '}
        <Show when={f().deadline} fallback={<span class="muted">{t('desk.noDeadline')}</span>}>
          {(due) => (
            <span data-testid="filing-deadline" classList={{ flag: true, gap: (f().daysLeft ?? 0) < 0 && !f().filed }}>
              {(f().daysLeft ?? 0) >= 0 ? t('desk.deadlineIn', { date: due(), n: f().daysLeft ?? 0 }) : t('desk.deadlinePassed', { date: due() })}
            </span>
          )}
        </Show>{' '}
        · <strong data-testid="filing-state">{f().filed ? t('desk.filed', { date: f().filed!.filedOn }) : t('desk.notFiled')}</strong>
      </p>
      <p>
        <a href={`/api/facilities/${props.id}/filing.xlsx?fiscalYear=${f().fiscalYear}`} download="" data-testid="desk-filing-xlsx">{t('desk.downloadFiling')}</a> ·{' '}
        <a href={`/api/facilities/${props.id}/filing.html?fiscalYear=${f().fiscalYear}`} target="_blank" rel="noopener">{t('cycle.print')}</a>
      </p>
    </section>
  );
}
