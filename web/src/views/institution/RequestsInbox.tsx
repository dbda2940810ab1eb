import { createResource, createSignal, For, Show } from 'solid-js';
import { REQUIREMENT_INFO } from '../../../../server/domain/requirements';
import { acceptRequest, declineRequest, fetchInstitutionRequests, type PartnershipRequest } from '../../api';
import { actionErrorText, LoadError } from '../../components/LoadError';
import { t } from '../../i18n';

/** Requests the institution has received: accept (which makes the agreement) or decline with a reason. */
export function RequestsInbox(props: { code: string; onChanged: () => void }) {
  const [requests, { refetch }] = createResource(() => props.code, fetchInstitutionRequests);
  const [error, setError] = createSignal<string | null>(null);
  const [reasons, setReasons] = createSignal<Record<number, string>>({});
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
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
      <Show when={r.message}><div class="muted">「{r.message}」</div></Show>
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
                <div>
                  <button type="button" onClick={() => void act(() => acceptRequest(r.id, r.version))} data-testid={`accept-${r.id}`}>{t('cycle.accept')}</button>{' '}
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
          <For each={decided()}>{(r) => <li data-status={r.status}>{row(r)} · {t(`cycle.status.${r.status}`)}<Show when={r.reason}> — {r.reason}</Show></li>}</For>
        </ul>
      </Show>
    </section>
  );
}
