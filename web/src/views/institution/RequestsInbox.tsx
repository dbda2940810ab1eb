import { createResource, createSignal, For, Show } from 'solid-js';
import { REQUIREMENT_INFO, type Requirement } from '../../../../server/domain/requirements';
import { declineRequest, fetchInstitutionRequests, type PartnershipRequest } from '../../api';
import { actionErrorText, LoadError } from '../../components/LoadError';
import { t } from '../../i18n';
import { AcceptTerms } from './AcceptTerms';

/**
 * Requests the institution has received: accept — after reviewing the terms the agreement will have,
 * which may cover less than was asked — or decline with a reason. `eligible`: what it may cover.
 */
export function RequestsInbox(props: { code: string; eligible: readonly Requirement[]; onChanged: () => void }) {
  const [requests, { refetch }] = createResource(() => props.code, fetchInstitutionRequests);
  const [reviewing, setReviewing] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [reasons, setReasons] = createSignal<Record<number, string>>({});
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      setReviewing(null);
      void refetch();
      props.onChanged();
    } catch (err) {
      setError(actionErrorText(err));
    }
  };
  // (A resource that failed throws when read: look at its error first.)
  const all = () => (requests.error ? [] : (requests.latest ?? []));
  const pending = () => all().filter((r) => r.status === 'pending');
  const decided = () => all().filter((r) => r.status !== 'pending');
  const row = (r: PartnershipRequest) => (
    <>
      <strong>{r.facility.name}</strong> · {r.requirements.map((x) => REQUIREMENT_INFO[x].symbol).join('')} <span class="muted">{r.sentOn}</span>
      <Show when={r.message}><div class="muted">{t('quoted', { text: r.message ?? '' })}</div></Show>
    </>
  );
  return (
    <section data-testid="requests-inbox">
      <h3>{t('cycle.inbox', { n: requests.latest ? pending().length : '…' })}</h3>
      {/* Nothing is said about an empty inbox before it has loaded. */}
      <Show when={pending().length > 0} fallback={<p class="muted">{requests.latest || requests.error ? t('cycle.inboxEmpty') : t('loading')}</p>}>
        <ul class="rows">
          <For each={pending()}>
            {(r) => (
              <li data-request={r.id}>
                {row(r)}
                <Show when={reviewing() === r.id}>
                  <AcceptTerms r={r} eligible={props.eligible} onDone={() => void act(async () => undefined)} onCancel={() => setReviewing(null)} />
                </Show>
                <div>
                  <button type="button" aria-expanded={reviewing() === r.id} onClick={() => setReviewing((n) => (n === r.id ? null : r.id))} data-testid={`accept-${r.id}`}>{t('cycle.accept')}</button>{' '}
                  <input type="text" placeholder={t('cycle.reason')} aria-label={t('cycle.reason')} value={reasons()[r.id] ?? ''} onInput={(e) => setReasons((m) => ({ ...m, [r.id]: e.currentTarget.value }))} data-testid={`reason-${r.id}`} />{' '}
                  <button type="button" onClick={() => void act(() => declineRequest(r.id, r.version, reasons()[r.id] ?? ''))} data-testid={`decline-${r.id}`}>{t('cycle.decline')}</button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={requests.error}><LoadError error={requests.error} /></Show>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <Show when={decided().length > 0}>
        <ul class="rows muted" data-testid="decided-requests">
          <For each={decided()}>
            {(r) => (
              <li data-status={r.status}>
                {row(r)} · {t(`cycle.status.${r.status}`)}
                <Show when={r.granted}>{(g) => <> · {t('terms.granted', { covers: g().map((x) => REQUIREMENT_INFO[x].symbol).join('') })}</>}</Show>
                <Show when={r.reason}> — {r.reason}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
