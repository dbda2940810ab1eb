import { createResource, createSignal, For, Show } from 'solid-js';
import { REQUIREMENT_INFO, REQUIREMENTS, type Requirement } from '../../../../server/domain/requirements';
import { ApiRequestError, fetchFacilityRequests, fetchKasan, saveSeeking, sendRequest, type Candidate, type FacilityDetail } from '../../api';
import { t } from '../../i18n';

/**
 * The facility's side of the cycle: say it is seeking partners (shown on the map and first in nearby
 * hospitals' lists), ask a candidate for chosen requirements, follow its requests, see this fiscal
 * year's 協力医療機関連携加算 and download the 届出書.
 */
export function PartnershipSection(props: { f: FacilityDetail; candidates: Candidate[]; onChanged: () => void }) {
  const [requests, { refetch }] = createResource(() => props.f.id, fetchFacilityRequests);
  const [kasan] = createResource(() => props.f.id, fetchKasan);
  const [target, setTarget] = createSignal('');
  const [asks, setAsks] = createSignal<Requirement[]>([]);
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal(false);
  const chosen = () => props.candidates.find((c) => c.institution.code === target());
  const canGive = (r: Requirement) => !(r === 'admit' && chosen()?.institution.kind !== 'hospital');

  const choose = (code: string) => {
    setTarget(code);
    const c = props.candidates.find((x) => x.institution.code === code);
    setAsks(c ? [...c.covers.offered, ...c.covers.eligibleOnly].filter((r) => r !== 'admit' || c.institution.kind === 'hospital') : []);
    setSent(false);
  };
  const toggleSeeking = async () => {
    try {
      await saveSeeking(props.f.id, props.f.seeking?.length ? null : props.f.coverage.missing, props.f.version);
      setError(null);
      props.onChanged();
    } catch (err) {
      setError(err instanceof ApiRequestError && err.status === 409 ? t('form.conflict') : (err as Error).message);
    }
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    try {
      await sendRequest({ facilityId: props.f.id, institutionCode: target(), requirements: asks(), ...(message().trim() ? { message: message().trim() } : {}) });
      setError(null);
      setSent(true);
      setMessage('');
      void refetch();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section class="partnership" data-testid="partnership">
      <h3>{t('cycle.title')}</h3>
      <Show when={props.f.coverage.missing.length > 0 || props.f.seeking?.length}>
        <p>
          <Show when={props.f.seeking?.length} fallback={<span class="muted">{t('cycle.notSeeking')}</span>}>
            <span class="badge seeking" data-testid="seeking-badge">{t('cycle.seeking', { reqs: (props.f.seeking ?? []).map((r) => REQUIREMENT_INFO[r].symbol).join('') })}</span>
          </Show>{' '}
          <button type="button" onClick={() => void toggleSeeking()} data-testid="toggle-seeking">{props.f.seeking?.length ? t('cycle.stopSeeking') : t('cycle.startSeeking')}</button>
        </p>
      </Show>
      <form onSubmit={(e) => void submit(e)} data-testid="request-form">
        <label>
          {t('cycle.askWhom')}
          <select value={target()} onChange={(e) => choose(e.currentTarget.value)} data-testid="request-target">
            <option value="">—</option>
            <For each={props.candidates}>{(c) => <option value={c.institution.code}>{c.institution.name}（{c.minutes.toFixed(0)} 分）</option>}</For>
          </select>
        </label>
        <div class="checks">
          <For each={REQUIREMENTS}>
            {(r) => (
              <label class="inline" title={canGive(r) ? t(`req.${r}`) : t('form.hospitalOnly')}>
                <input type="checkbox" disabled={!target() || !canGive(r)} checked={asks().includes(r)} data-testid={`ask-${r}`} onChange={(e) => setAsks((a) => (e.currentTarget.checked ? [...a, r] : a.filter((x) => x !== r)))} />{' '}
                {REQUIREMENT_INFO[r].symbol} {t(`reqShort.${r}`)}
              </label>
            )}
          </For>
        </div>
        <label>
          {t('cycle.message')}
          <textarea rows="2" maxLength={1000} value={message()} onInput={(e) => setMessage(e.currentTarget.value)} data-testid="request-message" />
        </label>
        <p>
          <button type="submit" disabled={!target() || asks().length === 0} data-testid="send-request">{t('cycle.send')}</button>
          <Show when={sent()}> <span class="ok" role="status">{t('cycle.sent')}</span></Show>
        </p>
        <Show when={error()}><p class="error" role="alert" data-testid="request-error">{error()}</p></Show>
      </form>
      <Show when={(requests.latest ?? []).length > 0}>
        <h4>{t('cycle.sentRequests')}</h4>
        <ul class="rows" data-testid="sent-requests">
          <For each={requests.latest}>
            {(r) => (
              <li data-status={r.status}>
                {r.institution.name} · {r.requirements.map((x) => REQUIREMENT_INFO[x].symbol).join('')} · <strong>{t(`cycle.status.${r.status}`)}</strong>
                <Show when={r.reason}> — {r.reason}</Show> <span class="muted">{r.sentOn}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p data-testid="filing-links">
        {t('cycle.filing')}: <a href={`/api/facilities/${props.f.id}/filing.xlsx`} download="">Excel (.xlsx)</a> · <a href={`/api/facilities/${props.f.id}/filing.html`} target="_blank" rel="noopener">{t('cycle.print')}</a>
      </p>
      <Show when={kasan.latest}>
        {(k) => (
          <p class="muted" data-testid="kasan-summary">
            {t('cycle.kasan', { fy: k().fiscalYear, months: k().months.filter((m) => m.eligible).length, units: k().totalUnits })}
          </p>
        )}
      </Show>
    </section>
  );
}
