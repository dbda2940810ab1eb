import { createResource, createSignal, For, Show } from 'solid-js';
import { REQUIREMENT_INFO } from '../../../../server/domain/requirements';
import { ApiRequestError, fetchFacilityRequests, fetchKasan, saveSeeking, type Candidate, type FacilityDetail } from '../../api';
import { actionErrorText, LoadError } from '../../components/LoadError';
import { HelpLink } from '../../components/HelpLink';
import { t } from '../../i18n';
import { RequestForm } from './RequestForm';

/**
 * The facility's side of the cycle: say it is seeking partners (shown on the map and first in nearby
 * hospitals' lists), ask a candidate for chosen requirements, follow its requests, see this fiscal
 * year's 協力医療機関連携加算 and download the 届出書. `mode` 'read' (a municipality officer of its
 * area) leaves out what only the facility does: seeking and asking.
 */
export function PartnershipSection(props: { f: FacilityDetail; candidates: Candidate[]; mode: 'act' | 'read'; onChanged: () => void }) {
  const [requests, { refetch }] = createResource(() => props.f.id, fetchFacilityRequests);
  const [kasan] = createResource(() => props.f.id, fetchKasan);
  const [error, setError] = createSignal<string | null>(null);
  // (A resource that failed throws when read: look at its error first.)
  const sentRequests = () => (requests.error ? [] : (requests.latest ?? []));
  const acts = () => props.mode === 'act';

  const toggleSeeking = async () => {
    try {
      await saveSeeking(props.f.id, props.f.seeking?.length ? null : props.f.coverage.searchFor, props.f.version);
      setError(null);
      props.onChanged();
    } catch (err) {
      setError(err instanceof ApiRequestError && err.status === 409 ? t('form.conflict') : actionErrorText(err));
    }
  };

  return (
    <section class="partnership" data-testid="partnership" data-mode={props.mode}>
      <h3>{t('cycle.title')}</h3>
      <Show when={!acts()}><p class="hint" data-testid="partnership-read-only">{t('cycle.readOnly')}</p></Show>
      <Show when={props.f.coverage.searchFor.length > 0 || props.f.seeking?.length}>
        <p>
          <Show when={props.f.seeking?.length} fallback={<span class="muted">{t('cycle.notSeeking')}</span>}>
            <span class="badge seeking" data-testid="seeking-badge">{t('cycle.seeking', { reqs: (props.f.seeking ?? []).map((r) => REQUIREMENT_INFO[r].symbol).join('') })}</span>
          </Show>{' '}
          <Show when={acts()}>
            <button type="button" onClick={() => void toggleSeeking()} data-testid="toggle-seeking">{props.f.seeking?.length ? t('cycle.stopSeeking') : t('cycle.startSeeking')}</button>
          </Show>
        </p>
      </Show>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <Show when={acts()}>
        <RequestForm facilityId={props.f.id} candidates={props.candidates} onSent={() => void refetch()} />
      </Show>
      <Show when={requests.error}><LoadError error={requests.error} /></Show>
      <Show when={sentRequests().length > 0}>
        <h4>{t('cycle.sentRequests')}</h4>
        <ul class="rows" data-testid="sent-requests">
          <For each={sentRequests()}>
            {(r) => (
              <li data-status={r.status}>
                {r.institution.name} · {r.requirements.map((x) => REQUIREMENT_INFO[x].symbol).join('')} · <strong>{t(`cycle.status.${r.status}`)}</strong>
                <Show when={r.granted}>{(g) => <> · {t('terms.granted', { covers: g().map((x) => REQUIREMENT_INFO[x].symbol).join('') })}</>}</Show>
                <Show when={r.reason}> — {r.reason}</Show> <span class="muted">{r.sentOn}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p data-testid="filing-links">
        {t('cycle.filing')}: <a href={`/api/facilities/${props.f.id}/filing.xlsx`} download="">Excel (.xlsx)</a> · <a href={`/api/facilities/${props.f.id}/filing.html`} target="_blank" rel="noopener">{t('cycle.print')}</a>
      </p>
      <Show when={!kasan.error && kasan.latest}>
        {(k) => (
          <p class="muted" data-testid="kasan-summary">
            {t('cycle.kasan', { fy: k().fiscalYear, months: k().months.filter((m) => m.eligible).length, units: k().totalUnits })}
            <HelpLink term="kasan" />
          </p>
        )}
      </Show>
    </section>
  );
}
